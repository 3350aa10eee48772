import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customerIdOf, reconcileStripe } from '@plinth/core/billing-events';
import { createLogger } from '@plinth/core/logger';
import { customer as customerTable, webhookEvent } from '@plinth/db';
import { useTestDatabase } from '@plinth/testing';
import { comparable, truthOf, useStripeWorld, type Customer } from './stripe-world';

const testDb = useTestDatabase();
// Manual delivery: events queue at the fake until a test flushes them in the order it wants.
const world = useStripeWorld(testDb, { delivery: 'manual' });

async function stripeCustomerOf(customer: Customer): Promise<string> {
  const [row] = await testDb.owner.db
    .select({ id: customerTable.id })
    .from(customerTable)
    .where(eq(customerTable.workspaceId, customer.workspace.id));
  return row!.id;
}

/** A busy month: Team with 2 seats, 5 seats, a failed renewal, the invoice paid, cancel at period end. */
async function busyMonth(customer: Customer) {
  const subscription = await world.subscribe(customer, 'team_monthly', { quantity: 2 });
  const item = subscription.items.data[0]!;
  await world.stripe.subscriptions.update(subscription.id, { items: [{ id: item.id, quantity: 5 }] });
  const renewed = await world.fake.renew(subscription.id, { outcome: 'failed' });
  await world.fake.payOpenInvoice(renewed.latest_invoice as string);
  await world.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
  return subscription;
}

describe('delivery order and duplicates cannot corrupt state', () => {
  it.each([
    ['in order', 'fifo'],
    ['reversed', 'reverse'],
    ['shuffled', 'shuffle'],
  ] as const)(
    'events delivered %s, with duplicates, in parallel, end in the right state',
    async (_name, order) => {
      const customer = await world.signUp(`Order ${order}`);
      await busyMonth(customer);
      const seed = 1000 + order.length;
      const result = await world.fake.deliver({ order, duplicateRate: 0.4, parallelism: 4, seed });
      expect(result.failures, `seed ${seed}`).toBe(0);
      expect(result.duplicated).toBeGreaterThan(0);
      await world.settle();

      const ours = comparable(await world.entitlementOf(customer.workspace.id));
      const stripeCustomerId = await stripeCustomerOf(customer);
      expect(ours, `seed ${seed}`).toEqual(truthOf(world.fake, stripeCustomerId));
      expect(ours).toMatchObject({ plan: 'team', state: 'active', seats: 5, cancelAtPeriodEnd: true });
      // One row per event however often it came.
      const rows = await testDb.owner.db
        .select({ id: webhookEvent.id })
        .from(webhookEvent)
        .where(eq(webhookEvent.customerId, stripeCustomerId));
      const sent = world.fake.events().filter((event) => customerIdOf(event) === stripeCustomerId);
      expect(rows.length).toBe(sent.length);
      // The renewal failed, but the invoice was paid before the event was processed: no dunning mail.
      expect(await world.mailsTo(customer.owner.email, 'billing-payment-failed')).toEqual([]);
    },
  );

  it('dropped events are repaired by reconciliation, which logs the drift and then finds none', async () => {
    const customer = await world.signUp('Dropped');
    await world.subscribe(customer, 'team_monthly', { quantity: 3 });
    const result = await world.fake.deliver({ dropRate: 1 });
    expect(result.dropped).toBeGreaterThan(0);
    await world.settle();
    const stripeCustomerId = await stripeCustomerOf(customer);
    expect(await world.entitlementOf(customer.workspace.id)).toBeUndefined();

    const lines: Record<string, unknown>[] = [];
    const logger = createLogger(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    );
    const report = await reconcileStripe({ ...world.app.deps, logger });
    expect(report.recovered).toBe(result.dropped);
    expect(report.changed).toBeGreaterThanOrEqual(1);
    expect(report.failed).toBe(0);
    expect(comparable(await world.entitlementOf(customer.workspace.id))).toEqual(
      truthOf(world.fake, stripeCustomerId),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        customer: stripeCustomerId,
        before: expect.objectContaining({ plan: 'free' }),
        after: expect.objectContaining({ plan: 'team', seats: 3 }),
      }),
    );
    // The recovered events go through the inbox like any delivery.
    await world.settle();
    const rows = await testDb.owner.db
      .select({ status: webhookEvent.status })
      .from(webhookEvent)
      .where(eq(webhookEvent.customerId, stripeCustomerId));
    expect(rows.length).toBe(result.dropped);
    expect(rows.every((row) => row.status !== 'pending')).toBe(true);

    const again = await reconcileStripe({ ...world.app.deps, logger });
    expect(again).toMatchObject({ recovered: 0, changed: 0 });
    expect(again.cursor?.created).toBeGreaterThanOrEqual(report.cursor!.created);
  });

  it('the periodic pass over every customer repairs a mirror changed behind its back', async () => {
    const customer = await world.signUp('Tampered');
    await world.subscribe(customer, 'team_monthly', { quantity: 2 });
    await world.fake.deliver();
    await world.settle();
    const stripeCustomerId = await stripeCustomerOf(customer);
    // A minute later another workspace subscribes: the events pass's cursor (and its few seconds of
    // overlap) moves past this customer's events.
    await world.fake.advanceClock(world.fake.now().getTime() / 1000 + 60);
    await world.subscribe(await world.signUp('Later'), 'pro_monthly');
    await world.fake.deliver();
    await world.settle();
    await reconcileStripe(world.app.deps);
    // Someone "fixes" the entitlement by hand; no event will ever say otherwise.
    await testDb.owner.pool.query(
      `update entitlement set plan = 'free', state = 'free', seats = null where workspace_id = $1`,
      [customer.workspace.id],
    );
    const eventsOnly = await reconcileStripe(world.app.deps);
    expect(eventsOnly.changed).toBe(0);
    const full = await reconcileStripe(world.app.deps, { allCustomers: true });
    expect(full.customers).toBeGreaterThanOrEqual(1);
    expect(full.changed).toBe(1);
    expect(comparable(await world.entitlementOf(customer.workspace.id))).toEqual(
      truthOf(world.fake, stripeCustomerId),
    );
  });
});
