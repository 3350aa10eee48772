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
  options: { schedule?: boolean; batchSize?: number } = {},
): Promise<void> {
  // Many jobs per fetch (most are quick: already covered by another event's sync); the syncs among
  // them wait for deps.syncLimiter, the process's one bound on syncs holding pooled connections.
  await jobs.work(
    stripeEventQueue.name,
    async (data) => {
      await processStripeEvent(deps, stripeEventJob.parse(data).eventId);
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
