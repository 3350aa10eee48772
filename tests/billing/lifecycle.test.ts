import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemActor } from '@plinth/core/actor';
import { handledEventTypes, replayStripeEvent } from '@plinth/core/billing-events';
import { customer as customerTable, webhookEvent } from '@plinth/db';
import { addMember, createUser, useTestDatabase } from '@plinth/testing';
import { comparable, truthOf, useStripeWorld, type Customer } from './stripe-world';

const testDb = useTestDatabase();
// Auto delivery: every change at the fake is delivered to the webhook as it happens, like Stripe.
const world = useStripeWorld(testDb);

async function stripeCustomerOf(customer: Customer): Promise<string> {
  const [row] = await testDb.owner.db
    .select({ id: customerTable.id })
    .from(customerTable)
    .where(eq(customerTable.workspaceId, customer.workspace.id));
  return row!.id;
}

/** A second owner, who gets billing mail too. */
async function addOwner(customer: Customer): Promise<string> {
  const other = await createUser(testDb.owner);
  await addMember(testDb.owner, { workspace: customer.workspace, user: other, role: 'owner' });
  return other.email;
}

async function expectTruth(customer: Customer) {
  const ours = comparable(await world.entitlementOf(customer.workspace.id));
  expect(ours).toEqual(truthOf(world.fake, await stripeCustomerOf(customer)));
  return ours;
}

/** Delivers every event the fake made for this customer again, signed, as Stripe's retries would. */
async function redeliverAll(stripeCustomerId: string, times = 1) {
  const events = world.fake.events().filter((event) => {
    const object = event.data.object as { customer?: string; id?: string; object?: string };
    return (
      object.customer === stripeCustomerId || (object.object === 'customer' && object.id === stripeCustomerId)
    );
  });
  for (let round = 0; round < times; round++) {
    for (const event of events) {
      const body = JSON.stringify(event);
      const response = await fetch(world.app.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': world.fake.signPayload(body) },
        body,
      });
      expect(response.status).toBe(200);
    }
  }
  return events;
}

describe('billing lifecycle through webhooks', () => {
  it('upgrade: checkout completes and the workspace is on Pro (trialing), then active when the trial ends', async () => {
    const acme = await world.signUp('Acme');
    expect(await world.entitlementOf(acme.workspace.id)).toBeUndefined();
    const subscription = await world.subscribe(acme, 'pro_monthly');
    await world.settle();
    expect(await expectTruth(acme)).toMatchObject({
      plan: 'pro',
      state: 'trialing',
      subscriptionStatus: 'trialing',
    });

    await world.fake.endTrial(subscription.id);
    await world.settle();
    expect(await expectTruth(acme)).toMatchObject({
      plan: 'pro',
      state: 'active',
      subscriptionStatus: 'active',
    });
    const rows = await testDb.owner.db
      .select({ type: webhookEvent.type, status: webhookEvent.status })
      .from(webhookEvent)
      .where(eq(webhookEvent.customerId, await stripeCustomerOf(acme)));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      // Events that cannot change access (customer.created…) are acknowledged and ignored.
      expect(row.status, row.type).toBe(handledEventTypes.has(row.type) ? 'processed' : 'ignored');
    }
    expect(rows.map((row) => row.type)).toContain('checkout.session.completed');
  });

  it('trial → canceled: the workspace is back on free and its owner is told once', async () => {
    const trial = await world.signUp('Trialling Co');
    const subscription = await world.subscribe(trial, 'pro_monthly');
    await world.settle();
    expect((await world.entitlementOf(trial.workspace.id))?.state).toBe('trialing');
    await world.stripe.subscriptions.cancel(subscription.id);
    await world.settle();
    expect(await expectTruth(trial)).toMatchObject({
      plan: 'free',
      state: 'free',
      subscriptionStatus: 'canceled',
    });
    await redeliverAll(await stripeCustomerOf(trial));
    await world.settle();
    const ended = await world.mailsTo(trial.owner.email, 'billing-subscription-canceled');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.text).toContain('Trialling Co');
    expect(ended[0]!.text).toContain(`${world.app.url}/w/${trial.workspace.slug}/billing`);
  });

  it('seat change: the Team entitlement follows the subscription quantity', async () => {
    const team = await world.signUp('Seats Ltd');
    const subscription = await world.subscribe(team, 'team_monthly', { quantity: 3 });
    await world.settle();
    expect(await expectTruth(team)).toMatchObject({ plan: 'team', state: 'active', seats: 3 });
    const item = subscription.items.data[0]!;
    await world.stripe.subscriptions.update(subscription.id, { items: [{ id: item.id, quantity: 7 }] });
    await world.settle();
    expect(await expectTruth(team)).toMatchObject({ plan: 'team', seats: 7 });
    expect((await world.entitlementOf(team.workspace.id))?.limits).toMatchObject({ members: 7 });
    await world.stripe.subscriptions.update(subscription.id, { items: [{ id: item.id, quantity: 2 }] });
    await world.settle();
    expect(await expectTruth(team)).toMatchObject({ seats: 2 });
  });

  it('dunning: past_due keeps the plan in grace with one mail holding the invoice link, then unpaid → free', async () => {
    const late = await world.signUp('Late Payers');
    const subscription = await world.subscribe(late, 'team_monthly', { quantity: 2 });
    await world.settle();
    await world.fake.renew(subscription.id, { outcome: 'failed' });
    await world.settle();
    const grace = await world.entitlementOf(late.workspace.id);
    expect(await expectTruth(late)).toMatchObject({
      plan: 'team',
      state: 'grace',
      subscriptionStatus: 'past_due',
    });
    expect(grace?.pastDueInvoiceUrl).toMatch(/^http/);

    const stripeCustomerId = await stripeCustomerOf(late);
    const failedEvents = (await redeliverAll(stripeCustomerId, 2)).filter(
      (event) => event.type === 'invoice.payment_failed',
    );
    expect(failedEvents).toHaveLength(1);
    // A replay of the processed event redoes the sync but finds its side effect claimed.
    await replayStripeEvent(world.app.deps, failedEvents[0]!.id, systemActor('test'));
    await world.settle();
    const dunning = await world.mailsTo(late.owner.email, 'billing-payment-failed');
    expect(dunning).toHaveLength(1);
    expect(dunning[0]!.text).toContain(grace!.pastDueInvoiceUrl!);
    expect(dunning[0]!.text).toContain('$24.00');

    await world.fake.exhaustRetries(subscription.id, { then: 'unpaid' });
    await world.settle();
    expect(await expectTruth(late)).toMatchObject({
      plan: 'free',
      state: 'free',
      subscriptionStatus: 'unpaid',
    });
  });

  it('cancel at period end: the plan is kept until the clock passes the period end, then free', async () => {
    const leaving = await world.signUp('Leaving Soon');
    const subscription = await world.subscribe(leaving, 'team_monthly', { quantity: 4 });
    await world.settle();
    const periodEnd = subscription.items.data[0]!.current_period_end;
    await world.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    await world.settle();
    expect(await expectTruth(leaving)).toMatchObject({
      plan: 'team',
      state: 'active',
      cancelAtPeriodEnd: true,
    });

    await world.fake.advanceClock(periodEnd - 3600);
    await world.settle();
    expect(await expectTruth(leaving)).toMatchObject({ plan: 'team', cancelAtPeriodEnd: true });

    await world.fake.advanceClock(periodEnd + 60);
    await world.settle();
    expect(await expectTruth(leaving)).toMatchObject({
      plan: 'free',
      state: 'free',
      subscriptionStatus: 'canceled',
    });
    expect(await world.mailsTo(leaving.owner.email, 'billing-subscription-canceled')).toHaveLength(1);
  });

  it('three days before a trial ends, the owners are told once; not when the trial is set to cancel', async () => {
    const trying = await world.signUp('Trying Pro');
    const second = await addOwner(trying);
    const subscription = await world.subscribe(trying, 'pro_monthly');
    await world.settle();
    const trialEnd = subscription.trial_end!;
    await world.fake.advanceClock(trialEnd - 2 * 86_400);
    await world.settle();
    for (const address of [trying.owner.email, second]) {
      const mails = await world.mailsTo(address, 'billing-trial-ending');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain('Trying Pro');
      expect(mails[0]!.text).toContain('Pro');
    }
    await redeliverAll(await stripeCustomerOf(trying));
    await world.settle();
    expect(await world.mailsTo(trying.owner.email, 'billing-trial-ending')).toHaveLength(1);

    const leaving = await world.signUp('Trial then leave');
    const leavingSubscription = await world.subscribe(leaving, 'pro_monthly');
    await world.stripe.subscriptions.update(leavingSubscription.id, { cancel_at_period_end: true });
    await world.fake.advanceClock(leavingSubscription.trial_end! - 2 * 86_400);
    await world.settle();
    const [notice] = await testDb.owner.db
      .select({ status: webhookEvent.status })
      .from(webhookEvent)
      .where(
        and(
          eq(webhookEvent.customerId, await stripeCustomerOf(leaving)),
          eq(webhookEvent.type, 'customer.subscription.trial_will_end'),
        ),
      );
    // The event came and was processed; the mail (card charged soon) would be wrong, so none went.
    expect(notice?.status).toBe('processed');
    expect(await world.mailsTo(leaving.owner.email, 'billing-trial-ending')).toEqual([]);
  });

  it('a payment that needs the bank’s confirmation sends the owner the invoice link', async () => {
    const strict = await world.signUp('Strict Bank');
    const subscription = await world.subscribe(strict, 'team_monthly', { quantity: 2 });
    await world.settle();
    const stripeCustomerId = await stripeCustomerOf(strict);
    world.fake.setPaymentBehavior(stripeCustomerId, 'requires_action');
    await world.fake.renew(subscription.id);
    await world.settle();
    const mails = await world.mailsTo(strict.owner.email, 'billing-payment-action-required');
    expect(mails).toHaveLength(1);
    const invoice = world.fake.truth(stripeCustomerId).invoices[0]!;
    expect(mails[0]!.text).toContain(invoice.hosted_invoice_url!);
    expect(await expectTruth(strict)).toMatchObject({ plan: 'team' });
  });

  it('five workspaces upgraded at the same time each end on their own plan', async () => {
    const customers = await Promise.all([1, 2, 3, 4, 5].map((n) => world.signUp(`Parallel ${n}`)));
    await Promise.all(
      customers.map((customer, index) => world.subscribe(customer, 'team_monthly', { quantity: index + 1 })),
    );
    await world.settle();
    for (const [index, customer] of customers.entries()) {
      expect(await expectTruth(customer)).toMatchObject({ plan: 'team', state: 'active', seats: index + 1 });
    }
  });
});
