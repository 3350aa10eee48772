import type { MemberRole } from '@plinth/db';

export const roles: readonly MemberRole[] = ['owner', 'admin', 'member', 'viewer'];

/** Higher may manage lower: nobody invites, promotes or demotes above their own rank. */
export const roleRank: Record<MemberRole, number> = { owner: 4, admin: 3, member: 2, viewer: 1 };

/**
 * The rank rule: may someone of `actorRole` act on what belongs to, or grants, `otherRole`? Yes at
 * or below their own rank; `undefined` (someone no longer a member) outranks nobody. The server
 * decides with it (tenancy's assertRankCovers) and pages hide with it.
 */
export function rankCovers(actorRole: MemberRole, otherRole: MemberRole | undefined): boolean {
  return otherRole === undefined || roleRank[otherRole] <= roleRank[actorRole];
}

const everyone = ['owner', 'admin', 'member', 'viewer'] as const;
const managers = ['owner', 'admin'] as const;
const editors = ['owner', 'admin', 'member'] as const;

/**
 * Every permission, as a `resource.action` literal, with the roles that hold it. The one table
 * the server decides with and the UI hides with; tests generate the role × action matrix from it.
 */
export const permissionTable = {
  'workspace.read': everyone,
  'workspace.update': managers,
  'workspace.delete': ['owner'],
  'workspace.transfer': ['owner'],
  'member.read': everyone,
  'member.invite': managers,
  'member.update_role': managers,
  'member.remove': managers,
  'invitation.read': managers,
  'invitation.revoke': managers,
  'project.read': everyone,
  'project.create': editors,
  'project.update': editors,
  'project.delete': managers,
  'file.read': everyone,
  'file.upload': editors,
  'file.delete': editors,
  'audit.read': managers,
  'billing.read': managers,
  'billing.manage': managers,
  'api_key.read': managers,
  'api_key.manage': managers,
  'webhook.manage': managers,
} as const satisfies Record<string, readonly MemberRole[]>;

export type Permission = keyof typeof permissionTable;

export const permissionsList = Object.keys(permissionTable) as Permission[];

export function permissionsFor(role: MemberRole): Permission[] {
  return permissionsList.filter((permission) =>
    (permissionTable[permission] as readonly MemberRole[]).includes(role),
  );
}
