import { z } from 'zod';
import type { JobQueue } from '../jobs/index';
import { processStripeEvent } from './process-stripe-event';
import {
  reconcileCustomersQueue,
  reconcileEventsQueue,
  stripeEventDeadQueue,
  stripeEventQueue,
} from './queues';
import { reconcileStripe } from './reconcile-stripe';
import type { BillingEventsDeps } from './types';
import { markStripeEventDead } from './webhook-events';

const stripeEventJob = z.object({ eventId: z.string().min(1).max(255) });

/**
 * The billing workers (worker nodes only): the inbox processor, its dead-letter marker and the two
 * reconciliation schedules (cluster-wide: pg-boss fires a cron once however many nodes run it).
 */
export async function registerBillingEventJobs(
  jobs: JobQueue,
  deps: BillingEventsDeps,
  options: { schedule?: boolean; batchSize?: number; syncConcurrency?: number } = {},
): Promise<void> {
  // Many jobs per fetch (most are quick: already covered by another event's sync), but at most a few
  // syncs at a time per node: each holds a pooled connection while it calls Stripe.
  const workerDeps: BillingEventsDeps = {
    ...deps,
    syncSlots: deps.syncSlots ?? concurrencyLimit(options.syncConcurrency ?? 4),
  };
  await jobs.work(
    stripeEventQueue.name,
    async (data) => {
      await processStripeEvent(workerDeps, stripeEventJob.parse(data).eventId);
    },
    { batchSize: options.batchSize ?? 20 },
  );
  await jobs.work(stripeEventDeadQueue.name, async (data) => {
    await markStripeEventDead(deps, stripeEventJob.parse(data).eventId);
  });
  await jobs.work(reconcileEventsQueue.name, async () => {
    await reconcileStripe(deps);
  });
  await jobs.work(reconcileCustomersQueue.name, async () => {
    await reconcileStripe(deps, { allCustomers: true });
  });
  if (options.schedule ?? true) {
    await jobs.schedule(reconcileEventsQueue.name, '*/10 * * * *');
    await jobs.schedule(reconcileCustomersQueue.name, '37 4 * * *');
  }
}

/** Runs at most `max` of the given tasks at once; the rest wait their turn in order. */
function concurrencyLimit(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in.
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
