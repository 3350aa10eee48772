import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '@plinth/db';
import type { BillingDeps } from '@plinth/core/billing';
import {
  createStripeEventJobBatcher,
  ingestStripeEvent,
  verifyStripeWebhook,
} from '@plinth/core/billing-events';
import { AppError } from '@plinth/core/errors';
import type { JobQueue } from '@plinth/core/jobs';
import type { ApiEnv } from '../types';

/** Stripe events are a few kB; a megabyte leaves room for big invoices and refuses floods. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

/**
 * POST /api/webhooks/stripe: no session and no Origin check (Stripe calls it; the signature is the
 * authentication). Verifies the raw body, stores the event in the inbox, answers at once; the
 * worker does the rest. A failed check is a 400 envelope and stores nothing.
 */
export function stripeWebhookRoutes(deps: {
  database: Database;
  jobs: JobQueue;
  stripe: BillingDeps['stripe'];
  webhookSecret: string;
}) {
  const ingestDeps = { ...deps, queueJob: createStripeEventJobBatcher(deps.jobs) };
  return new Hono<ApiEnv>().post(
    '/webhooks/stripe',
    bodyLimit({
      maxSize: MAX_WEBHOOK_BYTES,
      onError: () => {
        throw new AppError('payload_too_large');
      },
    }),
    async (c) => {
      const raw = Buffer.from(await c.req.arrayBuffer());
      const event = await verifyStripeWebhook(deps, raw, c.req.header('stripe-signature'));
      const { inserted } = await ingestStripeEvent(ingestDeps, event);
      c.get('logger').debug({ event_id: event.id, type: event.type, duplicate: !inserted }, 'stripe event');
      return c.json({ received: true, duplicate: !inserted });
    },
  );
}
