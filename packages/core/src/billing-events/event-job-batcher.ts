import type { JobQueue } from '../jobs/index';
import { stripeEventJobId } from './ingest-stripe-event';
import { stripeEventQueue } from './queues';

/** Queues one event's processing job; resolves once the job is stored. */
export type QueueStripeEventJob = (eventId: string) => Promise<void>;

const MAX_BATCH = 500;

/**
 * Group commit for the webhook's jobs: the first event goes out at once; events arriving while
 * that insert runs wait and go together in the next one. An idle endpoint pays no delay, a busy
 * one stores hundreds of jobs per statement instead of one statement each. One per API process.
 */
export function createStripeEventJobBatcher(jobs: JobQueue): QueueStripeEventJob {
  let waiting: { eventId: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let flushing = false;
  const flush = async () => {
    flushing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(batch.length);
      try {
        await jobs.sendMany(
          stripeEventQueue.name,
          batch.map(({ eventId }) => ({ id: stripeEventJobId(eventId), data: { eventId } })),
        );
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    flushing = false;
  };
  return (eventId) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ eventId, resolve, reject });
      if (!flushing) void flush();
    });
}
