import { describe, expect, it } from 'vitest';
import type { MemberRole } from '@plinth/db';
import { can, permissionTable, permissionsList, roles, type Permission } from './index';

const ws = '01900000-0000-7000-8000-0000000000aa';

/**
 * The permission table as reviewed, written out rather than imported: widening a grant in
 * permissions.ts (or adding a permission) fails here until this copy is changed in the same review.
 */
const reviewed: Record<Permission, readonly MemberRole[]> = {
  'workspace.read': ['owner', 'admin', 'member', 'viewer'],
  'workspace.update': ['owner', 'admin'],
  'workspace.delete': ['owner'],
  'workspace.transfer': ['owner'],
  'member.read': ['owner', 'admin', 'member', 'viewer'],
  'member.invite': ['owner', 'admin'],
  'member.update_role': ['owner', 'admin'],
  'member.remove': ['owner', 'admin'],
  'invitation.read': ['owner', 'admin'],
  'invitation.revoke': ['owner', 'admin'],
  'project.read': ['owner', 'admin', 'member', 'viewer'],
  'project.create': ['owner', 'admin', 'member'],
  'project.update': ['owner', 'admin', 'member'],
  'project.delete': ['owner', 'admin'],
  'file.read': ['owner', 'admin', 'member', 'viewer'],
  'file.upload': ['owner', 'admin', 'member'],
  'file.delete': ['owner', 'admin', 'member'],
  'audit.read': ['owner', 'admin'],
  'billing.read': ['owner', 'admin'],
  'billing.manage': ['owner', 'admin'],
  'api_key.read': ['owner', 'admin'],
  'api_key.manage': ['owner', 'admin'],
  'webhook.manage': ['owner', 'admin'],
};

describe('can()', () => {
  it('the permission table is exactly the reviewed one', () => {
    expect(permissionTable).toEqual(reviewed);
  });

  it('follows the reviewed grants for every role and action', () => {
    for (const role of roles) {
      const actor = { type: 'user' as const, id: 'u', workspaceId: ws, role };
      for (const action of permissionsList) {
        expect(can(actor, action), `${role} ${action}`).toBe(reviewed[action].includes(role));
      }
    }
  });

  it('refuses a resource from another workspace, and an actor with no membership', () => {
    const owner = { type: 'user' as const, id: 'u', workspaceId: ws, role: 'owner' };
    expect(can(owner, 'project.read', { workspaceId: '01900000-0000-7000-8000-0000000000bb' })).toBe(false);
    expect(can({ type: 'user', id: 'u' }, 'project.read')).toBe(false);
  });

  it('a viewer may read but not change projects', () => {
    const viewer = { type: 'user' as const, id: 'u', workspaceId: ws, role: 'viewer' };
    expect(can(viewer, 'project.read')).toBe(true);
    expect(can(viewer, 'project.update')).toBe(false);
    expect(can(viewer, 'project.delete')).toBe(false);
  });

  it('an API key may do what its scopes hold, and only what its creator role still holds', () => {
    const key = {
      type: 'api_key' as const,
      id: 'k',
      workspaceId: ws,
      role: 'admin',
      permissions: ['project.read', 'project.create', 'workspace.delete'],
    };
    expect(can(key, 'project.read')).toBe(true);
    expect(can(key, 'project.create')).toBe(true);
    // Not among its scopes, though the creator's role holds it.
    expect(can(key, 'project.delete')).toBe(false);
    // Among its scopes, but beyond the creator's role.
    expect(can(key, 'workspace.delete')).toBe(false);
    // A key whose creator's role is unknown can do nothing.
    expect(can({ ...key, role: undefined }, 'project.read')).toBe(false);
    expect(can({ ...key, permissions: undefined }, 'project.read')).toBe(false);
  });
});
