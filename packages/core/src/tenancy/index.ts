// Tenancy: workspaces, memberships with roles, invitations, and the membership check every
// workspace-scoped request runs. Tenant data is reached only through withTenant() and RLS.
export { memberOf, resolveMembership } from './membership';
export {
  createWorkspace,
  deleteWorkspace,
  isSlugAvailable,
  leaveWorkspace,
  listMyWorkspaces,
  renameWorkspace,
  restoreWorkspace,
  transferOwnership,
  RESTORE_WINDOW_DAYS,
} from './workspaces';
export { changeMemberRole, listMembers, removeMember, type MemberView } from './members';
export {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
  INVITATION_TTL_DAYS,
  type InvitationPreview,
  type InvitationView,
} from './invitations';
export { existingId } from './ids';
export { assertRankCovers } from './rank';
export * from './schemas';
export type { MemberActor, TenancyDeps, WorkspaceSummary } from './types';
