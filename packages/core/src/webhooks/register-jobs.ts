import { EVENTS_TOPIC, type EmittedEvent } from '../events/index';
import { attemptDelivery, fanOutEvent, type DeliveryWorkerDeps } from './deliveries';
import { DELIVER_QUEUE, type DeliverJob } from './queues';

/**
 * Starts the webhook workers on a worker node: the fan-out, and `workers` independent delivery
 * loops taking one job at a time, so an attempt waiting on a slow receiver holds only its own loop
 * (and at most `maxInFlightPerEndpoint` loops belong to one endpoint at once).
 */
export async function registerWebhookJobs(
  deps: DeliveryWorkerDeps,
  options: { workers?: number; fanOutBatchSize?: number } = {},
): Promise<void> {
  const inFlight = deps.inFlight ?? new Map<string, number>();
  const shared = { ...deps, inFlight, lastDurationMs: deps.lastDurationMs ?? new Map<string, number>() };
  await deps.jobs.work<EmittedEvent>(
    EVENTS_TOPIC,
    async (event) => {
      await fanOutEvent(deps, event);
    },
    { batchSize: options.fanOutBatchSize ?? 5 },
  );
  for (let index = 0; index < (options.workers ?? 16); index++) {
    await deps.jobs.work<DeliverJob>(DELIVER_QUEUE, async (job) => {
      await attemptDelivery(shared, job);
    });
  }
}
