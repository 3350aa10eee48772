import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createStripeClient, stripeEndpoint, syncCatalog } from '@plinth/core/billing';
import { appDatabaseUrl, type Env } from '@plinth/core/env';
import type { Logger } from '@plinth/core/logger';
import { createDatabase } from '@plinth/db';
// The one place outside tests that runs a test stand-in: development without Stripe keys bills
// through the fake, so a fresh clone can click Upgrade and pay. Only dev.ts imports this file, and
// loadEnv() refuses the fake's key and a loopback STRIPE_API_BASE in production.
import { startFakeStripe, type FakeStripe } from '@plinth/testing/fake-stripe';

export interface DevStripe {
  /** `env` with billing pointed at the fake (unchanged when real keys are set). */
  env: Env;
  /** Where the fake listens (its hosted pages and test controls), when it runs. */
  url: string | undefined;
  /** Sends the fake's signed events to this app's webhook route, as they happen. */
  deliverTo(appUrl: string): void;
  stop(): Promise<void>;
}

/**
 * Without STRIPE_SECRET_KEY in development: starts the local fake Stripe on its own port, with its
 * hosted Checkout and portal pages and its state in the data directory (so customers, subscriptions
 * and invoice links survive a restart, like the embedded Postgres next to it). The wiring then
 * builds its Stripe client against it, exactly as it would against api.stripe.com.
 */
export async function startDevStripe(env: Env, logger: Logger): Promise<DevStripe> {
  if (env.billing.stripeSecretKey || env.isProduction) {
    return { env, url: undefined, deliverTo: () => {}, stop: async () => {} };
  }
  await mkdir(env.dataDir, { recursive: true });
  const stateFile = path.resolve(env.dataDir, 'fake-stripe.json');
  // The port after the app's, so hosted links stored in the mirror keep working across restarts;
  // any free port when that one is taken.
  const preferred = env.port > 0 && env.port < 65535 ? env.port + 1 : 0;
  const fake: FakeStripe = await startFakeStripe({ port: preferred, stateFile, delivery: 'auto' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      return startFakeStripe({ port: 0, stateFile, delivery: 'auto' });
    },
  );
  logger.info({ url: fake.url, stateFile }, 'billing runs against the local fake Stripe');
  return {
    env: {
      ...env,
      billing: {
        ...env.billing,
        stripeSecretKey: fake.secretKey,
        stripeWebhookSecret: fake.webhookSecret,
        stripeApiBase: fake.url,
      },
    },
    url: fake.url,
    deliverTo: (appUrl) => fake.setWebhookEndpoint(`${appUrl}/api/webhooks/stripe`),
    stop: () => fake.close(),
  };
}

/**
 * Makes the (fake or test-mode) Stripe account match the catalog, as `npm run billing:sync` would:
 * products, prices by lookup key and the portal configuration, mirrored locally.
 */
export async function syncDevCatalog(env: Env, ownerUrl: string): Promise<void> {
  const { stripeSecretKey, stripeApiBase } = env.billing;
  if (!stripeSecretKey) return;
  const stripe = createStripeClient({
    secretKey: stripeSecretKey,
    ...(stripeApiBase ? stripeEndpoint(stripeApiBase) : {}),
  });
  const database = createDatabase(appDatabaseUrl(env, ownerUrl), { max: 2 });
  try {
    await syncCatalog({ database, stripe, appUrl: env.appUrl });
  } finally {
    await database.close();
  }
}
