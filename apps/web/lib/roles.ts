import { roleRank, roles } from '@plinth/core/access';
import type { MemberRole } from '@plinth/db';

export type { MemberRole };

export const roleLabels: Record<MemberRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};

export const roleDescriptions: Record<MemberRole, string> = {
  owner: 'Everything, including deleting the workspace and transferring it.',
  admin: 'Manage members, invitations, settings and every project.',
  member: 'Create and edit projects.',
  viewer: 'Read only.',
};

/** The roles someone with `role` may hand out: their own and those below (the server checks too). */
export function rolesUpTo(role: MemberRole): MemberRole[] {
  return roles.filter((candidate) => roleRank[candidate] <= roleRank[role]);
}

/** May someone with `actorRole` act on a person holding `targetRole`? Not above their own rank. */
export function outranksOrEquals(actorRole: MemberRole, targetRole: MemberRole): boolean {
  return roleRank[actorRole] >= roleRank[targetRole];
}
