import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient } from '@plinth/core/billing';
import { createLogger, runWithLogContext, type LogContext } from '@plinth/core/logger';
import { activeTracer, setActiveSpan, startTracing, stripePathTemplate } from '@plinth/core/telemetry';
import { rejectionOf } from '@plinth/testing';
import { startFakeStripe, type FakeStripe } from '@plinth/testing/fake-stripe';
import { attributeOf, startOtlpReceiver, until, type OtlpReceiver } from './otlp-receiver';

// Spans of Stripe SDK calls: the production client (createStripeClient) against the fake Stripe over
// HTTP, inside a request's context with a recorded span, exported to a local OTLP receiver. Method,
// path template and status; no key, id, address or body.
let receiver: OtlpReceiver;
let fake: FakeStripe;
let tracing: { shutdown(): Promise<void> } | undefined;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  fake = await startFakeStripe({ delivery: 'manual' });
  tracing = startTracing(
    {
      tracesEndpoint: `${receiver.url}/v1/traces`,
      serviceName: 'plinth-test',
      sampler: 'always_on',
      samplerArg: undefined,
    },
    createLogger({ level: 'silent' }),
  );
});
afterAll(async () => {
  await tracing?.shutdown();
  await fake?.close();
  await receiver?.close();
});

/** Runs `fn` as a request would: a log context whose active span is a recorded server span. */
async function inRequest(fn: () => Promise<void>): Promise<string> {
  const span = activeTracer()!.startSpan('GET /test');
  const context: LogContext = { request_id: 'stripe-spans' };
  setActiveSpan(context, span);
  try {
    await runWithLogContext(context, fn);
  } finally {
    span.end();
  }
  return span.spanContext().spanId;
}

describe('Stripe SDK spans', () => {
  it('one span per call: method, path template and status, under the request; nothing secret', async () => {
    const { host, port, protocol, secretKey } = fake;
    const stripe = createStripeClient({ secretKey, host, port, protocol });
    const email = `stripe-span-${Date.now()}@example.test`;
    let customerId = '';
    const parent = await inRequest(async () => {
      const customer = await stripe.customers.create({ email, metadata: { workspace: 'ws_secret_value' } });
      customerId = customer.id;
      await stripe.customers.retrieve(customer.id);
      // A 404 answer still makes its span, with an error status.
      expect(await rejectionOf(stripe.customers.retrieve('cus_DoesNotExist9'))).toMatchObject({
        statusCode: 404,
      });
    });
    // Outside a request (no recorded parent): no span.
    await stripe.customers.retrieve(customerId);

    const stripeSpans = () =>
      receiver.spans().filter((span) => attributeOf(span.attributes, 'rpc.system') === 'stripe');
    await until(() => (stripeSpans().length >= 3 ? true : undefined), 'three Stripe spans');
    const spans = stripeSpans();
    expect(spans.map((span) => span.name)).toEqual([
      'stripe POST /v1/customers',
      'stripe GET /v1/customers/{id}',
      'stripe GET /v1/customers/{id}',
    ]);
    expect(spans.every((span) => span.parentSpanId === parent && span.kind === 3)).toBe(true);
    expect(spans.map((span) => attributeOf(span.attributes, 'http.response.status_code'))).toEqual([
      200, 200, 404,
    ]);
    expect(spans.map((span) => attributeOf(span.attributes, 'url.template'))).toEqual([
      '/v1/customers',
      '/v1/customers/{id}',
      '/v1/customers/{id}',
    ]);
    expect(spans[2]!.status?.code).toBe(2);
    const exported = JSON.stringify(receiver.bodies);
    for (const secret of [email, customerId, secretKey, 'ws_secret_value', 'cus_DoesNotExist9']) {
      expect(exported).not.toContain(secret);
    }
  });

  it('templates paths: ids and query strings go, Stripe’s lowercase words stay', () => {
    expect(stripePathTemplate('/v1/customers/cus_Q4kX9/subscriptions?limit=3')).toBe(
      '/v1/customers/{id}/subscriptions',
    );
    expect(stripePathTemplate('/v1/billing_portal/sessions')).toBe('/v1/billing_portal/sessions');
    expect(stripePathTemplate('/v1/subscriptions/sub_1AbC/cancel')).toBe('/v1/subscriptions/{id}/cancel');
  });
});
