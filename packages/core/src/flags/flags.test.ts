import { randomUUID } from 'node:crypto';
import { OpenFeature, StandardResolutionReasons, ErrorCode } from '@openfeature/server-sdk';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { auditLog, createDatabase, createNotifyHub, type Database, type NotifyHub } from '@plinth/db';
import {
  addMember,
  createUser,
  createWorkspace,
  grantPlan,
  rejectionOf,
  useTestDatabase,
} from '@plinth/testing';
import { projectTemplatesFor } from '../projects/index';
import { resolveMembership } from '../tenancy/index';
import { AppError } from '../errors/index';
import {
  clearFlagOverride,
  createFlagStore,
  defineFlags,
  evaluateFlag,
  expiredFlags,
  explainFlag,
  flag,
  flagCatalog,
  PlinthFlagProvider,
  rolloutBucket,
  setFlagOverride,
  type CachedOverride,
  type FlagStore,
} from './index';

const testDb = useTestDatabase();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const definitions = defineFlags({
  beta: {
    type: 'boolean',
    description: 'A test flag.',
    owner: 'tests',
    expires: '2999-01-01',
    default: false,
    plans: { team: true },
    rollout: { percent: 0, value: true },
    clientVisible: true,
  },
  theme: {
    type: 'string',
    description: 'A string flag.',
    owner: 'tests',
    expires: '2999-01-01',
    variants: ['classic', 'dusk', 'dawn'],
    default: 'classic',
    environments: { development: 'dusk' },
    clientVisible: false,
  },
});

/** A node: its own LISTEN connection, its own pool and its own flag cache. */
async function node(name: string): Promise<{ store: FlagStore; database: Database; hub: NotifyHub }> {
  const database = createDatabase(testDb.appUrl, { max: 2 });
  const hub = createNotifyHub({
    connectionString: testDb.appUrl,
    applicationName: name,
    retryMs: { min: 20, max: 200 },
  });
  const store = createFlagStore({ database, hub, definitions, environment: 'test' });
  closers.push(
    () => database.close(),
    () => hub.close(),
    () => store.close(),
  );
  await store.ready();
  return { store, database, hub };
}

const override = (scope: CachedOverride['scope'], value: boolean, more: Partial<CachedOverride> = {}) => ({
  scope,
  workspaceId: null,
  userId: null,
  value,
  expiresAt: null,
  ...more,
});

describe('resolution order', () => {
  const ws = randomUUID();
  const person = randomUUID();
  const evaluate = (overrides: CachedOverride[], subject = {}, now = new Date()) =>
    evaluateFlag(
      'beta',
      definitions.beta,
      overrides,
      { workspaceId: ws, userId: person, ...subject },
      'test',
      now,
    );

  it('kill switch → user override → workspace override → plan rule → rollout → environment default', () => {
    const all = [
      override('workspace', false, { workspaceId: ws }),
      override('user', true, { userId: person }),
      override('kill', false),
    ];
    expect(evaluate(all, { plan: 'team' })).toEqual({ value: false, reason: 'kill_switch' });
    expect(evaluate(all.slice(0, 2), { plan: 'team' })).toEqual({ value: true, reason: 'user_override' });
    expect(evaluate(all.slice(0, 1), { plan: 'team' })).toEqual({
      value: false,
      reason: 'workspace_override',
    });
    expect(evaluate([], { plan: 'team' })).toEqual({ value: true, reason: 'plan' });
    expect(evaluate([], { plan: 'pro' })).toEqual({ value: false, reason: 'environment_default' });
    // Another person's or workspace's override does not apply.
    const others = [
      override('user', true, { userId: randomUUID() }),
      override('workspace', true, { workspaceId: randomUUID() }),
    ];
    expect(evaluate(others)).toEqual({ value: false, reason: 'environment_default' });
  });

  it('the kill switch beats an override, even one set after it', () => {
    const killed = [override('kill', false), override('user', true, { userId: person })];
    expect(evaluate(killed)).toEqual({ value: false, reason: 'kill_switch' });
  });

  it('an expired override no longer applies; one expiring later still does', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const expired = [override('kill', true, { expiresAt: new Date('2029-12-31T23:59:59Z') })];
    expect(evaluate(expired, {}, now)).toEqual({ value: false, reason: 'environment_default' });
    const live = [override('kill', true, { expiresAt: new Date('2030-01-01T00:00:01Z') })];
    expect(evaluate(live, {}, now)).toEqual({ value: true, reason: 'kill_switch' });
  });

  it('the environment default differs per environment where declared', () => {
    expect(evaluateFlag('theme', definitions.theme, [], {}, 'development').value).toBe('dusk');
    expect(evaluateFlag('theme', definitions.theme, [], {}, 'production').value).toBe('classic');
  });
});

describe('percentage rollout', () => {
  const workspaces: string[] = Array.from({ length: 2_000 }, () => randomUUID());
  const at = (percent: number, workspaceId: string) =>
    evaluateFlag(
      'beta',
      { ...definitions.beta, rollout: { percent, value: true } },
      [],
      { workspaceId },
      'test',
    ).value;

  it('0 % reaches nobody and 100 % everybody', () => {
    expect(workspaces.filter((id) => at(0, id))).toHaveLength(0);
    expect(workspaces.filter((id) => at(100, id))).toHaveLength(workspaces.length);
  });

  it('is stable: the same workspace gets the same answer, and raising the percentage only adds workspaces', () => {
    expect(rolloutBucket('beta', workspaces[0]!)).toBe(rolloutBucket('beta', workspaces[0]!));
    let previous = new Set<string>();
    for (const percent of [1, 5, 10, 25, 50, 75, 99]) {
      const on = new Set(workspaces.filter((id) => at(percent, id)));
      for (const id of previous) expect(on.has(id), `${id} lost the flag at ${percent} %`).toBe(true);
      // Roughly the share asked for (2,000 samples: well within ±5 points).
      expect(Math.abs((on.size / workspaces.length) * 100 - percent)).toBeLessThan(5);
      previous = on;
    }
  });

  it('buckets differ per flag, so one workspace is not first for every rollout', () => {
    const first = workspaces.filter((id) => rolloutBucket('beta', id) < 10);
    const alsoFirst = first.filter((id) => rolloutBucket('theme', id) < 10);
    expect(alsoFirst.length).toBeLessThan(first.length / 2);
  });
});

describe('overrides in Postgres, cached per node', () => {
  it('a change on one node is seen by another through LISTEN/NOTIFY', async () => {
    const a = await node('flags-a');
    const b = await node('flags-b');
    const staff = await createUser(testDb.app, { role: 'admin' });
    const workspace = await createWorkspace(testDb.app);
    const ctx = (store: FlagStore) => ({ flags: store, workspaceId: workspace.id });
    expect(await flag(ctx(b.store), 'beta')).toBe(false);

    const admin = { database: a.database, definitions };
    await setFlagOverride(
      admin,
      { type: 'user', id: staff.id },
      {
        key: 'beta',
        scope: 'workspace',
        workspaceId: workspace.id,
        value: true,
        reason: 'Early access for a design partner',
      },
    );
    // No wall-clock bound here: the test's own timeout is the limit (the hub delivers at commit).
    await expect.poll(() => flag(ctx(b.store), 'beta'), { timeout: 30_000, interval: 20 }).toBe(true);
    // Node A hears its own change through the same NOTIFY, not sooner: it may come a moment after B.
    await expect
      .poll(() => explainFlag(ctx(a.store), 'beta'), { timeout: 30_000, interval: 20 })
      .toEqual({ value: true, reason: 'workspace_override' });

    await setFlagOverride(
      admin,
      { type: 'user', id: staff.id },
      { key: 'beta', scope: 'kill', value: false, reason: 'Bad release' },
    );
    await expect
      .poll(() => explainFlag(ctx(b.store), 'beta'), { timeout: 30_000, interval: 20 })
      .toEqual({
        value: false,
        reason: 'kill_switch',
      });
    await clearFlagOverride(
      admin,
      { type: 'user', id: staff.id },
      { key: 'beta', scope: 'kill', reason: 'Fixed' },
    );
    await expect.poll(() => flag(ctx(b.store), 'beta'), { timeout: 30_000, interval: 20 }).toBe(true);

    // Every change is audited with the staff member as actor and the reason, outside any workspace;
    // the workspace's own log gets "Plinth support" set the flag, without the reason.
    const rows = await testDb.owner.db
      .select({
        action: auditLog.action,
        actorId: auditLog.actorId,
        workspaceId: auditLog.workspaceId,
        metadata: auditLog.metadata,
      })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'flag'), eq(auditLog.targetId, 'beta')));
    const staffRecords = rows.filter((row) => row.actorId === staff.id);
    expect(staffRecords.map((row) => row.action).sort()).toEqual([
      'flag.kill_switch_cleared',
      'flag.kill_switch_set',
      'flag.override_set',
    ]);
    expect(staffRecords.every((row) => row.workspaceId === null)).toBe(true);
    expect(staffRecords.find((row) => row.action === 'flag.override_set')!.metadata).toMatchObject({
      reason: 'Early access for a design partner',
      workspaceId: workspace.id,
    });
    expect(rows.filter((row) => row.actorId !== staff.id)).toEqual([
      { action: 'flag.override_set', actorId: 'staff', workspaceId: workspace.id, metadata: { value: true } },
    ]);
  });

  it('a resync after a lost connection reloads the cache', async () => {
    const database = createDatabase(testDb.appUrl, { max: 2 });
    closers.push(() => database.close());
    // A hub whose subscriber we drive by hand: what the real hub does after reconnecting.
    let resync: (() => void) | undefined;
    const hub: NotifyHub = {
      async subscribe(_channel, _handler, onResync) {
        resync = onResync;
        return async () => {};
      },
      ready: async () => {},
      close: async () => {},
    };
    const store = createFlagStore({ database, hub, definitions, environment: 'test' });
    await store.ready();
    const staff = await createUser(testDb.app, { role: 'admin' });
    // Written while "disconnected": no notification reaches this store.
    await setFlagOverride(
      { database: testDb.app, definitions },
      { type: 'user', id: staff.id },
      {
        key: 'theme',
        scope: 'kill',
        value: 'dawn',
        reason: 'Testing resync',
      },
    );
    expect(await flag({ flags: store }, 'theme')).toBe('classic');
    resync!();
    await expect.poll(() => flag({ flags: store }, 'theme'), { timeout: 30_000, interval: 20 }).toBe('dawn');
    await clearFlagOverride(
      { database: testDb.app, definitions },
      { type: 'user', id: staff.id },
      {
        key: 'theme',
        scope: 'kill',
        reason: 'Done testing',
      },
    );
  });

  it('refuses non-staff, unknown flags, wrong values, missing targets and past expiries, writing nothing', async () => {
    const admin = { database: testDb.app, definitions };
    const person = await createUser(testDb.app);
    const staff = { type: 'user' as const, id: (await createUser(testDb.app, { role: 'admin' })).id };
    const workspace = await createWorkspace(testDb.app);
    const base = { key: 'beta', scope: 'kill' as const, value: true, reason: 'why not' };
    const code = async (promise: Promise<unknown>) => ((await rejectionOf(promise)) as AppError).code;
    expect(await code(setFlagOverride(admin, { type: 'user', id: person.id }, base))).toBe('not_found');
    expect(await code(setFlagOverride(admin, { ...staff, impersonatorId: staff.id }, base))).toBe(
      'not_found',
    );
    const fields = async (input: object) => {
      const error = await rejectionOf(setFlagOverride(admin, staff, { ...base, ...input } as typeof base));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_input');
      return Object.keys((error as AppError).fields ?? {});
    };
    expect(await fields({ key: 'nope' })).toEqual(['key']);
    expect(await fields({ key: 'theme', value: 'neon' })).toEqual(['value']);
    expect(await fields({ value: 'yes' })).toEqual(['value']);
    expect(await fields({ scope: 'workspace' })).toEqual(['workspaceId']);
    expect(await fields({ workspaceId: workspace.id })).toEqual(['workspaceId']);
    expect(await fields({ reason: ' ' })).toEqual(['reason']);
    expect(await fields({ expiresAt: '2000-01-01T00:00:00Z' })).toEqual(['expiresAt']);
    expect(await fields({ extra: 1 })).toEqual(['extra']);
    const rows = await testDb.owner.db.select().from(auditLog).where(eq(auditLog.targetType, 'flag'));
    expect(rows.filter((row) => row.actorId === staff.id || row.actorId === person.id)).toEqual([]);
  });
});

describe('OpenFeature provider', () => {
  afterAll(async () => {
    await OpenFeature.close();
  });

  it('answers through the OpenFeature client with the same evaluation, and reports unknown flags and wrong types', async () => {
    const { store } = await node('flags-openfeature');
    const staff = await createUser(testDb.app, { role: 'admin' });
    const person = await createUser(testDb.app);
    await setFlagOverride(
      { database: testDb.app, definitions },
      { type: 'user', id: staff.id },
      {
        key: 'beta',
        scope: 'user',
        userId: person.id,
        value: true,
        reason: 'Beta tester',
      },
    );
    await store.reload();
    await OpenFeature.setProviderAndWait(new PlinthFlagProvider(store));
    const client = OpenFeature.getClient();
    const workspaceId = randomUUID();

    const mine = await client.getBooleanDetails('beta', false, { targetingKey: person.id, workspaceId });
    expect(mine).toMatchObject({
      value: true,
      reason: StandardResolutionReasons.TARGETING_MATCH,
      variant: 'true',
    });
    expect(mine.flagMetadata).toEqual({ plinthReason: 'user_override' });
    const team = await client.getBooleanDetails('beta', false, {
      targetingKey: randomUUID(),
      workspaceId,
      plan: 'team',
    });
    expect(team).toMatchObject({ value: true, flagMetadata: { plinthReason: 'plan' } });
    const other = await client.getBooleanDetails('beta', true, { workspaceId });
    expect(other).toMatchObject({ value: false, reason: StandardResolutionReasons.DEFAULT });
    expect(await client.getStringValue('theme', 'x', {})).toBe('classic');

    // Errors come back as the SDK's error details with the caller's default, never as a throw.
    const missing = await client.getBooleanDetails('no_such_flag', true, {});
    expect(missing).toMatchObject({ value: true, errorCode: ErrorCode.FLAG_NOT_FOUND, reason: 'ERROR' });
    const wrongType = await client.getStringDetails('beta', 'fallback', {});
    expect(wrongType).toMatchObject({ value: 'fallback', errorCode: ErrorCode.TYPE_MISMATCH });
    const number = await client.getNumberDetails('beta', 7, {});
    expect(number).toMatchObject({ value: 7, errorCode: ErrorCode.TYPE_MISMATCH });
  });
});

describe('declarations', () => {
  it('refuses a bad declaration at load', () => {
    const base = {
      type: 'boolean',
      description: 'x',
      owner: 'x',
      expires: '2999-01-01',
      default: false,
      clientVisible: false,
    } as const;
    expect(() => defineFlags({ 'Bad-Key': base })).toThrow(/snake_case/);
    expect(() => defineFlags({ ok_key: { ...base, expires: 'soon' } })).toThrow(/expires/);
    expect(() => defineFlags({ ok_key: { ...base, rollout: { percent: 101, value: true } } })).toThrow(
      /percent/,
    );
    expect(() => defineFlags({ ok_key: { ...base, type: 'string', variants: ['a'], default: 'b' } })).toThrow(
      /one of a/,
    );
  });

  it('lists flags past their expiry date (what CI warns about)', () => {
    expect(expiredFlags(definitions, new Date('3000-01-01'))).toEqual([
      { key: 'beta', owner: 'tests', expires: '2999-01-01' },
      { key: 'theme', owner: 'tests', expires: '2999-01-01' },
    ]);
    expect(expiredFlags(definitions, new Date('2999-01-01'))).toEqual([]);
  });

  it('the product catalog declares the example domain flag, off by default in production', () => {
    expect(flagCatalog.project_templates).toMatchObject({
      type: 'boolean',
      default: false,
      clientVisible: true,
    });
  });
});

describe('the example domain: the project-templates beta', () => {
  it('is on for Team by plan rule, off for Free, and a workspace override or kill switch wins, at once on the node that set it', async () => {
    const store = createFlagStore({
      database: testDb.app,
      definitions: flagCatalog,
      environment: 'production',
    });
    closers.push(() => store.close());
    const staff = { type: 'user' as const, id: (await createUser(testDb.app, { role: 'admin' })).id };
    // The store has no hub here: it sees a change only because the change reloads this node's
    // cache before it answers.
    const admin = { database: testDb.app, definitions: flagCatalog, store };
    const memberOf = async (plan: 'free' | 'team') => {
      const workspace = await createWorkspace(testDb.app);
      await grantPlan(testDb.app, { workspace, plan });
      const person = await createUser(testDb.app);
      await addMember(testDb.app, { workspace, user: person, role: 'member' });
      return (await resolveMembership(testDb.app, person.id, workspace.slug)).actor;
    };
    const templates = async (actor: Awaited<ReturnType<typeof memberOf>>) =>
      (await projectTemplatesFor({ database: testDb.app, flags: store }, actor)).length;
    const team = await memberOf('team');
    const free = await memberOf('free');
    expect(await templates(team)).toBeGreaterThan(0);
    expect(await templates(free)).toBe(0);
    // A page that has already read the workspace's entitlements for this request passes its plan:
    // that plan decides the plan rule, and the entitlements are not read a second time.
    const withPlan = async (actor: Awaited<ReturnType<typeof memberOf>>, plan: 'free' | 'team') =>
      (await projectTemplatesFor({ database: testDb.app, flags: store }, actor, plan)).length;
    expect(await withPlan(free, 'team')).toBeGreaterThan(0);
    expect(await withPlan(team, 'free')).toBe(0);

    await setFlagOverride(admin, staff, {
      key: 'project_templates',
      scope: 'workspace',
      workspaceId: free.workspaceId,
      value: true,
      reason: 'Design partner',
    });
    expect(await templates(free)).toBeGreaterThan(0);
    await setFlagOverride(admin, staff, {
      key: 'project_templates',
      scope: 'kill',
      value: false,
      reason: 'Bug',
    });
    expect(await templates(free)).toBe(0);
    expect(await templates(team)).toBe(0);
    await clearFlagOverride(admin, staff, { key: 'project_templates', scope: 'kill', reason: 'Fixed' });
    expect(await templates(team)).toBeGreaterThan(0);
  });
});
