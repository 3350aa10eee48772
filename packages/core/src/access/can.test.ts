import { describe, expect, it } from 'vitest';
import { can, permissionTable, permissionsList, roles } from './index';

const ws = '01900000-0000-7000-8000-0000000000aa';

describe('can()', () => {
  it('follows the permission table for every role and action', () => {
    for (const role of roles) {
      const actor = { type: 'user' as const, id: 'u', workspaceId: ws, role };
      for (const action of permissionsList) {
        expect(can(actor, action), `${role} ${action}`).toBe(
          (permissionTable[action] as readonly string[]).includes(role),
        );
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
