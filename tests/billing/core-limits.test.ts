import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCustomer, startCheckout, syncCatalog, syncCustomer } from '@plinth/core/billing';
import { entitlements, entitlementsIn } from '@plinth/core/entitlements';
import { AppError } from '@plinth/core/errors';
import type { JobQueue } from '@plinth/core/jobs';
import { createProject, deleteProject, listProjects, updateProject } from '@plinth/core/projects';
import { createInvitation, listMembers, type TenancyDeps } from '@plinth/core/tenancy';
import { withTenant } from '@plinth/db';
import { grantPlan, useTestDatabase } from '@plinth/testing';
import { APP_URL, useCoreBilling, workspaceWith } from './core-setup';

const testDb = useTestDatabase();
const billing = useCoreBilling(testDb);

beforeAll(async () => {
  await syncCatalog(billing.deps);
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Invitations go out through the transactional outbox; no job is queued directly. */
const tenancyDeps = (): TenancyDeps => ({ database: testDb.app, jobs: {} as JobQueue, appUrl: APP_URL });

describe('after a downgrade', () => {
  it('nothing is deleted: the newest projects beyond the free limit become read-only', async () => {
    const { actors } = await workspaceWith(testDb);
    const owner = actors[0]!;
    const customerId = await ensureCustomer(billing.deps, owner);
    const started = await startCheckout(billing.deps, owner, { lookupKey: 'pro_monthly' });
    const { subscription } = await billing.fake.completeCheckout(started.sessionId);
    await syncCustomer(billing.deps, customerId);
    const created = [];
    for (const name of ['one', 'two', 'three', 'four', 'five']) {
      created.push(await createProject({ database: testDb.app }, owner, { name }));
    }

    await billing.fake.stripe.subscriptions.cancel(subscription.id);
    const synced = await syncCustomer(billing.deps, customerId);
    expect(synced).toMatchObject({ changed: true, entitlement: { plan: 'free', limits: { projects: 3 } } });

    // Every project is still there.
    const listed = await listProjects({ database: testDb.app }, owner, { limit: 50 });
    expect(listed.items.map((item) => item.name).sort()).toEqual(['five', 'four', 'one', 'three', 'two']);
    // The three oldest stay editable; the two newest are read-only, with a message naming the limit.
    for (const kept of created.slice(0, 3)) {
      await updateProject({ database: testDb.app }, owner, kept.id, { description: 'still editable' });
    }
    for (const over of created.slice(3)) {
      const refused = await refusal(
        updateProject({ database: testDb.app }, owner, over.id, { name: 'renamed' }),
      );
      expect(refused.code).toBe('payment_required');
      expect(refused.message).toMatch(/read-only/);
      expect(refused.message).toMatch(/Free plan includes 3 projects/);
    }
    expect((await refusal(createProject({ database: testDb.app }, owner, { name: 'six' }))).code).toBe(
      'payment_required',
    );

    // Deleting is always allowed, and gets the workspace back under its limit.
    await deleteProject({ database: testDb.app }, owner, created[0]!.id);
    await deleteProject({ database: testDb.app }, owner, created[1]!.id);
    const renamed = await updateProject({ database: testDb.app }, owner, created[4]!.id, {
      name: 'editable again',
    });
    expect(renamed.name).toBe('editable again');
  });

  it('a cancellation at period end keeps pro until the period ends, then limits apply', async () => {
    const { workspace, actors } = await workspaceWith(testDb);
    const owner = actors[0]!;
    const customerId = await ensureCustomer(billing.deps, owner);
    const started = await startCheckout(billing.deps, owner, { lookupKey: 'pro_monthly' });
    const { subscription } = await billing.fake.completeCheckout(started.sessionId);
    await billing.fake.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const during = await syncCustomer(billing.deps, customerId);
    expect(during.entitlement).toMatchObject({ plan: 'pro', cancelAtPeriodEnd: true });
    const periodEnd = during.entitlement.currentPeriodEnd!;

    // Past the period end the plan is free, even judged from the mirror before Stripe says so.
    const after = await syncCustomer(
      { ...billing.deps, now: () => new Date(periodEnd.getTime() + 1000) },
      customerId,
    );
    expect(after.entitlement.plan).toBe('free');
    expect((await entitlements(billing.deps, workspace.id)).plan).toBe('free');
  });

  it('a cancellation at period end lapses at the period end even when no sync has run since', async () => {
    const { workspace, actors } = await workspaceWith(testDb);
    const owner = actors[0]!;
    const customerId = await ensureCustomer(billing.deps, owner);
    const started = await startCheckout(billing.deps, owner, { lookupKey: 'pro_monthly' });
    const { subscription } = await billing.fake.completeCheckout(started.sessionId);
    await billing.fake.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const { entitlement } = await syncCustomer(billing.deps, customerId);
    const periodEnd = entitlement.currentPeriodEnd!;

    // The stored row still says pro (Stripe's deletion event has not been processed yet)…
    const readAt = (now: Date) =>
      withTenant(testDb.app, workspace.id, { type: 'system', id: 'test' }, (tx) =>
        entitlementsIn(tx, workspace.id, now),
      );
    expect((await readAt(new Date(periodEnd.getTime() - 1000))).plan).toBe('pro');
    // …but a read after the period end already applies the free plan's limits.
    expect(await readAt(new Date(periodEnd.getTime() + 1000))).toMatchObject({
      plan: 'free',
      limits: { projects: 3 },
    });
  });
  it('a cancel_at set in Stripe lapses at cancel_at on read, not at the period end', async () => {
    const { workspace, actors } = await workspaceWith(testDb);
    const owner = actors[0]!;
    const customerId = await ensureCustomer(billing.deps, owner);
    const started = await startCheckout(billing.deps, owner, { lookupKey: 'pro_monthly' });
    const { subscription } = await billing.fake.completeCheckout(started.sessionId);
    const current = await syncCustomer(billing.deps, customerId);
    const periodEnd = current.entitlement.currentPeriodEnd!;
    const readAt = (now: Date) =>
      withTenant(testDb.app, workspace.id, { type: 'system', id: 'test' }, (tx) =>
        entitlementsIn(tx, workspace.id, now),
      );

    // cancel_at after the period end: the plan renews once more, so a read past the period end
    // (before the renewal's sync) is still pro; past cancel_at it is free.
    const lateCancel = new Date(periodEnd.getTime() + 5 * 86_400_000);
    await billing.fake.stripe.subscriptions.update(subscription.id, {
      cancel_at: Math.floor(lateCancel.getTime() / 1000),
    });
    await syncCustomer(billing.deps, customerId);
    expect((await readAt(new Date(periodEnd.getTime() + 1000))).plan).toBe('pro');
    expect((await readAt(new Date(lateCancel.getTime() + 1000))).plan).toBe('free');

    // cancel_at before the period end: free from cancel_at on, though the period has not ended.
    const earlyCancel = new Date(periodEnd.getTime() - 5 * 86_400_000);
    await billing.fake.stripe.subscriptions.update(subscription.id, {
      cancel_at: Math.floor(earlyCancel.getTime() / 1000),
    });
    await syncCustomer(billing.deps, customerId);
    expect((await readAt(new Date(earlyCancel.getTime() - 1000))).plan).toBe('pro');
    expect((await readAt(new Date(earlyCancel.getTime() + 1000))).plan).toBe('free');
  });
});

describe('seats', () => {
  it('inviting beyond the paid seats is refused with an upgrade prompt; members stay', async () => {
    const { workspace, actors } = await workspaceWith(testDb, ['owner', 'admin']);
    const owner = actors[0]!;
    const customerId = await ensureCustomer(billing.deps, owner);
    const started = await startCheckout(billing.deps, owner, { lookupKey: 'team_monthly', quantity: 3 });
    await billing.fake.completeCheckout(started.sessionId);
    expect((await syncCustomer(billing.deps, customerId)).entitlement).toMatchObject({
      plan: 'team',
      seats: 3,
    });

    await createInvitation(tenancyDeps(), owner, {
      email: `third-${workspace.slug}@example.test`,
      role: 'member',
    });
    const refused = await refusal(
      createInvitation(tenancyDeps(), owner, {
        email: `fourth-${workspace.slug}@example.test`,
        role: 'member',
      }),
    );
    expect(refused.code).toBe('payment_required');
    expect(refused.message).toMatch(/3 paid seats/);
    expect(refused.message).toMatch(/Add seats in Manage billing/);

    // Fewer seats than members after a portal change: nobody is removed, invitations wait.
    const [sub] = (await billing.fake.stripe.subscriptions.list({ customer: customerId })).data;
    await billing.fake.stripe.subscriptions.update(sub!.id, {
      items: [{ id: sub!.items.data[0]!.id, quantity: 1 }],
    });
    expect((await syncCustomer(billing.deps, customerId)).entitlement.seats).toBe(1);
    expect((await listMembers({ database: testDb.app }, owner)).length).toBe(2);
  });

  it('a flat plan names its member limit and asks for an upgrade', async () => {
    const { workspace, actors } = await workspaceWith(testDb, ['owner', 'admin', 'member']);
    await grantPlan(testDb.app, { workspace, plan: 'free' });
    const refused = await refusal(
      createInvitation(tenancyDeps(), actors[0]!, {
        email: `x-${workspace.slug}@example.test`,
        role: 'viewer',
      }),
    );
    expect(refused.code).toBe('payment_required');
    expect(refused.message).toMatch(/Free plan includes 3 members.*Upgrade/);
  });
});
