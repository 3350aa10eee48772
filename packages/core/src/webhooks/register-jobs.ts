import { systemActor } from '../actor/index';
import { EVENTS_TOPIC, type EmittedEvent } from '../events/index';
import { queueDelivery, type DeliveryWorkerDeps } from './deliveries';
import { fanOutEvents, startWebhookDispatcher, type Dispatcher, type DispatcherOptions } from './dispatcher';
import { pruneWebhookDeliveries } from './prune';
import { DELIVER_QUEUE, DELIVERY_PRUNE_QUEUE, type DeliverJob } from './queues';
import { withTenantClient } from '@plinth/db';

/**
 * Starts the webhook work of a worker node: the dispatcher (fan-out from the outbox, the delivery
 * loop), the daily retention job, and the handlers that drain jobs an older release queued.
 * Returns the dispatcher, to stop on shutdown.
 */
export async function registerWebhookJobs(
  deps: DeliveryWorkerDeps & { retentionDays?: number },
  options: DispatcherOptions & { schedulePrune?: boolean } = {},
): Promise<Dispatcher> {
  await deps.jobs.work<EmittedEvent>(EVENTS_TOPIC, async (event) => {
    await fanOutEvents(deps.database, [event]);
  });
  await deps.jobs.work<DeliverJob>(DELIVER_QUEUE, async (job) => {
    await withTenantClient(deps.database, job.workspaceId, systemActor('webhooks'), async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `select id from webhook_delivery where workspace_id = $1 and id = $2 and status = 'pending'`,
        [job.workspaceId, job.deliveryId],
      );
      if (rows[0]) {
        await queueDelivery(client, {
          id: job.deliveryId,
          workspaceId: job.workspaceId,
          endpointId: job.endpointId,
        });
      }
    });
  });
  await deps.jobs.work(DELIVERY_PRUNE_QUEUE, async () => {
    const pruned = await pruneWebhookDeliveries(deps.database, deps.retentionDays);
    deps.logger.info({ pruned }, 'pruned finished webhook deliveries');
  });
  if (options.schedulePrune !== false) await deps.jobs.schedule(DELIVERY_PRUNE_QUEUE, '47 3 * * *');
  return startWebhookDispatcher(deps, options);
}
