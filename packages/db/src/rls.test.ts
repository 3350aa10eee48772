import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addMember, createProject, createUser, createWorkspace, useTestDatabase } from '@plinth/testing';
import {
  auditLog,
  project,
  readInTenant,
  readInTenantPrepared,
  withTenant,
  type Database,
  type Workspace,
} from './index';

const testDb = useTestDatabase();

async function twoTenantsWithProjects() {
  const alice = await createUser(testDb.app);
  const bob = await createUser(testDb.app);
  const a = await createWorkspace(testDb.app);
  const b = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace: a, user: alice, role: 'owner' });
  await addMember(testDb.app, { workspace: b, user: bob, role: 'owner' });
  await createProject(testDb.app, { workspace: a, createdBy: alice, name: 'A1' });
  await createProject(testDb.app, { workspace: a, createdBy: alice, name: 'A2' });
  await createProject(testDb.app, { workspace: b, createdBy: bob, name: 'B1' });
  return { a, b, alice, bob };
}

// The checks below are functions so the last test can run them against a database whose policy
// was removed and watch them fail: a guard that cannot fail guards nothing.
async function assertNothingVisibleWithoutTenant(database: Database) {
  const rows = await database.db.select().from(project);
  expect(rows).toEqual([]);
}

async function assertTenantSeesOnlyItsRows(database: Database, a: Workspace) {
  const rows = await withTenant(database, a.id, { type: 'system', id: 'test' }, (tx) =>
    // Deliberately no WHERE: RLS is the floor under a forgotten filter.
    tx.select({ name: project.name, workspaceId: project.workspaceId }).from(project),
  );
  expect(rows.map((row) => row.name).sort()).toEqual(['A1', 'A2']);
  expect(new Set(rows.map((row) => row.workspaceId))).toEqual(new Set([a.id]));
}

describe('row-level security on tenant tables', () => {
  it('as the app role, a query with no tenant set returns no rows', async () => {
    await twoTenantsWithProjects();
    const [{ count }] = (
      await testDb.owner.db.execute<{ count: string }>(sql`select count(*)::text as count from project`)
    ).rows as [{ count: string }];
    expect(Number(count)).toBeGreaterThanOrEqual(3); // the rows exist; the app role just cannot see them
    await assertNothingVisibleWithoutTenant(testDb.app);
  });

  it("a query for workspace A never returns B's rows, even without a WHERE", async () => {
    const { a } = await twoTenantsWithProjects();
    await assertTenantSeesOnlyItsRows(testDb.app, a);
  });

  it('cannot write a row into another tenant from inside workspace A', async () => {
    const { a, b, alice } = await twoTenantsWithProjects();
    const attempt = withTenant(testDb.app, a.id, { type: 'user', id: alice.id }, (tx) =>
      tx.insert(project).values({ workspaceId: b.id, name: 'smuggled', createdBy: alice.id }),
    );
    // 42501: "new row violates row-level security policy" (drizzle keeps the pg error as cause)
    await expect(attempt).rejects.toMatchObject({
      cause: { code: '42501', message: expect.stringMatching(/row-level security/) },
    });
  });

  it("an UPDATE or DELETE without a WHERE touches only the current tenant's rows", async () => {
    const { a, b, bob } = await twoTenantsWithProjects();
    await withTenant(testDb.app, a.id, { type: 'system', id: 'test' }, async (tx) => {
      await tx.update(project).set({ description: 'touched' });
      await tx.delete(project);
    });
    const bRows = await withTenant(testDb.app, b.id, { type: 'user', id: bob.id }, (tx) =>
      tx.select().from(project),
    );
    expect(bRows.map((row) => [row.name, row.description])).toEqual([['B1', null]]);
  });

  it('tenant settings end with the transaction and never leak to the next pool checkout', async () => {
    const { a } = await twoTenantsWithProjects();
    await withTenant(testDb.app, a.id, { type: 'system', id: 'test' }, async () => {});
    // The pool has 5 connections; check each so the one withTenant used is among them.
    const settings = await Promise.all(
      Array.from({ length: 5 }, () =>
        testDb.app.pool.query<{ ws: string | null }>(
          "select current_setting('app.workspace_id', true) as ws, pg_sleep(0.01)",
        ),
      ),
    );
    for (const result of settings) expect(result.rows[0]!.ws ?? '').toBe('');
  });

  it('rolls back everything when the function throws, and the connection stays usable', async () => {
    const { a, alice } = await twoTenantsWithProjects();
    const failing = withTenant(testDb.app, a.id, { type: 'user', id: alice.id }, async (tx) => {
      await tx.insert(project).values({ workspaceId: a.id, name: 'half-written', createdBy: alice.id });
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    const names = await withTenant(testDb.app, a.id, { type: 'user', id: alice.id }, (tx) =>
      tx.select({ name: project.name }).from(project),
    );
    expect(names.map((row) => row.name)).not.toContain('half-written');
  });

  it('refuses a workspace id that is not a uuid', async () => {
    await expect(
      withTenant(testDb.app, "x' or true --", { type: 'system', id: 'test' }, async () => 1),
    ).rejects.toThrow(TypeError);
  });

  it('every table with a workspace_id has RLS enabled and forced, with a policy', async () => {
    const { rows } = await testDb.owner.pool.query<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: number;
    }>(`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and c.relname not in ('member', 'outbox', 'customer', 'api_key', 'webhook_dispatch', 'flag_override')`);
    // Routing tables, read before a tenant is chosen: member (membership check), customer (Stripe
    // customer → workspace, for the webhook worker), api_key (key → workspace). outbox is written
    // and relayed by the platform. None holds tenant domain data. Everything else must be fenced
    // (notification and notification_preference per person, decision 0026).
    expect(rows.map((row) => row.table).sort()).toEqual([
      'audit_log',
      'checkout_session',
      'entitlement',
      'file',
      'invitation',
      'invoice',
      'notification',
      'notification_preference',
      'plan_override',
      'project',
      'subscription',
      'subscription_item',
      'webhook_delivery',
      'webhook_endpoint',
    ]);
    for (const row of rows) {
      expect(row, row.table).toMatchObject({ enabled: true, forced: true });
      expect(row.policies, row.table).toBeGreaterThan(0);
    }
  });

  it('the app role owns nothing and cannot bypass RLS', async () => {
    const { rows } = await testDb.owner.pool.query<{ super: boolean; bypass: boolean; owned: number }>(`
      select r.rolsuper as super, r.rolbypassrls as bypass,
             (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
      from pg_roles r where r.rolname = 'plinth_app'`);
    expect(rows).toEqual([{ super: false, bypass: false, owned: 0 }]);
  });

  it('the checks above fail once the policy is removed (they can catch a regression)', async () => {
    const { a } = await twoTenantsWithProjects();
    await testDb.owner.pool.query('drop policy project_tenant_isolation on project');
    try {
      // With RLS on and no policy, the tenant sees nothing: the isolation check must fail.
      await expect(assertTenantSeesOnlyItsRows(testDb.app, a)).rejects.toThrow();
      await testDb.owner.pool.query('alter table project disable row level security');
      // With RLS off, everything is visible without a tenant: that check must fail too.
      await expect(assertNothingVisibleWithoutTenant(testDb.app)).rejects.toThrow();
    } finally {
      await testDb.owner.pool.query('alter table project enable row level security');
      await testDb.owner.pool.query(`create policy project_tenant_isolation on project for all to public
        using (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
        with check (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)`);
    }
    await assertTenantSeesOnlyItsRows(testDb.app, a);
  });
});

// readInTenant: the folded read (begin, settings, one statement, commit in one message) keeps the
// same floor: the settings are transaction-local and the forced policy, not the statement, decides.
async function assertFoldedReadSeesOnlyItsRows(database: Database, a: Workspace) {
  // Deliberately no WHERE, as above.
  const rows = await readInTenant<{ name: string; workspace_id: string }>(
    database,
    a.id,
    { type: 'system', id: 'test' },
    () => 'select name, workspace_id from project',
  );
  expect(rows.map((row) => row.name).sort()).toEqual(['A1', 'A2']);
  expect(new Set(rows.map((row) => row.workspace_id))).toEqual(new Set([a.id]));
}

describe('readInTenant: one round trip, the same row-level security', () => {
  it("sees only workspace A's rows without a WHERE, and fails once the policy is removed", async () => {
    const { a } = await twoTenantsWithProjects();
    await assertFoldedReadSeesOnlyItsRows(testDb.app, a);
    await testDb.owner.pool.query('alter table project disable row level security');
    try {
      await expect(assertFoldedReadSeesOnlyItsRows(testDb.app, a)).rejects.toThrow();
    } finally {
      await testDb.owner.pool.query('alter table project enable row level security');
    }
    await assertFoldedReadSeesOnlyItsRows(testDb.app, a);
  });

  it('inlines values as escaped literals, and its settings end with its transaction', async () => {
    const { a } = await twoTenantsWithProjects();
    const hostile = "A1' or true --";
    const rows = await readInTenant<{ name: string }>(
      testDb.app,
      a.id,
      { type: 'user', id: "o'brien" },
      (literal) =>
        `select name, current_setting('app.actor_id') as actor from project where name = ${literal(hostile)} or name = ${literal('A2')} limit ${literal(5)}`,
    );
    expect(rows).toEqual([{ name: 'A2', actor: "o'brien" }]);
    await expect(
      readInTenant(testDb.app, a.id, { type: 'system', id: 'test' }, (literal) => `select ${literal(1.5)}`),
    ).rejects.toThrow(TypeError);
    const settings = await Promise.all(
      Array.from({ length: 5 }, () =>
        testDb.app.pool.query<{ ws: string | null }>(
          "select current_setting('app.workspace_id', true) as ws, pg_sleep(0.01)",
        ),
      ),
    );
    for (const result of settings) expect(result.rows[0]!.ws ?? '').toBe('');
  });

  it('a failing statement rolls the transaction back and the connection stays usable', async () => {
    const { a } = await twoTenantsWithProjects();
    await expect(
      readInTenant(testDb.app, a.id, { type: 'system', id: 'test' }, () => 'select 1 / 0'),
    ).rejects.toMatchObject({ code: '22012' });
    // Every connection of the pool answers outside any transaction.
    const states = await Promise.all(
      Array.from({ length: 5 }, () =>
        testDb.app.pool.query<{ open: boolean }>(
          'select now() <> statement_timestamp() as open, pg_sleep(0.01)',
        ),
      ),
    );
    for (const state of states) expect(state.rows[0]!.open).toBe(false);
    await assertFoldedReadSeesOnlyItsRows(testDb.app, a);
    await expect(
      readInTenant(testDb.app, 'not-a-uuid', { type: 'system', id: 'test' }, () => 'select 1'),
    ).rejects.toThrow(TypeError);
  });
});

// readInTenantPrepared: the same read as named statements pipelined in one round trip (begin,
// settings, the statement, commit): the same floor, and the same clean-up after a failure.
async function assertPreparedReadSeesOnlyItsRows(database: Database, a: Workspace) {
  // Deliberately no WHERE, as above; run twice so the second goes through the prepared statements.
  for (let attempt = 0; attempt < 2; attempt++) {
    const rows = await readInTenantPrepared<{ name: string; workspace_id: string }>(
      database,
      a.id,
      { type: 'system', id: 'test' },
      { name: 'rls_test_projects', text: 'select name, workspace_id from project', values: [] },
    );
    expect(rows.map((row) => row.name).sort()).toEqual(['A1', 'A2']);
    expect(new Set(rows.map((row) => row.workspace_id))).toEqual(new Set([a.id]));
  }
}

/** Every connection of the pool answers outside any transaction, with no tenant setting left. */
async function assertPoolIsClean(database: Database) {
  const states = await Promise.all(
    Array.from({ length: 5 }, () =>
      database.pool.query<{ open: boolean; ws: string | null }>(
        "select now() <> statement_timestamp() as open, current_setting('app.workspace_id', true) as ws, pg_sleep(0.01)",
      ),
    ),
  );
  for (const state of states) {
    expect(state.rows[0]!.open).toBe(false);
    expect(state.rows[0]!.ws ?? '').toBe('');
  }
}

describe('readInTenantPrepared: named statements in one round trip, the same row-level security', () => {
  it("sees only workspace A's rows without a WHERE, and fails once the policy is removed", async () => {
    const { a } = await twoTenantsWithProjects();
    await assertPreparedReadSeesOnlyItsRows(testDb.app, a);
    await testDb.owner.pool.query('alter table project disable row level security');
    try {
      await expect(assertPreparedReadSeesOnlyItsRows(testDb.app, a)).rejects.toThrow();
    } finally {
      await testDb.owner.pool.query('alter table project enable row level security');
    }
    await assertPreparedReadSeesOnlyItsRows(testDb.app, a);
  });

  it('binds values as parameters, and its settings end with its transaction', async () => {
    const { a } = await twoTenantsWithProjects();
    const hostile = "A1' or true --";
    const rows = await readInTenantPrepared<{ name: string; actor: string }>(
      testDb.app,
      a.id,
      { type: 'user', id: "o'brien" },
      {
        name: 'rls_test_named',
        text: "select name, current_setting('app.actor_id') as actor from project where name = $1 or name = $2 limit $3",
        values: [hostile, 'A2', 5],
      },
    );
    expect(rows).toEqual([{ name: 'A2', actor: "o'brien" }]);
    await assertPoolIsClean(testDb.app);
    await expect(
      readInTenantPrepared(
        testDb.app,
        'not-a-uuid',
        { type: 'system', id: 'test' },
        {
          name: 'rls_test_one',
          text: 'select 1',
          values: [],
        },
      ),
    ).rejects.toThrow(TypeError);
  });

  it('a failing statement throws its own error, the transaction ends and the connection stays usable', async () => {
    const { a } = await twoTenantsWithProjects();
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(
        readInTenantPrepared(
          testDb.app,
          a.id,
          { type: 'system', id: 'test' },
          {
            name: 'rls_test_divide',
            text: 'select 1 / $1::int',
            values: [0],
          },
        ),
      ).rejects.toMatchObject({ code: '22012' });
    }
    // A statement that does not parse fails before it is prepared, and does not poison its name.
    await expect(
      readInTenantPrepared(
        testDb.app,
        a.id,
        { type: 'system', id: 'test' },
        {
          name: 'rls_test_broken',
          text: 'select from from',
          values: [],
        },
      ),
    ).rejects.toMatchObject({ code: '42601' });
    await assertPoolIsClean(testDb.app);
    await assertPreparedReadSeesOnlyItsRows(testDb.app, a);
    // The pool's connections are back to one statement at a time (pipeline mode was this read's only).
    const client = await testDb.app.pool.connect();
    try {
      expect((client as unknown as { pipeline: boolean }).pipeline).toBe(false);
    } finally {
      client.release();
    }
  });
});

describe('the audit log is append-only', () => {
  async function oneAuditRow(database: Database, workspaceId: string) {
    await withTenant(database, workspaceId, { type: 'system', id: 'test' }, (tx) =>
      tx
        .insert(auditLog)
        .values({ action: 'test.happened', actorType: 'system', actorId: 'test', workspaceId }),
    );
  }

  it('the app role can insert and read back in its tenant', async () => {
    const ws = await createWorkspace(testDb.app);
    await oneAuditRow(testDb.app, ws.id);
    const rows = await withTenant(testDb.app, ws.id, { type: 'system', id: 'test' }, (tx) =>
      tx.select().from(auditLog),
    );
    expect(rows.map((row) => row.action)).toEqual(['test.happened']);
  });

  it('refuses UPDATE and DELETE from the app role', async () => {
    const ws = await createWorkspace(testDb.app);
    await oneAuditRow(testDb.app, ws.id);
    await expect(testDb.app.pool.query("update audit_log set action = 'forged'")).rejects.toThrow(
      /permission denied/,
    );
    await expect(testDb.app.pool.query('delete from audit_log')).rejects.toThrow(/permission denied/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even from the owner (trigger)', async () => {
    const ws = await createWorkspace(testDb.app);
    await oneAuditRow(testDb.app, ws.id);
    await expect(testDb.owner.pool.query("update audit_log set action = 'forged'")).rejects.toThrow(
      /append-only/,
    );
    await expect(testDb.owner.pool.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(testDb.owner.pool.query('truncate audit_log')).rejects.toThrow(/append-only/);
    const { rows } = await testDb.owner.pool.query('select action from audit_log where workspace_id = $1', [
      ws.id,
    ]);
    expect(rows).toEqual([{ action: 'test.happened' }]);
  });
});
