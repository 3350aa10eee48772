import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, test } from 'vitest';
import { startFakeStripe, type FakeStripe, type FakeStripeOptions } from './index';

const DAY = 86_400;
const running: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((entry) => entry.close()));
});

async function fakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const fake = await startFakeStripe(options);
  running.push(fake);
  return fake;
}

/** A webhook receiver that records raw bodies and signatures and answers `status()`. */
async function receiver(status: () => number = () => 200) {
  const received: { body: string; signature: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(req.headers['stripe-signature']),
      });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  running.push({ close });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, received };
}

async function catalog(stripe: Stripe) {
  const product = await stripe.products.create({ name: 'Pro', metadata: { plan: 'pro' } });
  const monthly = await stripe.prices.create({
    product: product.id,
    currency: 'usd',
    unit_amount: 1200,
    recurring: { interval: 'month' },
    lookup_key: 'pro_monthly',
  });
  return { product, monthly };
}

async function subscribedCustomer(fake: FakeStripe, options: { trialDays?: number } = {}) {
  const { stripe } = fake;
  const { product, monthly } = await catalog(stripe);
  const customer = await stripe.customers.create({
    email: 'owner@example.com',
    metadata: { workspace_id: 'ws_1' },
  });
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    client_reference_id: 'ws_1',
    line_items: [{ price: monthly.id, quantity: 3 }],
    subscription_data: {
      metadata: { workspace_id: 'ws_1' },
      ...(options.trialDays ? { trial_period_days: options.trialDays } : {}),
    },
    success_url: 'http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://app.test/pricing',
  });
  return { product, monthly, customer, session };
}

describe('the fake Stripe API, through the real SDK', () => {
  test('an idempotency key replays the first response, and refuses different parameters', async () => {
    const { stripe } = await fakeStripe();
    const first = await stripe.customers.create(
      { email: 'a@example.com' },
      { idempotencyKey: 'workspace-1' },
    );
    const again = await stripe.customers.create(
      { email: 'a@example.com' },
      { idempotencyKey: 'workspace-1' },
    );
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await stripe.customers.list({ email: 'a@example.com' })).data).toHaveLength(1);

    const mismatch = stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'workspace-1' });
    await expect(mismatch).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
      message: expect.stringContaining('same parameters'),
    });
  });

  test('lists paginate newest first with starting_after / ending_before and has_more', async () => {
    const { stripe } = await fakeStripe();
    const created: string[] = [];
    for (let index = 0; index < 5; index++)
      created.push((await stripe.products.create({ name: `P${index}` })).id);
    const newestFirst = [...created].reverse();

    const page1 = await stripe.products.list({ limit: 2 });
    expect(page1).toMatchObject({ object: 'list', url: '/v1/products', has_more: true });
    const page2 = await stripe.products.list({ limit: 2, starting_after: page1.data[1]!.id });
    const page3 = await stripe.products.list({ limit: 2, starting_after: page2.data[1]!.id });
    expect(page3.has_more).toBe(false);
    expect([...page1.data, ...page2.data, ...page3.data].map((product) => product.id)).toEqual(newestFirst);

    const before = await stripe.products.list({ limit: 2, ending_before: newestFirst[3] });
    expect(before.data.map((product) => product.id)).toEqual(newestFirst.slice(1, 3));
    expect(before.has_more).toBe(true);
    expect(
      (await stripe.products.list().autoPagingToArray({ limit: 100 })).map((product) => product.id),
    ).toEqual(newestFirst);
  });

  test('expand resolves nested ids on lists and retrieves', async () => {
    const fake = await fakeStripe();
    const { stripe } = fake;
    const { customer, session, product } = await subscribedCustomer(fake);
    await fake.completeCheckout(session.id);

    const list = await stripe.subscriptions.list({
      customer: customer.id,
      expand: ['data.items.data.price.product', 'data.customer', 'data.latest_invoice'],
    });
    const sub = list.data[0]!;
    expect((sub.items.data[0]!.price.product as Stripe.Product).name).toBe(product.name);
    expect((sub.customer as Stripe.Customer).email).toBe('owner@example.com');
    expect((sub.latest_invoice as Stripe.Invoice).status).toBe('paid');

    const retrieved = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['subscription', 'line_items'],
    });
    expect((retrieved.subscription as Stripe.Subscription).id).toBe(sub.id);
    expect(retrieved.line_items?.data[0]).toMatchObject({ object: 'item', quantity: 3, amount_total: 3600 });

    await expect(stripe.subscriptions.retrieve(sub.id, { expand: ['status'] })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      message: 'This property cannot be expanded (status).',
    });
  });

  test('an endpoint the fake lacks is a clear 404, a missing object a resource_missing 404', async () => {
    const { stripe } = await fakeStripe();
    await expect(stripe.coupons.list()).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      message:
        'Unrecognized request URL (GET /v1/coupons). The fake Stripe implements only the endpoints Plinth uses.',
    });
    await expect(stripe.customers.retrieve('cus_missing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: "No such customer: 'cus_missing'",
    });
    await expect(
      stripe.customers.create({ emial: 'typo@example.com' } as Stripe.CustomerCreateParams),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'emial',
    });
  });

  test('a wrong API key is a 401 authentication error', async () => {
    const fake = await fakeStripe();
    const wrong = new Stripe('sk_test_wrong_key', {
      host: fake.host,
      port: fake.port,
      protocol: 'http',
      apiVersion: '2026-10-28.endive',
    });
    await expect(wrong.customers.list()).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      statusCode: 401,
    });
  });

  test('lookup keys are unique; transfer_lookup_key moves one; lists filter by lookup_keys', async () => {
    const { stripe } = await fakeStripe();
    const { product, monthly } = await catalog(stripe);
    const params = {
      product: product.id,
      currency: 'usd',
      unit_amount: 1500,
      recurring: { interval: 'month' as const },
      lookup_key: 'pro_monthly',
    };
    await expect(stripe.prices.create(params)).rejects.toMatchObject({
      statusCode: 400,
      param: 'lookup_key',
    });
    const replacement = await stripe.prices.create({ ...params, transfer_lookup_key: true });
    const found = await stripe.prices.list({ lookup_keys: ['pro_monthly'], expand: ['data.product'] });
    expect(found.data.map((price) => price.id)).toEqual([replacement.id]);
    expect((found.data[0]!.product as Stripe.Product).id).toBe(product.id);
    expect((await stripe.prices.retrieve(monthly.id)).lookup_key).toBeNull();
  });
});

describe('the billing lifecycle and its events', () => {
  test('checkout → trialing subscription → trial_will_end → paid renewal, with current-API shapes', async () => {
    const start = new Date('2030-01-10T12:00:00Z');
    const fake = await fakeStripe({ now: start });
    const { stripe } = fake;
    const { customer, session } = await subscribedCustomer(fake, { trialDays: 14 });
    expect(session.url).toBe(`${fake.url}/checkout/${session.id}`);
    expect(session.success_url).toContain('{CHECKOUT_SESSION_ID}');

    const { subscription } = await fake.completeCheckout(session.id);
    expect(subscription.status).toBe('trialing');
    const item = subscription.items.data[0]!;
    expect(item.current_period_end - item.current_period_start).toBe(14 * DAY);
    expect(subscription).not.toHaveProperty('current_period_end');
    expect(subscription.metadata).toEqual({ workspace_id: 'ws_1' });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: 'complete',
      payment_status: 'no_payment_required',
      subscription: subscription.id,
    });

    await fake.advanceClock(new Date(start.getTime() + 15 * DAY * 1000));
    const renewed = await stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.status).toBe('active');
    const invoices = await stripe.invoices.list({ customer: customer.id });
    expect(
      invoices.data.map((invoice) => [invoice.billing_reason, invoice.status, invoice.amount_paid]),
    ).toEqual([
      ['subscription_cycle', 'paid', 3600],
      ['subscription_create', 'paid', 0],
    ]);
    expect(invoices.data[0]!.parent?.subscription_details?.subscription).toBe(subscription.id);
    expect(invoices.data[0]!.lines.data[0]!.pricing?.price_details?.price).toBe(item.price.id);

    const types = (await stripe.events.list({ limit: 100 }).autoPagingToArray({ limit: 1000 }))
      .map((event) => event.type)
      .reverse();
    expect(types).toEqual(
      expect.arrayContaining([
        'customer.subscription.created',
        'checkout.session.completed',
        'customer.subscription.trial_will_end',
        'invoice.paid',
      ]),
    );
    expect(types.indexOf('customer.subscription.trial_will_end')).toBeLessThan(
      types.lastIndexOf('invoice.paid'),
    );
    const subscriptionEvents = await stripe.events.list({ type: 'customer.subscription.*' });
    expect(subscriptionEvents.data.every((event) => event.type.startsWith('customer.subscription.'))).toBe(
      true,
    );
  });

  test('a failed renewal goes past_due, exhausted retries make it unpaid, paying the invoice reactivates it', async () => {
    const fake = await fakeStripe();
    const { stripe } = fake;
    const { customer, session } = await subscribedCustomer(fake);
    const { subscription } = await fake.completeCheckout(session.id);
    expect(subscription.status).toBe('active');

    const pastDue = await fake.renew(subscription.id, { outcome: 'failed' });
    expect(pastDue.status).toBe('past_due');
    const unpaid = await fake.exhaustRetries(subscription.id, { then: 'unpaid' });
    expect(unpaid.status).toBe('unpaid');
    const invoice = (await stripe.invoices.list({ customer: customer.id, status: 'uncollectible' })).data[0]!;
    expect(invoice.hosted_invoice_url).toBe(`${fake.url}/invoices/${invoice.id}`);

    await fake.payOpenInvoice(invoice.id);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    expect(fake.truth(customer.id).subscriptions.map((sub) => sub.status)).toEqual(['active']);
  });

  test('the hosted checkout page pays and redirects to success_url with the session id', async () => {
    const fake = await fakeStripe();
    const { session } = await subscribedCustomer(fake);
    const pageHtml = await (await fetch(session.url!)).text();
    expect(pageHtml).toContain('Fake Stripe (development)');
    const paid = await fetch(`${session.url}/pay`, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'succeeds' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://app.test/billing/success?session_id=${session.id}`);
    expect((await fake.stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
  });
});

describe('hosted pages, HTTP controls and the state file', () => {
  test('the portal page switches plan and quantity and schedules cancellation, each an updated event', async () => {
    const fake = await fakeStripe();
    const { stripe } = fake;
    const { customer, session, product } = await subscribedCustomer(fake);
    const { subscription } = await fake.completeCheckout(session.id);
    const yearly = await stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 12000,
      recurring: { interval: 'year' },
    });
    await stripe.billingPortal.configurations.create({
      features: {
        subscription_update: {
          enabled: true,
          default_allowed_updates: ['price', 'quantity'],
          products: [{ product: product.id, prices: [subscription.items.data[0]!.price.id, yearly.id] }],
          proration_behavior: 'none',
        },
        subscription_cancel: { enabled: true, mode: 'at_period_end' },
      },
    });
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'http://app.test/billing',
    });
    expect(portal.url).toBe(`${fake.url}/portal/${portal.id}`);
    expect(await (await fetch(portal.url)).text()).toContain('Update plan');

    const post = (action: string, form: Record<string, string>) =>
      fetch(`${portal.url}/${action}`, {
        method: 'POST',
        body: new URLSearchParams({ subscription: subscription.id, ...form }),
        redirect: 'manual',
      });
    expect((await post('update', { price: yearly.id, quantity: '5' })).status).toBe(303);
    const switched = await stripe.subscriptions.retrieve(subscription.id);
    expect(switched.items.data[0]).toMatchObject({ quantity: 5, price: { id: yearly.id } });
    await post('cancel', {});
    expect((await stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(true);
    const updates = await stripe.events.list({
      type: 'customer.subscription.updated',
      created: { gte: subscription.created },
    });
    expect(updates.data.length).toBeGreaterThanOrEqual(2);
  });

  test('POST /_fake/<control> runs a control with JSON arguments', async () => {
    const fake = await fakeStripe();
    const { session } = await subscribedCustomer(fake);
    const response = await fetch(`${fake.url}/_fake/completeCheckout`, {
      method: 'POST',
      body: JSON.stringify([session.id, { paymentMethod: 'fails' }]),
    });
    const { subscription } = (await response.json()) as { subscription: Stripe.Subscription };
    expect(subscription.status).toBe('incomplete');
    const later = fake.now().getTime() + 24 * 3600 * 1000;
    await fetch(`${fake.url}/_fake/advanceClock`, {
      method: 'POST',
      body: JSON.stringify([new Date(later).toISOString()]),
    });
    expect((await fake.stripe.subscriptions.retrieve(subscription.id)).status).toBe('incomplete_expired');
  });

  test('with a stateFile, a restarted fake still knows its customers', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'fake-stripe-'));
    try {
      const stateFile = path.join(directory, 'state.json');
      const first = await startFakeStripe({ stateFile });
      const customer = await first.stripe.customers.create({ email: 'kept@example.com' });
      await first.close();
      const second = await fakeStripe({ stateFile });
      expect((await second.stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
        email: 'kept@example.com',
      });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('webhook delivery', () => {
  test('auto mode delivers every event in order, signed so the SDK verifies it', async () => {
    const endpoint = await receiver();
    const fake = await fakeStripe({ webhookUrl: endpoint.url });
    const { session } = await subscribedCustomer(fake);
    await fake.completeCheckout(session.id);

    const events = endpoint.received.map(({ body, signature }) =>
      fake.stripe.webhooks.constructEvent(body, signature, fake.webhookSecret),
    );
    expect(events.map((event) => event.id)).toEqual(fake.events().map((event) => event.id));
    expect(events.at(-1)?.type).toBe('checkout.session.completed');
    expect(() =>
      fake.stripe.webhooks.constructEvent(
        endpoint.received[0]!.body,
        endpoint.received[0]!.signature,
        'whsec_wrong',
      ),
    ).toThrow();
  });

  test('manual delivery shuffles, duplicates and drops reproducibly from a seed; failures stay queued', async () => {
    async function run() {
      const endpoint = await receiver();
      const fake = await fakeStripe({ delivery: 'manual', webhookUrl: endpoint.url });
      for (let index = 0; index < 30; index++)
        await fake.stripe.customers.create({ email: `c${index}@example.com` });
      const ids = fake.pendingEvents().map((event) => event.id);
      const result = await fake.deliver({
        order: 'shuffle',
        duplicateRate: 0.2,
        dropRate: 0.1,
        parallelism: 4,
        seed: 42,
      });
      return {
        result,
        positions: result.sent.map((id) => ids.indexOf(id)),
        received: endpoint.received.length,
      };
    }
    const first = await run();
    const second = await run();
    expect(first.result.delivered).toBe(30 - first.result.dropped + first.result.duplicated);
    expect(first.received).toBe(first.result.delivered);
    expect(first.result.dropped).toBeGreaterThan(0);
    expect(first.result.duplicated).toBeGreaterThan(0);
    expect(first.positions).not.toEqual([...first.positions].sort((a, b) => a - b));
    expect(second.positions).toEqual(first.positions);

    let answer = 500;
    const flaky = await receiver(() => answer);
    const fake = await fakeStripe({ delivery: 'manual', webhookUrl: flaky.url });
    await fake.stripe.customers.create({ email: 'retry@example.com' });
    expect(await fake.deliver()).toMatchObject({ delivered: 0, failures: 1 });
    expect(fake.pendingEvents()).toHaveLength(1);
    answer = 200;
    expect(await fake.deliver()).toMatchObject({ delivered: 1, failures: 0 });
    expect(fake.pendingEvents()).toHaveLength(0);
  });
});
