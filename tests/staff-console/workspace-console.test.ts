import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApiKey, resolveApiKey } from '@plinth/core/api-keys';
import { auditActorLabel, describeAuditRecord, listAuditLog } from '@plinth/core/audit';
import { billingSummary } from '@plinth/core/billing';
import { entitlements } from '@plinth/core/entitlements';
import { AppError } from '@plinth/core/errors';
import {
  clearPlanOverride,
  searchWorkspaces,
  setPlanOverride,
  suspendWorkspace,
  unsuspendWorkspace,
  workspaceDetail,
} from '@plinth/core/staff-console';
import { createFlagStore, flagCatalog } from '@plinth/core/flags';
import { resolveMembership } from '@plinth/core/tenancy';
import { auditLog, customer, type User, type Workspace } from '@plinth/db';
import {
  addMember,
  createUser,
  createWorkspace,
  grantPlan,
  rejectionOf,
  useTestDatabase,
} from '@plinth/testing';

// The workspace side of the staff console at the core: search, suspension as every membership
// lookup sees it, plan overrides as entitlements apply them (and stop applying them), audit rows
// with the staff member as actor, and refusals for everyone else.
const testDb = useTestDatabase();
const deps = () => ({ database: testDb.app });
const staffOf = (person: User) => ({ type: 'user' as const, id: person.id });

async function code(work: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(work);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

async function withOwner(values: Partial<Workspace> = {}): Promise<{ workspace: Workspace; owner: User }> {
  const workspace = await createWorkspace(testDb.app, values);
  const owner = await createUser(testDb.app);
  await addMember(testDb.app, { workspace, user: owner, role: 'owner' });
  return { workspace, owner };
}

/** The staff records of a staff action on a workspace: kept outside it, the workspace in metadata. */
async function auditRows(workspaceId: string, action: string) {
  return testDb.owner.db
    .select()
    .from(auditLog)
    .where(
      and(
        isNull(auditLog.workspaceId),
        sql`${auditLog.metadata}->>'workspaceId' = ${workspaceId}`,
        eq(auditLog.action, action),
      ),
    );
}

/** What the workspace's own audit log holds for it: "Plinth support", no IP, no staff reason. */
async function workspaceRows(workspaceId: string, action: string) {
  return testDb.owner.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action)));
}

describe('who may use the console', () => {
  it('everyone but staff gets not_found from every service, staff impersonating someone included', async () => {
    const { workspace, owner } = await withOwner();
    const staff = await createUser(testDb.app, { role: 'user,admin' });
    const impersonating = { type: 'user' as const, id: staff.id, impersonatorId: staff.id };
    const input = { workspaceId: workspace.id, reason: 'policy breach' };
    for (const actor of [staffOf(owner), impersonating, { type: 'system' as const, id: 'cli' }]) {
      expect(await code(searchWorkspaces(deps(), actor, {}))).toBe('not_found');
      expect(await code(suspendWorkspace(deps(), actor, input))).toBe('not_found');
      expect(await code(unsuspendWorkspace(deps(), actor, input))).toBe('not_found');
      expect(
        await code(
          setPlanOverride(deps(), actor, {
            ...input,
            plan: 'team',
            expiresAt: new Date(Date.now() + 86_400_000),
          }),
        ),
      ).toBe('not_found');
    }
    expect((await resolveMembership(testDb.app, owner.id, workspace.slug)).workspace.id).toBe(workspace.id);
  });
});

describe('workspace search', () => {
  it('finds by name, slug, member email and Stripe customer id, newest first, a page at a time', async () => {
    const staff = await createUser(testDb.app, { role: 'admin' });
    const tag = Math.random().toString(36).slice(2, 8);
    const a = await withOwner({ name: `Acme ${tag}`, slug: `acme-${tag}` });
    const b = await withOwner({ name: `Bravo ${tag}`, slug: `bravo-${tag}` });
    const c = await withOwner({ name: `Charlie ${tag}`, slug: `charlie-${tag}` });
    await testDb.owner.db.insert(customer).values({ id: `cus_${tag}SEARCH`, workspaceId: b.workspace.id });
    const ids = async (q: string) =>
      (await searchWorkspaces(deps(), staffOf(staff), { q })).items.map((hit) => hit.id);

    expect(await ids(`acme ${tag}`.toUpperCase())).toEqual([a.workspace.id]);
    expect(await ids(`charlie-${tag}`)).toEqual([c.workspace.id]);
    expect(await ids(c.owner.email)).toEqual([c.workspace.id]);
    expect(await ids(`cus_${tag}SEARCH`)).toEqual([b.workspace.id]);
    // A customer id matches exactly, never as a fragment; LIKE wildcards are literal characters.
    expect(await ids(`cus_${tag}SEAR`)).toEqual([]);
    expect(await ids('%')).toEqual([]);
    expect(await ids(tag)).toEqual([c.workspace.id, b.workspace.id, a.workspace.id]);

    const first = await searchWorkspaces(deps(), staffOf(staff), { q: tag, limit: 2 });
    expect(first.items.map((hit) => hit.id)).toEqual([c.workspace.id, b.workspace.id]);
    expect(first.items[1]).toMatchObject({ customerId: `cus_${tag}SEARCH`, members: 1, suspendedAt: null });
    const second = await searchWorkspaces(deps(), staffOf(staff), {
      q: tag,
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second).toEqual({ items: [expect.objectContaining({ id: a.workspace.id })], nextCursor: null });

    const refused = await rejectionOf(searchWorkspaces(deps(), staffOf(staff), { q: 'x'.repeat(201) }));
    expect(refused).toMatchObject({ code: 'invalid_input', fields: { q: expect.any(String) } });
    expect(await code(searchWorkspaces(deps(), staffOf(staff), { limit: 101 } as never))).toBe(
      'invalid_input',
    );
  });
});

describe('suspension', () => {
  it('refuses the members (session lookup and API key) with workspace_suspended until unsuspended; audited', async () => {
    const staff = await createUser(testDb.app, { role: 'admin' });
    const { workspace, owner } = await withOwner();
    const stranger = await createUser(testDb.app);
    const { actor } = await resolveMembership(testDb.app, owner.id, workspace.slug);
    const { secret } = await createApiKey(deps(), actor, { name: 'CI', scopes: ['project.read'] });

    await suspendWorkspace(deps(), staffOf(staff), { workspaceId: workspace.id, reason: 'chargeback fraud' });
    expect(await code(resolveMembership(testDb.app, owner.id, workspace.slug))).toBe('workspace_suspended');
    // A non-member learns nothing new: still the same not_found as for no workspace at all.
    expect(await code(resolveMembership(testDb.app, stranger.id, workspace.slug))).toBe('not_found');
    expect(await resolveApiKey(testDb.app, secret)).toMatchObject({
      suspended: true,
      workspaceId: workspace.id,
    });
    expect(
      await code(suspendWorkspace(deps(), staffOf(staff), { workspaceId: workspace.id, reason: 'again' })),
    ).toBe('conflict');

    await unsuspendWorkspace(deps(), staffOf(staff), { workspaceId: workspace.id, reason: 'refund settled' });
    expect((await resolveMembership(testDb.app, owner.id, workspace.slug)).workspace.id).toBe(workspace.id);
    expect(await resolveApiKey(testDb.app, secret)).toMatchObject({ suspended: false });
    expect(
      await code(unsuspendWorkspace(deps(), staffOf(staff), { workspaceId: workspace.id, reason: 'x3x' })),
    ).toBe('conflict');

    const [suspended] = await auditRows(workspace.id, 'workspace.suspended');
    expect(suspended).toMatchObject({
      actorType: 'user',
      actorId: staff.id,
      targetId: workspace.id,
      metadata: { reason: 'chargeback fraud' },
    });
    const [lifted] = await auditRows(workspace.id, 'workspace.unsuspended');
    expect(lifted).toMatchObject({ actorId: staff.id, metadata: { reason: 'refund settled' } });
    // The workspace's owners read that support did it: not who, from where, or staff's reason.
    for (const action of ['workspace.suspended', 'workspace.unsuspended']) {
      expect(await workspaceRows(workspace.id, action)).toEqual([
        expect.objectContaining({
          actorType: 'system',
          actorId: 'staff',
          impersonatorId: null,
          targetId: workspace.id,
          ip: null,
          userAgent: null,
          metadata: {},
        }),
      ]);
    }
    await grantPlan(testDb.app, { workspace, plan: 'pro' }); // the audit log is a Pro feature
    const ownerView = await resolveMembership(testDb.app, owner.id, workspace.slug);
    const page = await listAuditLog(deps(), ownerView.actor, {});
    const sentences = page.items.map(describeAuditRecord);
    expect(sentences).toEqual(
      expect.arrayContaining([
        'Plinth support suspended the workspace',
        "Plinth support lifted the workspace's suspension",
      ]),
    );
    expect(sentences.join('\n')).not.toMatch(/chargeback|refund settled/u);
    expect(page.items.filter((r) => r.action.startsWith('workspace.')).map(auditActorLabel)).toEqual([
      'Plinth support',
      'Plinth support',
    ]);
    // Staff see the staff records on the workspace page, not the support copies.
    const flags = createFlagStore({ database: testDb.app, definitions: flagCatalog, environment: 'test' });
    try {
      const detail = await workspaceDetail({ database: testDb.app, flags }, staffOf(staff), workspace.id);
      const tail = detail.audit.filter((row) => row.action.startsWith('workspace.'));
      expect(tail.map((row) => [row.action, row.actorId, row.metadata.reason])).toEqual([
        ['workspace.unsuspended', staff.id, 'refund settled'],
        ['workspace.suspended', staff.id, 'chargeback fraud'],
      ]);
    } finally {
      await flags.close();
    }
  });

  it('needs a reason and a real workspace, and writes nothing otherwise', async () => {
    const staff = await createUser(testDb.app, { role: 'admin' });
    const { workspace } = await withOwner();
    const short = await rejectionOf(
      suspendWorkspace(deps(), staffOf(staff), { workspaceId: workspace.id, reason: ' x ' }),
    );
    expect(short).toMatchObject({ code: 'invalid_input', fields: { reason: expect.any(String) } });
    const missing = await rejectionOf(
      suspendWorkspace(deps(), staffOf(staff), { workspaceId: workspace.id } as never),
    );
    expect(missing).toMatchObject({
      code: 'invalid_input',
      fields: { reason: 'Say why (at least 3 characters).' },
    });
    const forged = await rejectionOf(
      suspendWorkspace(deps(), staffOf(staff), { workspaceId: 'nope', reason: 'abuse' }),
    );
    expect(forged).toMatchObject({ code: 'invalid_input', fields: { workspaceId: expect.any(String) } });
    expect(
      await code(
        suspendWorkspace(deps(), staffOf(staff), {
          workspaceId: '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e',
          reason: 'abuse',
        }),
      ),
    ).toBe('not_found');
    expect(await auditRows(workspace.id, 'workspace.suspended')).toEqual([]);
  });
});

describe('plan overrides', () => {
  const DAY = 86_400_000;

  it('entitlements take the override until it expires, then fall back to what Stripe says', async () => {
    const staff = await createUser(testDb.app, { role: 'admin' });
    const { workspace } = await withOwner();
    await grantPlan(testDb.app, { workspace, plan: 'pro' });
    const now = Date.now();
    const expiresAt = new Date(now + 30 * DAY);
    await setPlanOverride(deps(), staffOf(staff), {
      workspaceId: workspace.id,
      plan: 'team',
      expiresAt,
      members: 40,
      projects: 900,
      reason: 'Sales deal #42: Team for the pilot',
    });

    const during = await entitlements(deps(), workspace.id, new Date(now + 29 * DAY));
    expect(during).toMatchObject({
      plan: 'team',
      planName: 'Team',
      state: 'active',
      limits: { members: 40, projects: 900, storageBytes: 1000 * 1024 ** 3 },
      seats: 40,
      seatBased: true,
      override: { plan: 'team', planName: 'Team', expiresAt, reason: 'Sales deal #42: Team for the pilot' },
    });
    expect(during.features).toContain('priority_support');

    // The moment it expires, and after: Stripe's truth (Pro) again, with no override in the answer.
    for (const at of [expiresAt.getTime(), now + 31 * DAY]) {
      const after = await entitlements(deps(), workspace.id, new Date(at));
      expect(after).toMatchObject({ plan: 'pro', limits: { members: 10, projects: 50 }, override: null });
      expect(after.features).not.toContain('priority_support');
    }

    const [row] = await auditRows(workspace.id, 'workspace.plan_override_set');
    expect(row).toMatchObject({
      actorId: staff.id,
      metadata: { plan: 'team', members: 40, projects: 900, expiresAt: expiresAt.toISOString() },
    });
  });

  it('a free workspace gets the plan and its limits; clearing ends it at once; setting again replaces it', async () => {
    const staff = await createUser(testDb.app, { role: 'admin' });
    const { workspace, owner } = await withOwner();
    expect(await entitlements(deps(), workspace.id)).toMatchObject({ plan: 'free', override: null });
    const base = { workspaceId: workspace.id, reason: 'Conference partner' };
    await setPlanOverride(deps(), staffOf(staff), {
      ...base,
      plan: 'team',
      expiresAt: new Date(Date.now() + DAY),
    });
    await setPlanOverride(deps(), staffOf(staff), {
      ...base,
      plan: 'pro',
      expiresAt: new Date(Date.now() + 2 * DAY),
    });
    expect(await entitlements(deps(), workspace.id)).toMatchObject({
      plan: 'pro',
      limits: { members: 10, projects: 50 },
      seats: null,
      override: { plan: 'pro' },
    });
    const [replaced] = await auditRows(workspace.id, 'workspace.plan_override_set').then((rows) =>
      rows.filter((r) => (r.metadata as { replaced: unknown }).replaced !== null),
    );
    expect(replaced?.metadata).toMatchObject({ plan: 'pro', replaced: { plan: 'team' } });
    // Members see it on their billing page: the granted plan, its limits, and until when.
    const { actor } = await resolveMembership(testDb.app, owner.id, workspace.slug);
    expect(await billingSummary(deps(), actor)).toMatchObject({
      plan: { key: 'pro', name: 'Pro' },
      limits: { members: 10, projects: 50 },
      override: { plan: 'pro', planName: 'Pro', expiresAt: expect.any(Date) },
    });

    await clearPlanOverride(deps(), staffOf(staff), { ...base, reason: 'Partnership ended' });
    expect(await entitlements(deps(), workspace.id)).toMatchObject({ plan: 'free', override: null });
    expect(await billingSummary(deps(), actor)).toMatchObject({ plan: { key: 'free' }, override: null });
    expect(await auditRows(workspace.id, 'workspace.plan_override_cleared')).toHaveLength(1);
    expect(await code(clearPlanOverride(deps(), staffOf(staff), base))).toBe('not_found');
  });

  it('refuses a past or far expiry, an unknown plan and bad limits, naming the field', async () => {
    const staff = await createUser(testDb.app, { role: 'admin' });
    const { workspace } = await withOwner();
    const base = { workspaceId: workspace.id, reason: 'Deal', plan: 'team' as const };
    const cases: [Record<string, unknown>, string][] = [
      [{ expiresAt: new Date(Date.now() - 1000) }, 'expiresAt'],
      [{ expiresAt: new Date(Date.now() + 800 * DAY) }, 'expiresAt'],
      [{ expiresAt: 'soon' }, 'expiresAt'],
      [{ expiresAt: new Date(Date.now() + DAY), plan: 'free' }, 'plan'],
      [{ expiresAt: new Date(Date.now() + DAY), plan: 'enterprise' }, 'plan'],
      [{ expiresAt: new Date(Date.now() + DAY), members: -1 }, 'members'],
      [{ expiresAt: new Date(Date.now() + DAY), projects: 1.5 }, 'projects'],
      [{ expiresAt: new Date(Date.now() + DAY), extra: true }, 'extra'],
    ];
    for (const [change, field] of cases) {
      const refused = await rejectionOf(
        setPlanOverride(deps(), staffOf(staff), { ...base, ...change } as never),
      );
      expect(refused, field).toMatchObject({
        code: 'invalid_input',
        fields: { [field]: expect.any(String) },
      });
    }
    expect(await entitlements(deps(), workspace.id)).toMatchObject({ plan: 'free', override: null });
    expect(await auditRows(workspace.id, 'workspace.plan_override_set')).toEqual([]);
  });
});

describe('the workspace page', () => {
  it('shows members, the override beside the synced plan, usage, the audit tail and the flags in effect', async () => {
    const staff = await createUser(testDb.app, { role: 'admin' });
    const { workspace, owner } = await withOwner();
    await grantPlan(testDb.app, { workspace, plan: 'pro' });
    await testDb.owner.db
      .insert(customer)
      .values({ id: `cus_${workspace.id.slice(0, 8)}`, workspaceId: workspace.id });
    await setPlanOverride(deps(), staffOf(staff), {
      workspaceId: workspace.id,
      plan: 'team',
      expiresAt: new Date(Date.now() + 86_400_000),
      reason: 'Pilot',
    });
    const flags = createFlagStore({ database: testDb.app, definitions: flagCatalog, environment: 'test' });
    try {
      const detail = await workspaceDetail({ database: testDb.app, flags }, staffOf(staff), workspace.id);
      expect(detail.members).toEqual([
        expect.objectContaining({ userId: owner.id, email: owner.email, role: 'owner' }),
      ]);
      expect(detail.entitlements).toMatchObject({ plan: 'team', override: { plan: 'team' } });
      expect(detail.synced).toMatchObject({ plan: 'pro' });
      expect(detail.customer).toMatchObject({
        dashboardUrl: `https://dashboard.stripe.com/test/customers/cus_${workspace.id.slice(0, 8)}`,
      });
      expect(detail.usage).toEqual({ members: 1, pendingInvitations: 0, projects: 0, storageBytes: 0 });
      expect(detail.audit.map((row) => row.action)).toContain('workspace.plan_override_set');
      expect(detail.flags.map((f) => f.key).sort()).toEqual(Object.keys(flagCatalog).sort());
      expect(await code(workspaceDetail({ database: testDb.app, flags }, staffOf(owner), workspace.id))).toBe(
        'not_found',
      );
      expect(await code(workspaceDetail({ database: testDb.app, flags }, staffOf(staff), 'not-a-uuid'))).toBe(
        'not_found',
      );
    } finally {
      await flags.close();
    }
  });
});
