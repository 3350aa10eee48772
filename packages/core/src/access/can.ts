import type { MemberRole } from '@plinth/db';
import type { Actor } from '../actor/index';
import { AppError } from '../errors/index';
import { permissionTable, type Permission } from './permissions';

/** Something that belongs to a workspace; `can` refuses anything from another one. */
export interface WorkspaceResource {
  workspaceId: string;
}

/**
 * May `actor` do `action` (on `resource`)? True only for a member of the resource's workspace whose
 * role holds the permission. Used by the server to decide and by the UI to hide.
 */
export function can(actor: Actor, action: Permission, resource?: WorkspaceResource): boolean {
  if (!actor.workspaceId || !actor.role) return false;
  if (resource && resource.workspaceId !== actor.workspaceId) return false;
  return (permissionTable[action] as readonly MemberRole[]).includes(actor.role as MemberRole);
}

/** `can`, or a `forbidden` AppError naming the missing permission. */
export function assertCan(actor: Actor, action: Permission, resource?: WorkspaceResource): void {
  if (!can(actor, action, resource)) {
    throw new AppError('forbidden', `Your role does not allow ${action}.`);
  }
}
