import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { stripeEventQueue } from '@plinth/core/billing-events';
import { createUser, makeStaff, useTestDatabase } from '@plinth/testing';
import { offlineStripe, useBillingApp } from './billing-app';

const testDb = useTestDatabase();
const secret = `whsec_${'a'.repeat(32)}`;
const stripe = offlineStripe();
// No worker: these tests look at what the API stores and queues, before anything processes it.
const app = useBillingApp(testDb, { stripe: () => stripe, webhookSecret: () => secret, worker: false });

let sequence = 0;
function stripeEvent(type: string, object: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    id: `evt_test${Date.now()}${sequence}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
    ...overrides,
  };
}

const subscriptionObject = (customer: string) => ({
  id: `sub_${sequence}`,
  object: 'subscription',
  customer,
  status: 'active',
});

function sign(payload: string, options: { secret?: string; timestamp?: number } = {}) {
  return stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? secret,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
}

async function deliver(body: string, signature: string | undefined, contentType = 'application/json') {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (signature !== undefined) headers['stripe-signature'] = signature;
  const response = await fetch(app.webhookUrl, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * A POST on a connection of its own: the server answers 413 without reading the rest of the body
 * and drops the connection, which must not break the keep-alive connection later tests reuse.
 */
function postOnOwnConnection(body: string, signature: string) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const request = httpRequest(
      app.webhookUrl,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      },
    );
    // The server may close while the body is still going out; the answer already arrived.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    request.end(body);
  });
}

async function inboxCount(): Promise<number> {
  const { rows } = await testDb.owner.pool.query<{ n: number }>(
    'select count(*)::int as n from webhook_event',
  );
  return rows[0]!.n;
}

async function queuedJobs(eventId: string): Promise<number> {
  const { rows } = await testDb.owner.pool.query<{ n: number }>(
    `select count(*)::int as n from ${testDb.env.jobsSchema}.job where name = $1 and data->>'eventId' = $2`,
    [stripeEventQueue.name, eventId],
  );
  return rows[0]!.n;
}

describe('POST /api/webhooks/stripe', () => {
  it('stores a verified event once, queues it once, and answers 200 to every redelivery', async () => {
    const event = stripeEvent('customer.subscription.updated', subscriptionObject('cus_alpha'));
    const body = JSON.stringify(event);
    const first = await deliver(body, sign(body));
    expect(first).toEqual({ status: 200, body: { received: true, duplicate: false } });
    const again = await deliver(body, sign(body));
    expect(again).toEqual({ status: 200, body: { received: true, duplicate: true } });
    const row = await app.inbox(event.id);
    expect(row).toMatchObject({
      type: 'customer.subscription.updated',
      customerId: 'cus_alpha',
      status: 'pending',
      attempts: 0,
      apiVersion: '2026-10-28.endive',
      livemode: false,
    });
    expect(row!.payload).toEqual(event);
    expect(await queuedJobs(event.id)).toBe(1);
  });

  it('names the customer of a customer.* event by the object itself', async () => {
    const event = stripeEvent('customer.updated', { id: 'cus_beta', object: 'customer', email: null });
    const body = JSON.stringify(event);
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect((await app.inbox(event.id))?.customerId).toBe('cus_beta');
    const expanded = stripeEvent('invoice.paid', {
      id: 'in_1',
      object: 'invoice',
      customer: { id: 'cus_gamma' },
    });
    const expandedBody = JSON.stringify(expanded);
    expect((await deliver(expandedBody, sign(expandedBody))).status).toBe(200);
    expect((await app.inbox(expanded.id))?.customerId).toBe('cus_gamma');
  });

  it.each([
    [
      'a forged signature (body changed after signing)',
      (body: string) => ({ body: body.replace('cus_forged', 'cus_victim'), signature: sign(body) }),
    ],
    [
      'a signature made with the wrong secret',
      (body: string) => ({ body, signature: sign(body, { secret: `whsec_${'b'.repeat(32)}` }) }),
    ],
    [
      'a stale timestamp (older than five minutes)',
      (body: string) => ({ body, signature: sign(body, { timestamp: Math.floor(Date.now() / 1000) - 301 }) }),
    ],
    ['no Stripe-Signature header', (body: string) => ({ body, signature: undefined })],
    ['a garbled header', (body: string) => ({ body, signature: 't=abc,v1=zzz' })],
    [
      'a correctly signed body that is not JSON',
      () => ({ body: '{"id": "evt_x", ', signature: sign('{"id": "evt_x", ') }),
    ],
    [
      'a correctly signed JSON that is not a Stripe event',
      () => {
        const body = JSON.stringify({ id: 'evt_notreally', hello: 'world' });
        return { body, signature: sign(body) };
      },
    ],
  ])('refuses %s with a 400 envelope and stores nothing', async (_name, make) => {
    const before = await inboxCount();
    const event = stripeEvent('customer.subscription.updated', subscriptionObject('cus_forged'));
    const { body, signature } = make(JSON.stringify(event));
    const response = await deliver(body, signature);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_input', request_id: expect.any(String) } });
    expect(await inboxCount()).toBe(before);
    expect(await app.inbox(event.id)).toBeUndefined();
  });

  it('refuses a body over the size cap with 413 before verifying anything', async () => {
    const before = await inboxCount();
    const event = stripeEvent('invoice.created', {
      id: 'in_big',
      object: 'invoice',
      customer: 'cus_big',
      pad: 'x'.repeat(1_100_000),
    });
    const body = JSON.stringify(event);
    const response = await postOnOwnConnection(body, sign(body));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await inboxCount()).toBe(before);
  });

  it('needs no session and no Origin: a cross-site POST with a valid signature is accepted', async () => {
    const event = stripeEvent('invoice.paid', { id: 'in_2', object: 'invoice', customer: 'cus_delta' });
    const body = JSON.stringify(event);
    const response = await fetch(app.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        origin: 'https://evil.example',
        'stripe-signature': sign(body),
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(await app.inbox(event.id)).toBeDefined();
  });
});

/** A staff member's session cookie, and a delivered event that failed every retry (dead). */
async function staffWithDeadEvent(name: string) {
  const staff = await createUser(testDb.owner);
  await makeStaff(testDb, staff.id);
  const cookie = await app.sessionCookie(staff.id);
  const event = stripeEvent('invoice.payment_failed', {
    id: `in_${name}`,
    object: 'invoice',
    customer: `cus_${name}`,
  });
  const body = JSON.stringify(event);
  expect((await deliver(body, sign(body))).status).toBe(200);
  await testDb.owner.pool.query(
    `update webhook_event set status = 'dead', attempts = 3, last_error = 'AppError: gone' where id = $1`,
    [event.id],
  );
  return { cookie, event, staff };
}

describe('/api/admin/billing/events', () => {
  it('is staff-only: 401 signed out, 404 for a non-staff person', async () => {
    expect((await fetch(`${app.url}/api/admin/billing/events`)).status).toBe(401);
    const person = await createUser(testDb.owner);
    const response = await fetch(`${app.url}/api/admin/billing/events`, {
      headers: { cookie: await app.sessionCookie(person.id) },
    });
    expect(response.status).toBe(404);
  });

  it('refuses a staff replay sent from another site (no, foreign or null Origin): nothing is queued', async () => {
    const { cookie, event } = await staffWithDeadEvent('csrf');
    const queuedBefore = await queuedJobs(event.id);
    for (const origin of [undefined, 'https://evil.example', 'null', `${app.url.replace(/:\d+$/, '')}:1`]) {
      const headers: Record<string, string> = { cookie, ...(origin === undefined ? {} : { origin }) };
      // A same-site Referer is no substitute for Origin on a cookie-authenticated write.
      if (origin === undefined) headers.referer = `${app.url}/admin/billing-events`;
      const replay = await fetch(`${app.url}/api/admin/billing/events/${event.id}/replay`, {
        method: 'POST',
        headers,
      });
      expect(replay.status, `Origin ${origin}`).toBe(403);
      expect(await replay.json()).toMatchObject({
        error: { code: 'forbidden', message: expect.stringContaining('trusted origin') },
      });
    }
    expect((await app.inbox(event.id))?.status).toBe('dead');
    expect(await queuedJobs(event.id)).toBe(queuedBefore);
    // The next test lists the dead events: leave it only its own.
    await testDb.owner.pool.query('delete from webhook_event where id = $1', [event.id]);
  });

  it('lists the inbox by status with a cursor, and replays a dead event', async () => {
    const { cookie, event, staff } = await staffWithDeadEvent('dead');

    const dead = await fetch(`${app.url}/api/admin/billing/events?status=dead`, { headers: { cookie } });
    expect(dead.status).toBe(200);
    const listed = (await dead.json()) as { events: Record<string, unknown>[]; nextCursor: string | null };
    expect(listed.events.map((row) => row.id)).toEqual([event.id]);
    expect(listed.events[0]).toMatchObject({ status: 'dead', attempts: 3, lastError: 'AppError: gone' });
    expect(listed.events[0]).not.toHaveProperty('payload');

    const firstPage = (await (
      await fetch(`${app.url}/api/admin/billing/events?limit=2`, { headers: { cookie } })
    ).json()) as { events: { id: string }[]; nextCursor: string };
    expect(firstPage.events).toHaveLength(2);
    const secondPage = (await (
      await fetch(`${app.url}/api/admin/billing/events?limit=2&cursor=${firstPage.nextCursor}`, {
        headers: { cookie },
      })
    ).json()) as { events: { id: string }[] };
    expect(secondPage.events.map((row) => row.id)).not.toContain(firstPage.events[0]!.id);
    expect((await fetch(`${app.url}/api/admin/billing/events?bogus=1`, { headers: { cookie } })).status).toBe(
      400,
    );

    const replay = await fetch(`${app.url}/api/admin/billing/events/${event.id}/replay`, {
      method: 'POST',
      headers: { cookie, origin: app.url },
    });
    expect(replay.status).toBe(202);
    expect((await app.inbox(event.id))?.status).toBe('pending');
    expect(await queuedJobs(event.id)).toBe(2);
    // Audited with the staff member as actor (tests/staff/staff-routes.test.ts lists this case).
    const { rows: audited } = await testDb.owner.pool.query(
      `select actor_id, target_id, metadata from audit_log where action = 'admin.billing_event_replayed'`,
    );
    expect(audited).toEqual([
      { actor_id: staff.id, target_id: event.id, metadata: { previousStatus: 'dead' } },
    ]);
    const unknown = await fetch(`${app.url}/api/admin/billing/events/evt_nope/replay`, {
      method: 'POST',
      headers: { cookie, origin: app.url },
    });
    expect(unknown.status).toBe(404);
    // Control characters in the id or in a forged cursor name nothing: a 4xx, never a 500.
    const withNul = await fetch(`${app.url}/api/admin/billing/events/evt_%00x/replay`, {
      method: 'POST',
      headers: { cookie, origin: app.url },
    });
    expect(withNul.status).toBe(404);
    const forged = Buffer.from(JSON.stringify([new Date().toISOString(), 'evt_\u0000'])).toString(
      'base64url',
    );
    const badCursor = await fetch(`${app.url}/api/admin/billing/events?cursor=${forged}`, {
      headers: { cookie },
    });
    expect(badCursor.status).toBe(400);
  });
});
