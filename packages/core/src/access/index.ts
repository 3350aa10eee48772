// Access: the permission table (`resource.action` → roles), role ranks, and the one can() the
// server decides with and the UI hides with.
export { can, assertCan, type WorkspaceResource } from './can';
export {
  permissionTable,
  permissionsFor,
  permissionsList,
  rankCovers,
  roleRank,
  roles,
  type Permission,
} from './permissions';
