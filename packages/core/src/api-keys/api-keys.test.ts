import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKey, auditLog, member, user, withTenant, workspace, type MemberRole } from '@plinth/db';
import { addMember, createUser, createWorkspace, useTestDatabase } from '@plinth/testing';
import { permissionsFor } from '../access/index';
import type { MemberActor } from '../tenancy/index';
import { createApiKey, listApiKeys, resolveApiKey, revokeApiKey } from './index';

const testDb = useTestDatabase();
const deps = {
  get database() {
    return testDb.app;
  },
};

async function memberOf(role: MemberRole) {
  const ws = await createWorkspace(testDb.app);
  const person = await createUser(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: person, role });
  const actor: MemberActor = {
    type: 'user',
    id: person.id,
    workspaceId: ws.id,
    role,
    permissions: permissionsFor(role),
  };
  return { ws, person, actor };
}

describe('API keys in core', () => {
  it('a minted key resolves to an api_key actor of its workspace; only its hash is stored', async () => {
    const { ws, person, actor } = await memberOf('admin');
    const { key, secret } = await createApiKey(deps, actor, { name: 'CI', scopes: ['project.read'] });
    const resolved = await resolveApiKey(testDb.app, secret);
    expect(resolved).toMatchObject({
      keyId: key.id,
      workspaceId: ws.id,
      workspaceSlug: ws.slug,
      scopes: ['project.read'],
      createdBy: person.id,
      actor: { type: 'api_key', id: key.id, workspaceId: ws.id, role: 'admin', createdBy: person.id },
    });
    const [row] = await testDb.owner.db.select().from(apiKey).where(eq(apiKey.id, key.id));
    expect(JSON.stringify(row)).not.toContain(secret.slice(4));
    expect(row!.prefix).toBe(secret.slice(0, 12));
    const audit = await withTenant(testDb.app, ws.id, actor, (tx) => tx.select().from(auditLog));
    expect(audit).toMatchObject([{ action: 'api_key.created', actorId: person.id, targetId: key.id }]);
  });

  it('an admin cannot mint an owner-only scope, and nobody can mint workspace.transfer', async () => {
    const { actor } = await memberOf('admin');
    await expect(
      createApiKey(deps, actor, { name: 'x', scopes: ['workspace.delete'] }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      fields: { scopes: expect.stringContaining('workspace.delete') },
    });
    const owner = await memberOf('owner');
    await expect(
      createApiKey(deps, owner.actor, { name: 'x', scopes: ['workspace.transfer' as never] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const member = await memberOf('member');
    await expect(
      createApiKey(deps, member.actor, { name: 'x', scopes: ['project.read'] }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('a key scoped api_key.manage mints keys within its own scopes only, answerable to the same person', async () => {
    const { person, actor } = await memberOf('owner');
    const { secret } = await createApiKey(deps, actor, {
      name: 'manager',
      scopes: ['api_key.manage', 'project.read'],
    });
    const keyActor = (await resolveApiKey(testDb.app, secret))!.actor;
    await expect(
      createApiKey(deps, keyActor, { name: 'wider', scopes: ['project.create'] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const { key } = await createApiKey(deps, keyActor, {
      name: 'narrower',
      scopes: ['project.read'],
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(key.createdBy).toBe(person.id);
    // It cannot list keys: api_key.read is not among its scopes.
    await expect(listApiKeys(deps, keyActor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a key cannot mint a key that outlives it: a key-minted key must expire, no later than its parent', async () => {
    const { actor } = await memberOf('owner');
    const hour = 3_600_000;
    const parentExpiry = new Date(Date.now() + hour);
    const { secret } = await createApiKey(deps, actor, {
      name: 'short-lived manager',
      scopes: ['api_key.manage', 'project.read'],
      expiresAt: parentExpiry,
    });
    const resolved = (await resolveApiKey(testDb.app, secret))!;
    expect(resolved.expiresAt?.getTime()).toBe(parentExpiry.getTime());
    expect(resolved.actor.expiresAt?.getTime()).toBe(parentExpiry.getTime());
    const keyActor = resolved.actor;
    const child = (expiresAt: Date | null) =>
      createApiKey(deps, keyActor, { name: 'child', scopes: ['project.read'], expiresAt });
    await expect(child(null)).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { expiresAt: expect.any(String) },
    });
    await expect(child(new Date(Date.now() + 2 * hour))).rejects.toMatchObject({
      code: 'forbidden',
      fields: { expiresAt: expect.any(String) },
    });
    const { key } = await child(new Date(Date.now() + hour / 2));
    expect(key.expiresAt!.getTime()).toBeLessThanOrEqual(parentExpiry.getTime());

    // A parent without an expiry still mints only expiring keys; a person is free to choose.
    const { secret: forever } = await createApiKey(deps, actor, {
      name: 'manager',
      scopes: ['api_key.manage', 'project.read'],
    });
    const foreverActor = (await resolveApiKey(testDb.app, forever))!.actor;
    expect(foreverActor.expiresAt).toBeNull();
    await expect(
      createApiKey(deps, foreverActor, { name: 'child', scopes: ['project.read'] }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: { expiresAt: expect.any(String) } });
    const later = new Date(Date.now() + 30 * 24 * hour);
    const minted = await createApiKey(deps, foreverActor, {
      name: 'child',
      scopes: ['project.read'],
      expiresAt: later,
    });
    expect(minted.key.expiresAt?.getTime()).toBe(later.getTime());
  });

  it('no actor for a revoked, expired, unknown or malformed key, a deleted workspace, or a creator gone or banned', async () => {
    const cases: Record<string, (ctx: Awaited<ReturnType<typeof memberOf>>, keyId: string) => Promise<void>> =
      {
        revoked: (ctx, keyId) => revokeApiKey(deps, ctx.actor, keyId),
        expired: async (_ctx, keyId) => {
          await testDb.owner.db
            .update(apiKey)
            .set({ expiresAt: new Date(Date.now() - 1000) })
            .where(eq(apiKey.id, keyId));
        },
        'workspace deleted': async (ctx) => {
          await testDb.owner.db
            .update(workspace)
            .set({ deletedAt: new Date() })
            .where(eq(workspace.id, ctx.ws.id));
        },
        'creator left': async (ctx) => {
          await testDb.owner.db.delete(member).where(eq(member.userId, ctx.person.id));
        },
        'creator banned': async (ctx) => {
          await testDb.owner.db.update(user).set({ banned: true }).where(eq(user.id, ctx.person.id));
        },
      };
    for (const [name, spoil] of Object.entries(cases)) {
      const ctx = await memberOf('owner');
      const { key, secret } = await createApiKey(deps, ctx.actor, { name, scopes: ['project.read'] });
      expect(await resolveApiKey(testDb.app, secret), `${name} before`).not.toBeNull();
      await spoil(ctx, key.id);
      expect(await resolveApiKey(testDb.app, secret), name).toBeNull();
    }
    expect(await resolveApiKey(testDb.app, `plk_${'0'.repeat(43)}`)).toBeNull();
    expect(await resolveApiKey(testDb.app, 'plk_short')).toBeNull();
  });

  it("a demoted creator's key keeps only the scopes the new role holds", async () => {
    const { person, actor } = await memberOf('admin');
    const { secret } = await createApiKey(deps, actor, {
      name: 'ops',
      scopes: ['project.read', 'project.create', 'project.delete', 'member.invite'],
    });
    await testDb.owner.db.update(member).set({ role: 'member' }).where(eq(member.userId, person.id));
    expect((await resolveApiKey(testDb.app, secret))!.scopes).toEqual(['project.read', 'project.create']);
    await testDb.owner.db.update(member).set({ role: 'viewer' }).where(eq(member.userId, person.id));
    expect((await resolveApiKey(testDb.app, secret))!.scopes).toEqual(['project.read']);
  });

  it('revoking writes one audit row naming the revoker; a key of another workspace is not found', async () => {
    const { ws, actor } = await memberOf('owner');
    const { key } = await createApiKey(deps, actor, { name: 'old', scopes: ['project.read'] });
    const other = await memberOf('owner');
    await expect(revokeApiKey(deps, other.actor, key.id)).rejects.toMatchObject({ code: 'not_found' });
    await revokeApiKey(deps, actor, key.id);
    await revokeApiKey(deps, actor, key.id);
    const rows = await withTenant(testDb.app, ws.id, actor, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'api_key.revoked')),
    );
    expect(rows).toHaveLength(1);
    const { items } = await listApiKeys(deps, actor);
    expect(items[0]!.revokedAt).toBeInstanceOf(Date);
  });
});

describe('API keys and impersonation', () => {
  it('a staff member impersonating an owner cannot mint a key, through any surface', async () => {
    const { ws, actor } = await memberOf('owner');
    const staff = await createUser(testDb.app);
    await expect(
      createApiKey(
        deps,
        { ...actor, impersonatorId: staff.id },
        { name: 'backdoor', scopes: ['project.read'] },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const rows = await testDb.owner.db.select().from(apiKey).where(eq(apiKey.workspaceId, ws.id));
    expect(rows).toHaveLength(0);
  });
});
