import { describe, expect, it } from 'vitest';
import { auditLog, withTenant } from '@plinth/db';
import { createUser, createWorkspace, useTestDatabase } from '@plinth/testing';
import { audit } from './index';

const testDb = useTestDatabase();

describe('audit()', () => {
  it('records actor, impersonator, target and origin in the transaction of the change', async () => {
    const ws = await createWorkspace(testDb.app);
    const staff = await createUser(testDb.app);
    const person = await createUser(testDb.app);
    const actor = { type: 'user' as const, id: person.id, workspaceId: ws.id, impersonatorId: staff.id };
    await withTenant(testDb.app, ws.id, actor, (tx) =>
      audit(
        tx,
        actor,
        { action: 'project.deleted', target: { type: 'project', id: 'p-1' }, metadata: { name: 'Launch' } },
        { ip: '203.0.113.7', userAgent: 'vitest', requestId: 'req-9' },
      ),
    );
    const rows = await withTenant(testDb.app, ws.id, actor, (tx) => tx.select().from(auditLog));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      workspaceId: ws.id,
      actorType: 'user',
      actorId: person.id,
      impersonatorId: staff.id,
      action: 'project.deleted',
      targetType: 'project',
      targetId: 'p-1',
      ip: '203.0.113.7',
      userAgent: 'vitest',
      requestId: 'req-9',
      metadata: { name: 'Launch' },
    });
  });

  it('is rolled back with the change it records', async () => {
    const ws = await createWorkspace(testDb.app);
    const actor = { type: 'system' as const, id: 'test' };
    await expect(
      withTenant(testDb.app, ws.id, actor, async (tx) => {
        await audit(tx, actor, { action: 'workspace.renamed', workspaceId: ws.id });
        throw new Error('rename failed');
      }),
    ).rejects.toThrow('rename failed');
    const rows = await withTenant(testDb.app, ws.id, actor, (tx) => tx.select().from(auditLog));
    expect(rows).toEqual([]);
  });

  it("another workspace's audit rows are invisible inside this one", async () => {
    const a = await createWorkspace(testDb.app);
    const b = await createWorkspace(testDb.app);
    const actor = { type: 'system' as const, id: 'test' };
    await withTenant(testDb.app, b.id, actor, (tx) =>
      audit(tx, actor, { action: 'secret.b', workspaceId: b.id }),
    );
    const rows = await withTenant(testDb.app, a.id, actor, (tx) => tx.select().from(auditLog));
    expect(rows.map((row) => row.action)).not.toContain('secret.b');
  });
});
