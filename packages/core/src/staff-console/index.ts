// Staff console, the workspace side (/admin/workspaces, /admin): search, one workspace's whole
// picture, suspension, plan overrides and the business numbers. Every service checks the staff
// role itself (assertStaff) and every change writes an audit row with the staff member as actor.
// Flag overrides and kill switches are the flags module's setFlagOverride / clearFlagOverride.
export { assertStaff, type StaffDeps } from './staff';
export {
  searchWorkspaces,
  searchWorkspacesInput,
  type SearchWorkspacesInput,
  type WorkspaceHit,
} from './search';
export { stripeDashboardUrl, workspaceDetail, type WorkspaceDetail } from './detail';
export {
  clearPlanOverride,
  clearPlanOverrideInput,
  setPlanOverride,
  setPlanOverrideInput,
  suspendWorkspace,
  suspendWorkspaceInput,
  unsuspendWorkspace,
  unsuspendWorkspaceInput,
  type ClearPlanOverrideInput,
  type SetPlanOverrideInput,
  type SuspendWorkspaceInput,
  type UnsuspendWorkspaceInput,
} from './actions';
export { staffNumbers, type StaffNumbers } from './numbers';
