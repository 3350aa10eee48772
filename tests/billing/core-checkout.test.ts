import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  billingSummary,
  ensureCustomer,
  openPortal,
  startCheckout,
  syncCatalog,
  syncCustomer,
} from '@plinth/core/billing';
import { entitlements } from '@plinth/core/entitlements';
import { AppError } from '@plinth/core/errors';
import { checkoutSession, customer, withTenant, workspace as workspaceTable } from '@plinth/db';
import { createInvitation, useTestDatabase } from '@plinth/testing';
import { APP_URL, useCoreBilling, workspaceWith } from './core-setup';

const testDb = useTestDatabase();
const billing = useCoreBilling(testDb);

beforeAll(async () => {
  await syncCatalog(billing.deps);
});

async function stripeCustomersOf(workspaceId: string) {
  const all = (await billing.fake.stripe.customers.list({ limit: 100 })).data;
  return all.filter((c) => c.metadata?.workspace_id === workspaceId);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('customers', () => {
  it('ensureCustomer twice gives one Stripe customer with the workspace id, and one row', async () => {
    const { workspace, actors } = await workspaceWith(testDb);
    const first = await ensureCustomer(billing.deps, actors[0]!);
    const second = await ensureCustomer(billing.deps, actors[0]!);
    expect(second).toBe(first);
    expect((await stripeCustomersOf(workspace.id)).map((c) => c.id)).toEqual([first]);
    const rows = await testDb.app.db.select().from(customer).where(eq(customer.workspaceId, workspace.id));
    expect(rows.map((row) => row.id)).toEqual([first]);
  });

  it('concurrent first clicks by two admins still make one customer and one row', async () => {
    const { workspace, actors } = await workspaceWith(testDb, ['owner', 'admin']);
    const ids = await Promise.all([
      ensureCustomer(billing.deps, actors[0]!),
      ensureCustomer(billing.deps, actors[1]!),
      ensureCustomer(billing.deps, actors[0]!),
    ]);
    expect(new Set(ids).size).toBe(1);
    expect(await stripeCustomersOf(workspace.id)).toHaveLength(1);
    const rows = await testDb.app.db.select().from(customer).where(eq(customer.workspaceId, workspace.id));
    expect(rows).toHaveLength(1);
  });

  it("a retry after the workspace was renamed reuses the first attempt's customer and sets the new name", async () => {
    const { workspace, actors } = await workspaceWith(testDb);
    // A first attempt created the customer at Stripe, then our insert failed (crash, lost connection);
    // the workspace is renamed before the retry, within Stripe's 24 h idempotency window.
    const firstAttempt = await billing.fake.stripe.customers.create(
      { metadata: { workspace_id: workspace.id } },
      { idempotencyKey: `plinth-customer-${workspace.id}` },
    );
    await testDb.app.db
      .update(workspaceTable)
      .set({ name: 'Renamed Co' })
      .where(eq(workspaceTable.id, workspace.id));
    const id = await ensureCustomer(billing.deps, actors[0]!);
    expect(id).toBe(firstAttempt.id);
    expect((await billing.fake.stripe.customers.retrieve(id)) as { name?: string | null }).toMatchObject({
      name: 'Renamed Co',
    });
    expect((await stripeCustomersOf(workspace.id)).map((c) => c.id)).toEqual([id]);
  });
});

describe('checkout', () => {
  it('a repeated click reuses the open session; the session names customer and workspace', async () => {
    const { workspace, actors } = await workspaceWith(testDb);
    const first = await startCheckout(billing.deps, actors[0]!, { lookupKey: 'pro_monthly' });
    const second = await startCheckout(billing.deps, actors[0]!, { lookupKey: 'pro_monthly' });
    expect(second).toEqual(first);
    const session = await billing.fake.stripe.checkout.sessions.retrieve(first.sessionId);
    const customerId = (await stripeCustomersOf(workspace.id))[0]!.id;
    expect(session).toMatchObject({
      mode: 'subscription',
      customer: customerId,
      client_reference_id: workspace.id,
      status: 'open',
    });
    expect(session.success_url).toBe(
      `${APP_URL}/w/${workspace.slug}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
    );
    const rows = await withTenant(testDb.app, workspace.id, { type: 'system', id: 'test' }, (tx) =>
      tx.select().from(checkoutSession),
    );
    expect(rows).toHaveLength(1);
    // Another price is another session.
    const yearly = await startCheckout(billing.deps, actors[0]!, { lookupKey: 'pro_yearly' });
    expect(yearly.sessionId).not.toBe(first.sessionId);
  });

  it('an expired session is not reused', async () => {
    const { actors } = await workspaceWith(testDb);
    const first = await startCheckout(billing.deps, actors[0]!, { lookupKey: 'pro_monthly' });
    await billing.fake.expireCheckout(first.sessionId);
    const second = await startCheckout(billing.deps, actors[0]!, { lookupKey: 'pro_monthly' });
    expect(second.sessionId).not.toBe(first.sessionId);
  });

  it('a member or a viewer cannot start checkout or open the portal; an admin can', async () => {
    const { actors } = await workspaceWith(testDb, ['owner', 'admin', 'member', 'viewer']);
    const [, admin, memberActor, viewer] = actors;
    for (const actor of [memberActor!, viewer!]) {
      expect((await refusal(startCheckout(billing.deps, actor, { lookupKey: 'pro_monthly' }))).code).toBe(
        'forbidden',
      );
      expect((await refusal(openPortal(billing.deps, actor))).code).toBe('forbidden');
      expect((await refusal(ensureCustomer(billing.deps, actor))).code).toBe('forbidden');
      expect((await refusal(billingSummary(billing.deps, actor))).code).toBe('forbidden');
    }
    const started = await startCheckout(billing.deps, admin!, { lookupKey: 'pro_monthly' });
    expect(started.url).toMatch(/^http/);
  });

  it('refuses an unknown price, a quantity on a flat plan, and a return link to another site', async () => {
    const { actors } = await workspaceWith(testDb);
    const owner = actors[0]!;
    expect(
      (await refusal(startCheckout(billing.deps, owner, { lookupKey: 'gold_monthly' }))).fields,
    ).toMatchObject({ lookupKey: expect.any(String) });
    expect(
      (await refusal(startCheckout(billing.deps, owner, { lookupKey: 'pro_monthly', quantity: 3 }))).fields,
    ).toMatchObject({ quantity: expect.any(String) });
    expect(
      (
        await refusal(
          startCheckout(billing.deps, owner, {
            lookupKey: 'pro_monthly',
            successUrl: 'https://evil.example/steal',
          }),
        )
      ).fields,
    ).toMatchObject({ successUrl: expect.any(String) });
  });

  it('team seats: never fewer than in use (members and pending invitations), even 20 checkouts at once', async () => {
    // 3 members and 2 pending invitations: 5 seats in use.
    const { workspace, actors } = await workspaceWith(testDb, ['owner', 'admin', 'member']);
    const owner = actors[0]!;
    for (const email of ['seat-a@example.test', 'seat-b@example.test'])
      await createInvitation(testDb.app, { workspace, invitedBy: { id: owner.id }, email });
    const below = await refusal(
      startCheckout(billing.deps, owner, { lookupKey: 'team_monthly', quantity: 4 }),
    );
    expect(below.code).toBe('invalid_input');
    expect(below.fields?.quantity).toMatch(/At least 5/);

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        startCheckout(billing.deps, owner, { lookupKey: 'team_monthly', quantity: index + 1 }).then(
          (started) => ({ quantity: index + 1, started }),
          (error: AppError) => ({ quantity: index + 1, error }),
        ),
      ),
    );
    const refused = results.filter((result) => 'error' in result);
    expect(refused.map((result) => result.quantity)).toEqual([1, 2, 3, 4]);
    for (const result of refused)
      expect((result as { error: AppError }).error.fields).toHaveProperty('quantity');
    const sessions = await testDb.owner.db
      .select({ quantity: checkoutSession.quantity })
      .from(checkoutSession)
      .where(eq(checkoutSession.workspaceId, workspace.id));
    expect(sessions.map((row) => row.quantity).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 16 }, (_, index) => index + 5),
    );

    // Without a quantity, Checkout buys the seats in use, pending invitations included.
    const defaulted = await startCheckout(billing.deps, actors[1]!, { lookupKey: 'team_yearly' });
    const session = await billing.fake.stripe.checkout.sessions.retrieve(defaulted.sessionId, {
      expand: ['line_items'],
    });
    expect(session.line_items?.data[0]?.quantity).toBe(5);
  });

  it('completing checkout then syncCustomer puts the workspace on pro (trialing), before any webhook', async () => {
    const { workspace, actors } = await workspaceWith(testDb);
    const owner = actors[0]!;
    const started = await startCheckout(billing.deps, owner, { lookupKey: 'pro_monthly' });
    expect((await entitlements(billing.deps, workspace.id)).plan).toBe('free');
    const { subscription } = await billing.fake.completeCheckout(started.sessionId);
    expect(subscription.metadata).toMatchObject({ workspace_id: workspace.id });
    expect(subscription.status).toBe('trialing'); // pro has 14 trial days, and this is the first subscription

    const customerId = (await stripeCustomersOf(workspace.id))[0]!.id;
    const synced = await syncCustomer(billing.deps, customerId);
    expect(synced).toMatchObject({
      workspaceId: workspace.id,
      changed: true,
      entitlement: { plan: 'pro', state: 'trialing', subscriptionId: subscription.id },
    });
    const current = await entitlements(billing.deps, workspace.id);
    expect(current).toMatchObject({ plan: 'pro', state: 'trialing', limits: { members: 10, projects: 50 } });
    // Syncing again finds nothing new.
    expect((await syncCustomer(billing.deps, customerId)).changed).toBe(false);

    const summary = await billingSummary(billing.deps, owner);
    expect(summary).toMatchObject({
      plan: { key: 'pro', name: 'Pro' },
      state: 'trialing',
      subscriptionStatus: 'trialing',
      canCheckout: false,
      canManage: true,
      pastDue: null,
      nextInvoice: { amount: 1900, currency: 'usd' },
    });
    expect(summary.trialEnd).toBeInstanceOf(Date);
    expect(summary.invoices.length).toBeGreaterThan(0);

    // A workspace that pays switches plans in the portal, not through a second Checkout.
    const again = await refusal(startCheckout(billing.deps, owner, { lookupKey: 'team_monthly' }));
    expect(again.code).toBe('conflict');
    expect(again.message).toMatch(/Manage billing/);
    const portal = await openPortal(billing.deps, owner, {
      returnUrl: `${APP_URL}/w/${workspace.slug}/billing`,
    });
    expect(portal.url).toMatch(/^http/);
  });

  it('a seat plan buys as many seats as members by default; no trial after an earlier subscription', async () => {
    const { workspace, actors } = await workspaceWith(testDb, ['owner', 'admin', 'member']);
    const owner = actors[0]!;
    const customerId = await ensureCustomer(billing.deps, owner);
    // An earlier pro subscription, since canceled: the team plan starts without a trial.
    const earlier = await startCheckout(billing.deps, owner, { lookupKey: 'pro_monthly' });
    const { subscription: old } = await billing.fake.completeCheckout(earlier.sessionId);
    await billing.fake.stripe.subscriptions.cancel(old.id);
    expect((await syncCustomer(billing.deps, customerId)).entitlement.plan).toBe('free');

    const started = await startCheckout(billing.deps, owner, { lookupKey: 'team_monthly' });
    const { subscription } = await billing.fake.completeCheckout(started.sessionId);
    expect(subscription.status).toBe('active');
    expect(subscription.items.data[0]!.quantity).toBe(3);
    const synced = await syncCustomer(billing.deps, customerId);
    expect(synced.entitlement).toMatchObject({
      plan: 'team',
      state: 'active',
      seats: 3,
      limits: { members: 3 },
    });
    expect(await entitlements(billing.deps, workspace.id)).toMatchObject({
      plan: 'team',
      seats: 3,
      seatBased: true,
    });
  });

  it('a failed renewal is grace on the same plan with the hosted invoice to pay, in the summary too', async () => {
    const { workspace, actors } = await workspaceWith(testDb);
    const owner = actors[0]!;
    const customerId = await ensureCustomer(billing.deps, owner);
    const started = await startCheckout(billing.deps, owner, { lookupKey: 'pro_yearly' });
    const { subscription } = await billing.fake.completeCheckout(started.sessionId);
    await billing.fake.endTrial(subscription.id);
    await billing.fake.renew(subscription.id, { outcome: 'failed' });
    // Five syncs at once serialize on the customer's lock and agree.
    const results = await Promise.all(
      Array.from({ length: 5 }, () => syncCustomer(billing.deps, customerId)),
    );
    for (const result of results) expect(result.entitlement).toMatchObject({ plan: 'pro', state: 'grace' });
    const url = results[0]!.entitlement.pastDueInvoiceUrl;
    expect(url).toMatch(/^http/);
    const open = (await billing.fake.stripe.invoices.list({ customer: customerId, status: 'open' })).data;
    expect(open.map((invoice) => invoice.hosted_invoice_url)).toContain(url);
    const summary = await billingSummary(billing.deps, owner);
    expect(summary).toMatchObject({
      state: 'grace',
      subscriptionStatus: 'past_due',
      pastDue: { invoiceUrl: url },
    });
    expect(await entitlements(billing.deps, workspace.id)).toMatchObject({ plan: 'pro', state: 'grace' });
  });

  it('syncCustomer of a customer that is not ours is not_found (the worker retries it)', async () => {
    const stray = await billing.fake.stripe.customers.create({ name: 'Not linked' });
    expect((await refusal(syncCustomer(billing.deps, stray.id))).code).toBe('not_found');
  });
});
