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
 *
 * An API key actor must also hold the action among its scopes (`permissions`); its `role` is its
 * creator's current role, so a key never does more than its scopes nor more than the person
 * answerable for it may do today.
 */
export function can(actor: Actor, action: Permission, resource?: WorkspaceResource): boolean {
  if (!actor.workspaceId || !actor.role) return false;
  if (resource && resource.workspaceId !== actor.workspaceId) return false;
  const roleHolds = (permissionTable[action] as readonly MemberRole[]).includes(actor.role as MemberRole);
  if (actor.type === 'api_key') return roleHolds && (actor.permissions?.includes(action) ?? false);
  return roleHolds;
}

/** `can`, or a `forbidden` AppError naming the missing permission. */
export function assertCan(actor: Actor, action: Permission, resource?: WorkspaceResource): void {
  if (!can(actor, action, resource)) {
    const who = actor.type === 'api_key' ? "This API key's scopes do" : 'Your role does';
    throw new AppError('forbidden', `${who} not allow ${action}.`);
  }
}
