import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemActor } from '@plinth/core/actor';
import { AppError } from '@plinth/core/errors';
import { syncCustomer, type SyncDeps } from '@plinth/core/billing';
import { handledEventTypes, reconcileStripe, replayStripeEvent } from '@plinth/core/billing-events';
import { customer as customerTable, price, webhookEvent } from '@plinth/db';
import { useTestDatabase } from '@plinth/testing';
import { comparable, truthOf, useStripeWorld } from './stripe-world';

const testDb = useTestDatabase();

/** Customers whose next sync crashes once (a bug, a deploy, a Stripe blip), and the crash count. */
const crashNext = new Set<string>();
let crashes = 0;
const world = useStripeWorld(testDb, {
  syncCustomer: async (deps: SyncDeps, stripeCustomerId: string) => {
    if (crashNext.delete(stripeCustomerId)) {
      crashes += 1;
      throw new Error('handler crashed halfway');
    }
    return syncCustomer(deps, stripeCustomerId);
  },
});

async function stripeCustomerOfWorkspace(workspaceId: string): Promise<string> {
  const [row] = await testDb.owner.db
    .select({ id: customerTable.id })
    .from(customerTable)
    .where(eq(customerTable.workspaceId, workspaceId));
  return row!.id;
}

async function inboxFor(stripeCustomerId: string) {
  return testDb.owner.db.select().from(webhookEvent).where(eq(webhookEvent.customerId, stripeCustomerId));
}

/**
 * A Stripe customer with a subscription that our `customer` table does not know (yet): made
 * straight through the SDK. With a workspace id in its metadata it is ours with the row not yet
 * committed (ensureCustomer() between Stripe's create and our insert); without one (`foreign`) it
 * belongs to another system sharing the Stripe account.
 */
async function strangerWithSubscription(options: { foreign?: boolean } = {}): Promise<string> {
  const stranger = await world.stripe.customers.create({
    name: 'Not linked yet',
    ...(options.foreign ? {} : { metadata: { workspace_id: randomUUID() } }),
  });
  const [team] = await testDb.owner.db.select().from(price).where(eq(price.lookupKey, 'team_monthly'));
  const session = await world.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: stranger.id,
    line_items: [{ price: team!.id, quantity: 2 }],
    success_url: `${world.app.url}/done`,
  });
  await world.fake.completeCheckout(session.id);
  return stranger.id;
}

describe('billing events when things fail', () => {
  it('a handler crash is retried: the event stays pending with the error, then is processed', async () => {
    const acme = await world.signUp('Crashy');
    const subscription = await world.subscribe(acme, 'team_monthly', { quantity: 2 });
    await world.settle();
    const stripeCustomerId = await stripeCustomerOfWorkspace(acme.workspace.id);
    crashNext.add(stripeCustomerId);
    const crashesBefore = crashes;
    // One event (customer.subscription.updated), so no other event's sync can cover it.
    await world.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    await world.fake.idle();
    const crashed = await world.app.until(async () => {
      const rows = await inboxFor(stripeCustomerId);
      return rows.find((row) => row.lastError?.includes('handler crashed halfway'));
    }, 'the crash to be recorded');
    expect(crashed.status).toBe('pending');
    await world.settle();
    expect(crashes).toBe(crashesBefore + 1);
    const rows = (await inboxFor(stripeCustomerId)).filter((row) => handledEventTypes.has(row.type));
    expect(rows.every((row) => row.status === 'processed' && row.lastError === null)).toBe(true);
    expect(crashed.attempts).toBe(1);
    expect(await world.app.inbox(crashed.id)).toMatchObject({ status: 'processed', attempts: 2 });
    expect(comparable(await world.entitlementOf(acme.workspace.id))).toMatchObject({
      cancelAtPeriodEnd: true,
    });
    expect(comparable(await world.entitlementOf(acme.workspace.id))).toEqual(
      truthOf(world.fake, stripeCustomerId),
    );
  });

  it('Stripe redelivering an event while its retry is pending adds no second row and no second job', async () => {
    const acme = await world.signUp('Redelivered');
    const subscription = await world.subscribe(acme, 'team_monthly', { quantity: 1 });
    await world.settle();
    const stripeCustomerId = await stripeCustomerOfWorkspace(acme.workspace.id);
    crashNext.add(stripeCustomerId);
    await world.stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]!.id, quantity: 4 }],
    });
    await world.fake.idle();
    const updated = world.fake
      .events()
      .filter((event) => event.type === 'customer.subscription.updated')
      .find((event) => (event.data.object as { id: string }).id === subscription.id)!;
    const body = JSON.stringify(world.fake.events().find((event) => event.id === updated.id));
    for (let i = 0; i < 3; i++) {
      const response = await fetch(world.app.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': world.fake.signPayload(body) },
        body,
      });
      expect(await response.json()).toEqual({ received: true, duplicate: true });
    }
    await world.settle();
    expect((await world.entitlementOf(acme.workspace.id))?.seats).toBe(4);
    const { rows } = await testDb.owner.pool.query<{ n: number }>(
      `select count(*)::int as n from ${testDb.env.jobsSchema}.job where data->>'eventId' = $1`,
      [updated.id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('an inbox row whose job was lost (a crash between insert and send) is queued again by reconciliation', async () => {
    const acme = await world.signUp('Lost job');
    const subscription = await world.subscribe(acme, 'team_monthly', { quantity: 1 });
    await world.settle();
    const stripeCustomerId = await stripeCustomerOfWorkspace(acme.workspace.id);
    await world.stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]!.id, quantity: 6 }],
    });
    // The update's event, stored three minutes ago with no job behind it: what a crash leaves.
    await world.fake.idle();
    await world.settle();
    const event = world.fake
      .events()
      .filter((candidate) => candidate.type === 'customer.subscription.updated')
      .at(-1)!;
    const lostId = `${event.id}_lost`;
    await testDb.owner.pool.query(
      `insert into webhook_event (id, type, customer_id, stripe_created_at, payload, received_at)
       values ($1, $2, $3, now(), $4, now() - interval '3 minutes')`,
      [lostId, event.type, stripeCustomerId, JSON.stringify({ ...event, id: lostId })],
    );
    const report = await reconcileStripe(world.app.deps);
    expect(report.requeued).toBe(1);
    await world.settle();
    expect((await world.app.inbox(lostId))?.status).toBe('processed');
    expect((await world.entitlementOf(acme.workspace.id))?.seats).toBe(6);
    expect((await reconcileStripe(world.app.deps)).requeued).toBe(0);
  });

  it('an event for an unknown customer is retried, not lost, and succeeds once the customer row exists', async () => {
    const stranger = await strangerWithSubscription();
    await world.fake.idle();
    const pending = await world.app.until(async () => {
      const rows = await inboxFor(stranger);
      return rows.some((row) => row.attempts >= 2) ? rows : undefined;
    }, 'a second attempt');
    const handled = pending.filter((row) => row.status !== 'ignored');
    expect(handled.every((row) => row.status === 'pending')).toBe(true);
    expect(handled.some((row) => /not linked to a workspace/.test(row.lastError ?? ''))).toBe(true);

    const late = await world.signUp('Linked late');
    await testDb.owner.db.insert(customerTable).values({ id: stranger, workspaceId: late.workspace.id });
    await world.app.drained();
    expect(
      (await inboxFor(stranger)).every((row) => row.status === 'processed' || row.status === 'ignored'),
    ).toBe(true);
    expect(comparable(await world.entitlementOf(late.workspace.id))).toMatchObject({
      plan: 'team',
      seats: 2,
    });
  });

  it('an event for a customer that was never ours (no workspace_id at Stripe) is ignored, not retried', async () => {
    const foreign = await strangerWithSubscription({ foreign: true });
    await world.fake.idle();
    await world.app.drained();
    const rows = await inboxFor(foreign);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.status === 'ignored')).toBe(true);
    // Decided on the first attempt: no retries, no dead letter.
    expect(rows.every((row) => row.attempts <= 1)).toBe(true);
    // Reconciliation meets it in /v1/events and skips it quietly: not a failed sync.
    const report = await reconcileStripe(world.app.deps);
    expect(report.failed).toBe(0);
    expect(report.foreign).toBeGreaterThanOrEqual(1);
    expect((await inboxFor(foreign)).every((row) => row.status === 'ignored')).toBe(true);
  });

  it('after its last retry the event is dead-lettered, and a replay processes it', async () => {
    const stranger = await strangerWithSubscription();
    await world.fake.idle();
    const dead = await world.app.until(
      async () => {
        const rows = (await inboxFor(stranger)).filter((row) => row.status !== 'ignored');
        return rows.length > 0 && rows.every((row) => row.status === 'dead') ? rows : undefined;
      },
      'the dead letter',
      30_000,
    );
    // One first attempt and two retries (the test queue's policy), each recorded.
    expect(dead.every((row) => row.attempts === 3 && /not linked/.test(row.lastError ?? ''))).toBe(true);

    const owner = await world.signUp('Replayed');
    await testDb.owner.db.insert(customerTable).values({ id: stranger, workspaceId: owner.workspace.id });
    for (const row of dead) await replayStripeEvent(world.app.deps, row.id, systemActor('test'));
    await world.app.drained();
    expect((await inboxFor(stranger)).filter((row) => row.status === 'processed')).toHaveLength(dead.length);
    expect(comparable(await world.entitlementOf(owner.workspace.id))).toMatchObject({
      plan: 'team',
      seats: 2,
    });
    await expect(
      replayStripeEvent(world.app.deps, 'evt_missing', systemActor('test')),
    ).rejects.toBeInstanceOf(AppError);
  }, 45_000);
});
