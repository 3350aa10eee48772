import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { handleApi } from './api';
import { WebhookDelivery, type DeliverOptions, type DeliverResult, type DeliveryMode } from './delivery';
import { FakeStripeEngine, type FakeState, type PaymentBehavior, type Truth } from './engine';
import { handlePage } from './pages';
import { canonical, parseForm } from './params';
import { API_VERSION, FakeStripeError, newId, type WireObject } from './wire';

export interface FakeStripeOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The only API key the fake accepts. Default `sk_test_fake_plinth`. */
  secretKey?: string;
  /** The signing secret of the webhook endpoint. Default `whsec_fake_plinth`. */
  webhookSecret?: string;
  /** Where events go (can be set later with setWebhookEndpoint). */
  webhookUrl?: string;
  /** 'auto' (default): deliver right after each change; 'manual': queue until deliver(). */
  delivery?: DeliveryMode;
  /** Start the fake clock at this moment (it then runs with real time until advanced). */
  now?: Date;
  /** What happens when the last payment retry fails (Stripe's "subscription status" setting). Default 'canceled'. */
  afterFinalRetry?: 'unpaid' | 'canceled';
  /** Development: load state from this JSON file at start and save it after every change. */
  stateFile?: string;
}

export interface FakeStripe {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  host: string;
  port: number;
  protocol: 'http';
  secretKey: string;
  webhookSecret: string;
  /** A real Stripe SDK client pointed at the fake (API version pinned). */
  stripe: Stripe;

  /** The fake's clock. */
  now(): Date;
  setWebhookEndpoint(url: string | null, secret?: string): void;
  setDeliveryMode(mode: DeliveryMode): void;
  /** Flushes the queue (manual mode, or what auto mode could not deliver). */
  deliver(options?: DeliverOptions): Promise<DeliverResult>;
  /** Waits for auto-mode deliveries in flight. */
  idle(): Promise<void>;
  /** Events waiting in the queue, oldest first. */
  pendingEvents(): Stripe.Event[];
  /** Every event the fake has created, oldest first. */
  events(): Stripe.Event[];
  /** A `Stripe-Signature` header for `payload` (for forged/stale-signature tests). */
  signPayload(payload: string, options?: { secret?: string; timestamp?: number }): string;

  completeCheckout(
    sessionId: string,
    options?: { paymentMethod?: PaymentBehavior },
  ): Promise<{ subscription: Stripe.Subscription; invoice: Stripe.Invoice }>;
  expireCheckout(sessionId: string): Promise<Stripe.Checkout.Session>;
  advanceClock(to: Date | number): Promise<void>;
  setPaymentBehavior(customerId: string, behavior: PaymentBehavior): void;
  renew(subscriptionId: string, options?: { outcome?: 'paid' | 'failed' }): Promise<Stripe.Subscription>;
  endTrial(subscriptionId: string): Promise<Stripe.Subscription>;
  exhaustRetries(
    subscriptionId: string,
    options: { then: 'unpaid' | 'canceled'; markUncollectible?: boolean },
  ): Promise<Stripe.Subscription>;
  payOpenInvoice(invoiceId: string): Promise<Stripe.Invoice>;
  voidInvoice(invoiceId: string): Promise<Stripe.Invoice>;
  pause(subscriptionId: string): Promise<Stripe.Subscription>;
  resume(subscriptionId: string): Promise<Stripe.Subscription>;
  /** The fake's own state for a customer: compare entitlements against it. */
  truth(customerId: string): Truth;
  subscriptionsOf(customerId: string): Stripe.Subscription[];
  close(): Promise<void>;
}

interface StoredResponse {
  route: string;
  params: string;
  status: number;
  body: string;
  requestId: string;
}

/**
 * Starts a loopback stand-in for the parts of the Stripe API Plinth uses, with hosted checkout,
 * portal and invoice pages, test controls (also as `POST /_fake/<control>` with a JSON array of
 * arguments), a clock, and signed webhook delivery.
 */
export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const host = options.host ?? '127.0.0.1';
  const secretKey = options.secretKey ?? 'sk_test_fake_plinth';
  const webhookSecret = options.webhookSecret ?? 'whsec_fake_plinth';
  let baseUrl = '';
  const signer = new Stripe(secretKey, { apiVersion: API_VERSION });
  const delivery = new WebhookDelivery(signer, options.delivery ?? 'auto', webhookSecret);
  if (options.webhookUrl) delivery.setEndpoint(options.webhookUrl, webhookSecret);
  const engine = new FakeStripeEngine({
    baseUrl: () => baseUrl,
    now: options.now,
    afterFinalRetry: options.afterFinalRetry ?? 'canceled',
    onEvent: (event) => delivery.enqueue(event),
  });
  const { stateFile } = options;
  if (stateFile && existsSync(stateFile)) {
    engine.restore(JSON.parse(readFileSync(stateFile, 'utf8')) as FakeState);
  }
  const persist = () => {
    if (stateFile) writeFileSync(stateFile, JSON.stringify(engine.snapshot()));
  };
  const idempotency = new Map<string, StoredResponse>();

  /** Runs a control atomically, then (auto mode) waits until its events are delivered. */
  const control = async <T>(run: () => T): Promise<T> => {
    engine.processDue();
    const result = run();
    persist();
    await delivery.idle();
    return result;
  };
  const out = <T>(object: WireObject): T => engine.render(object) as unknown as T;

  const controls = {
    completeCheckout: (sessionId: string, opts: { paymentMethod?: PaymentBehavior } = {}) =>
      control(() => {
        const { subscription, invoice } = engine.completeCheckout(sessionId, opts.paymentMethod);
        return {
          subscription: out<Stripe.Subscription>(subscription),
          invoice: out<Stripe.Invoice>(invoice),
        };
      }),
    expireCheckout: (sessionId: string) =>
      control(() => out<Stripe.Checkout.Session>(engine.expireCheckout(sessionId))),
    advanceClock: (to: Date | number | string) =>
      control(() => {
        engine.advanceClock(toSeconds(to));
      }),
    setPaymentBehavior: (customerId: string, behavior: PaymentBehavior) => {
      engine.customerOrThrow(customerId, 'customer');
      if (!['succeeds', 'fails', 'requires_action'].includes(behavior))
        throw new Error(`unknown payment behavior ${behavior}`);
      engine.paymentBehavior.set(customerId, behavior);
      persist();
    },
    renew: (subscriptionId: string, opts: { outcome?: 'paid' | 'failed' } = {}) =>
      control(() => out<Stripe.Subscription>(engine.renew(subscriptionId, opts.outcome))),
    endTrial: (subscriptionId: string) =>
      control(() => out<Stripe.Subscription>(engine.changeSubscription(subscriptionId, { trialEnd: 'now' }))),
    exhaustRetries: (
      subscriptionId: string,
      opts: { then: 'unpaid' | 'canceled'; markUncollectible?: boolean },
    ) =>
      control(() =>
        out<Stripe.Subscription>(
          engine.exhaustRetries(subscriptionId, opts.then, opts.markUncollectible ?? true),
        ),
      ),
    payOpenInvoice: (invoiceId: string) =>
      control(() => out<Stripe.Invoice>(engine.payInvoice(invoiceId, 'succeeds'))),
    voidInvoice: (invoiceId: string) => control(() => out<Stripe.Invoice>(engine.voidInvoice(invoiceId))),
    pause: (subscriptionId: string) => control(() => out<Stripe.Subscription>(engine.pause(subscriptionId))),
    resume: (subscriptionId: string) =>
      control(() => out<Stripe.Subscription>(engine.resume(subscriptionId))),
    truth: (customerId: string) => engine.truth(customerId),
    subscriptionsOf: (customerId: string) => engine.truth(customerId).subscriptions,
    setWebhookEndpoint: (url: string | null, secret?: string) =>
      delivery.setEndpoint(url, secret ?? webhookSecret),
    setDeliveryMode: (mode: DeliveryMode) => {
      delivery.mode = mode;
    },
    deliver: (deliverOptions?: DeliverOptions) => delivery.deliver(deliverOptions),
    idle: () => delivery.idle(),
    pendingEvents: () => delivery.pending.map((event) => structuredClone(event)) as unknown as Stripe.Event[],
    events: () =>
      [...engine.events.values()].map((event) => structuredClone(event)) as unknown as Stripe.Event[],
    signPayload: (payload: string, signOptions?: { secret?: string; timestamp?: number }) =>
      delivery.sign(payload, signOptions),
    now: () => new Date(engine.now() * 1000),
  };
  type ControlName = keyof typeof controls;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendJson(res, 500, {
        error: { type: 'api_error', message: error instanceof Error ? error.message : String(error) },
      });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const body = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/v1/')) return handleApiRequest(req, res, method, url, body);
    if (url.pathname.startsWith('/_fake/') && method === 'POST') {
      const name = url.pathname.slice('/_fake/'.length) as ControlName;
      const fn = controls[name] as ((...args: unknown[]) => unknown) | undefined;
      if (!fn || name === 'now')
        return sendJson(res, 404, {
          error: { type: 'invalid_request_error', message: `No fake control ${name}` },
        });
      try {
        const args = body ? (JSON.parse(body) as unknown[]) : [];
        const result = await fn(...(Array.isArray(args) ? args : [args]));
        return sendJson(res, 200, result ?? { ok: true });
      } catch (error) {
        return sendError(res, error);
      }
    }
    engine.processDue();
    const page = await handlePage(engine, method, url, body, async () => {
      persist();
      await delivery.idle();
    });
    if (page) {
      res.writeHead(page.status, page.headers);
      res.end(page.body);
      return;
    }
    sendJson(res, 404, {
      error: {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${method} ${url.pathname}). The fake Stripe implements only the endpoints Plinth uses.`,
      },
    });
  }

  function handleApiRequest(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    url: URL,
    body: string,
  ): void {
    const requestId = newId('req', 14);
    const headers: Record<string, string> = { 'request-id': requestId, 'stripe-version': API_VERSION };
    const authError = checkAuth(req.headers.authorization, secretKey);
    if (authError) return sendJson(res, 401, authError, headers);
    try {
      const params =
        method === 'GET' || method === 'DELETE' ? parseForm(url.search.slice(1)) : parseForm(body);
      const key = method === 'POST' ? headerValue(req.headers['idempotency-key']) : undefined;
      const route = `${method} ${url.pathname}`;
      const fingerprint = canonical(params);
      if (key) {
        headers['idempotency-key'] = key;
        const stored = idempotency.get(key);
        if (stored) {
          if (stored.route !== route) {
            throw new FakeStripeError(
              400,
              'idempotency_error',
              `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.route}' vs '${route}'). Try using a key other than '${key}' if you meant to execute a different request.`,
            );
          }
          if (stored.params !== fingerprint) {
            throw new FakeStripeError(
              400,
              'idempotency_error',
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            );
          }
          res.writeHead(stored.status, {
            ...headers,
            'content-type': 'application/json',
            'idempotent-replayed': 'true',
            'original-request': stored.requestId,
          });
          res.end(stored.body);
          return;
        }
      }
      engine.processDue();
      engine.request = { id: requestId, idempotencyKey: key ?? null };
      let result: unknown;
      try {
        result = handleApi(engine, method, url.pathname, params);
      } finally {
        engine.request = null;
      }
      const json = JSON.stringify(result, null, 2);
      // Like Stripe, only a request that ran is saved under its key (not one that failed validation).
      if (key) idempotency.set(key, { route, params: fingerprint, status: 200, body: json, requestId });
      if (method !== 'GET') persist();
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      res.end(json);
    } catch (error) {
      sendError(res, error, headers);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host}:${port}`;

  const stripe = new Stripe(secretKey, {
    apiVersion: API_VERSION,
    host,
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });

  return {
    url: baseUrl,
    host,
    port,
    protocol: 'http',
    secretKey,
    webhookSecret,
    stripe,
    ...controls,
    advanceClock: async (to: Date | number) => controls.advanceClock(to),
    close: async () => {
      await delivery.idle();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function toSeconds(to: Date | number | string): number {
  if (to instanceof Date) return Math.floor(to.getTime() / 1000);
  if (typeof to === 'string') return Math.floor(new Date(to).getTime() / 1000);
  return Math.floor(to);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Stripe answers a missing or wrong key with 401 and an `invalid_request_error` body. */
function checkAuth(header: string | undefined, secretKey: string) {
  let key: string | undefined;
  if (header?.startsWith('Bearer ')) key = header.slice('Bearer '.length).trim();
  else if (header?.startsWith('Basic '))
    key = Buffer.from(header.slice('Basic '.length), 'base64').toString().split(':')[0];
  if (!key) {
    return {
      error: {
        type: 'invalid_request_error',
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      },
    };
  }
  if (key !== secretKey) {
    return {
      error: {
        type: 'invalid_request_error',
        code: 'api_key_invalid',
        message: `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`,
      },
    };
  }
  return undefined;
}

function sendError(res: ServerResponse, error: unknown, headers: Record<string, string> = {}): void {
  if (error instanceof FakeStripeError) return sendJson(res, error.status, error.body(), headers);
  const message = error instanceof Error ? error.message : String(error);
  sendJson(
    res,
    500,
    { error: { type: 'api_error', message: `Fake Stripe internal error: ${message}` } },
    headers,
  );
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(body, null, 2));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
