import Stripe from 'stripe';
import { tracedStripeHttpClient } from '../telemetry/index';

/** The API version Plinth is written against; pinned here so an SDK upgrade cannot move it silently. */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;

/** The SDK client type, for code outside core that holds one (the wiring) without importing stripe. */
export type StripeClient = Stripe;

export interface StripeClientConfig {
  secretKey: string;
  /** A local stand-in (the fake Stripe in tests and development); Stripe's own API when unset. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

/**
 * The only `new Stripe()` in the codebase; the wiring builds one and hands it to billing. Retries:
 * the SDK retries network errors and 409/429/5xx with backoff, and it sends an idempotency key on
 * every POST, so a retried create cannot make a second object.
 */
export function createStripeClient(config: StripeClientConfig): Stripe {
  return new Stripe(config.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 2,
    // A hung call holds a database connection in syncCustomer(); fail it instead.
    timeout: 20_000,
    appInfo: { name: 'plinth' },
    // Stripe's telemetry header reports latencies of previous requests to Stripe; nothing we need.
    telemetry: false,
    // Stripe's own Node client, with a span per call when tracing is on (method, path template, status).
    httpClient: tracedStripeHttpClient(Stripe.createNodeHttpClient()) as unknown as Stripe.HttpClient,
    ...(config.host ? { host: config.host } : {}),
    ...(config.port ? { port: config.port } : {}),
    ...(config.protocol ? { protocol: config.protocol } : {}),
  });
}

/** host/port/protocol of a base URL such as http://127.0.0.1:12111 (STRIPE_API_BASE). */
export function stripeEndpoint(baseUrl: string): Required<Omit<StripeClientConfig, 'secretKey'>> {
  const url = new URL(baseUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443,
    protocol,
  };
}
