import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, user, withTenant } from '@plinth/db';
import {
  addMember,
  createUser,
  createWorkspace,
  grantPlan,
  rejectionOf,
  useTestDatabase,
} from '@plinth/testing';
import { createApiKey } from '../api-keys/index';
import { AppError } from '../errors/index';
import { createProject, deleteProject } from '../projects/index';
import { changeMemberRole, type MemberActor } from '../tenancy/index';
import { audit, csvCell, describeAuditRecord, exportAuditLog, listAuditLog } from './index';

const testDb = useTestDatabase();
const deps = () => ({ database: testDb.app, appUrl: 'http://localhost:3000' });

async function proWorkspace() {
  const ws = await createWorkspace(testDb.app);
  await grantPlan(testDb.app, { workspace: ws, plan: 'pro' });
  const ada = await createUser(testDb.app, { name: 'Ada Lovelace' });
  const grace = await createUser(testDb.app, { name: 'Grace Hopper' });
  await addMember(testDb.app, { workspace: ws, user: ada, role: 'owner' });
  await addMember(testDb.app, { workspace: ws, user: grace, role: 'member' });
  const owner: MemberActor = { type: 'user', id: ada.id, workspaceId: ws.id, role: 'owner' };
  return { ws, ada, grace, owner };
}

async function drain(chunks: AsyncIterable<string>): Promise<string> {
  let body = '';
  for await (const chunk of chunks) body += chunk;
  return body;
}

describe('the audit log read as sentences', () => {
  it('names the actor and the target: a deleted project by its name, a person by today’s name', async () => {
    const { ws, grace, owner, ada } = await proWorkspace();
    const created = await createProject(deps(), owner, { name: 'Launch' });
    await deleteProject(deps(), owner, created.id);
    await changeMemberRole(deps(), owner, grace.id, { role: 'admin' });
    await testDb.app.db.update(user).set({ name: 'Grace Brewster Hopper' }).where(eq(user.id, grace.id));

    const { items } = await listAuditLog(deps(), owner);
    const sentences = items.map(describeAuditRecord);
    expect(sentences).toEqual([
      'Ada Lovelace changed Grace Brewster Hopper’s role from member to admin',
      'Ada Lovelace deleted the project “Launch”',
      'Ada Lovelace created the project “Launch”',
    ]);
    // The project's name was stored with the row at write time.
    const stored = await withTenant(testDb.app, ws.id, owner, (tx) =>
      tx
        .select({ targetName: auditLog.targetName })
        .from(auditLog)
        .where(eq(auditLog.action, 'project.deleted')),
    );
    expect(stored).toEqual([{ targetName: 'Launch' }]);

    // An erased account's name leaves the log with it: people are named at read time.
    await testDb.app.db
      .update(user)
      .set({ name: 'Deleted user', deletedAt: new Date() })
      .where(eq(user.id, ada.id));
    const after = (await listAuditLog(deps(), { ...owner, id: grace.id, role: 'admin' })).items;
    expect(after.map(describeAuditRecord)).toEqual([
      'A deleted account changed Grace Brewster Hopper’s role from member to admin',
      'A deleted account deleted the project “Launch”',
      'A deleted account created the project “Launch”',
    ]);
  });

  it('names an API key, the platform, staff acting as a person, and an action it has no sentence for', async () => {
    const { ws, owner, ada } = await proWorkspace();
    const staff = await createUser(testDb.app, { name: 'Sam Staff' });
    const key = await createApiKey(deps(), owner, { name: 'CI deploys', scopes: ['project.create'] });
    const keyActor: MemberActor = {
      type: 'api_key',
      id: key.key.id,
      workspaceId: ws.id,
      role: 'owner',
      createdBy: ada.id,
      permissions: ['project.create'],
    };
    await createProject(deps(), keyActor, { name: 'From CI' });
    await withTenant(testDb.app, ws.id, owner, async (tx) => {
      await audit(
        tx,
        { type: 'system', id: 'stripe-webhook' },
        { action: 'billing.plan_changed', workspaceId: ws.id },
      );
      await audit(
        tx,
        { ...owner, impersonatorId: staff.id },
        { action: 'workspace.renamed', metadata: { name: 'Acme 2' } },
      );
    });
    const sentences = (await listAuditLog(deps(), owner)).items.map(describeAuditRecord);
    expect(sentences.slice(0, 3)).toEqual([
      'Ada Lovelace renamed the workspace to “Acme 2” (by platform staff, signed in as them)',
      'Stripe: billing plan changed',
      'The API key “CI deploys” created the project “From CI”',
    ]);
  });

  it('filters by date range, and names `to` when the range ends before it starts', async () => {
    const { ws, owner } = await proWorkspace();
    await withTenant(testDb.app, ws.id, owner, (tx) =>
      tx.insert(auditLog).values(
        (
          [
            ['2026-11-01T12:00:00Z', 'project.created'],
            ['2026-11-15T12:00:00Z', 'project.updated'],
            ['2026-12-01T00:00:00Z', 'project.deleted'],
          ] as const
        ).map(([at, action]) => ({
          workspaceId: ws.id,
          actorType: 'user' as const,
          actorId: owner.id,
          action,
          occurredAt: new Date(at),
        })),
      ),
    );
    const actions = async (range: { from?: Date; to?: Date }) =>
      (await listAuditLog(deps(), owner, range)).items.map((item) => item.action).sort();
    // (Rows inserted in one statement share a millisecond, so their ids, the log's order, do not
    // follow the back-dated times: the answers are compared as sets.)
    expect(await actions({ from: new Date('2026-11-15T00:00:00Z') })).toEqual([
      'project.deleted',
      'project.updated',
    ]);
    // `to` is exclusive: an event at the instant it names is not in the range.
    expect(await actions({ to: new Date('2026-12-01T00:00:00Z') })).toEqual([
      'project.created',
      'project.updated',
    ]);
    expect(
      await actions({ from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') }),
    ).toEqual(['project.updated']);
    const yesterday = new Date('2026-11-20T00:00:00Z');
    const tomorrow = new Date('2026-11-21T00:00:00Z');
    const error = await rejectionOf(listAuditLog(deps(), owner, { from: tomorrow, to: yesterday }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual({ to: 'Choose an end after the start.' });
    const invalid = await rejectionOf(listAuditLog(deps(), owner, { from: 'yesterday' as unknown as Date }));
    expect((invalid as AppError).fields).toHaveProperty('from');
  });
});

describe('exportAuditLog', () => {
  it('streams CSV with every row of the range, quoted and guarded against spreadsheet formulas, and audits itself', async () => {
    const { owner } = await proWorkspace();
    await createProject(deps(), owner, { name: '=HYPERLINK("http://example.test","x")' });
    await createProject(deps(), owner, { name: 'Plain, with "quotes"' });
    const exported = await exportAuditLog(deps(), owner, { format: 'csv' });
    expect(exported.rows).toBe(2);
    expect(exported.contentType).toBe('text/csv; charset=utf-8');
    const lines = (await drain(exported.chunks)).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'occurred_at,summary,action,actor_type,actor_id,actor_name,impersonator_id,target_type,target_id,target_name,ip,user_agent,request_id,metadata',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Ada Lovelace created the project “Plain, with ""quotes""”"');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://example.test"",""x"")"`);
    // The export's own row is written, and is not in the export.
    const { items } = await listAuditLog(deps(), owner);
    expect(items[0]).toMatchObject({ action: 'audit.exported', metadata: { format: 'csv', rows: 2 } });
  });

  it('streams JSON that parses, in pages, leaving out what is written while it streams', async () => {
    const { ws, owner } = await proWorkspace();
    await withTenant(testDb.app, ws.id, owner, (tx) =>
      tx.insert(auditLog).values(
        Array.from({ length: 2_345 }, (_, i) => ({
          workspaceId: ws.id,
          actorType: 'user' as const,
          actorId: owner.id,
          action: 'project.updated',
          metadata: { i },
        })),
      ),
    );
    const exported = await exportAuditLog(deps(), owner, { format: 'json', action: 'project.updated' });
    expect(exported.rows).toBe(2_345);
    let body = '';
    let chunks = 0;
    for await (const chunk of exported.chunks) {
      if (chunks === 1) {
        await withTenant(testDb.app, ws.id, owner, (tx) =>
          audit(tx, owner, { action: 'project.updated', metadata: { i: 'late' } }),
        );
      }
      body += chunk;
      chunks++;
    }
    const parsed = JSON.parse(body) as { metadata: { i: number | string }; summary: string }[];
    expect(parsed).toHaveLength(2_345);
    expect(chunks).toBeGreaterThan(3); // '[' + three pages + ']'
    expect(new Set(parsed.map((row) => row.metadata.i)).size).toBe(2_345);
    expect(parsed.some((row) => row.metadata.i === 'late')).toBe(false);
    expect(parsed[0]!.summary).toBe('Ada Lovelace updated a project');
  });

  it('refuses a range over the bound up front (naming `from`), a viewer, and a plan without the audit log', async () => {
    const { ws, owner, grace } = await proWorkspace();
    await withTenant(testDb.app, ws.id, owner, async (tx) => {
      for (let i = 0; i < 4; i++) await audit(tx, owner, { action: 'project.updated' });
    });
    const tooMany = await rejectionOf(exportAuditLog(deps(), owner, {}, {}, { maxRows: 3 }));
    expect((tooMany as AppError).status).toBe(400);
    expect((tooMany as AppError).fields).toHaveProperty('from');
    const member = await rejectionOf(
      exportAuditLog(deps(), { type: 'user', id: grace.id, workspaceId: ws.id, role: 'member' }, {}),
    );
    expect((member as AppError).status).toBe(403);
    const badFormat = await rejectionOf(exportAuditLog(deps(), owner, { format: 'xml' as 'csv' }));
    expect((badFormat as AppError).fields).toHaveProperty('format');

    const free = await createWorkspace(testDb.app);
    const freeOwner = await createUser(testDb.app);
    await addMember(testDb.app, { workspace: free, user: freeOwner, role: 'owner' });
    const unpaid = await rejectionOf(
      exportAuditLog(deps(), { type: 'user', id: freeOwner.id, workspaceId: free.id, role: 'owner' }, {}),
    );
    expect((unpaid as AppError).status).toBe(402);
  });

  it('csvCell quotes separators and defuses formulas', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2,3')).toBe(`"'-2,3"`);
  });
});
