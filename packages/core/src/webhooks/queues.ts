import { EVENTS_TOPIC } from '../events/index';
import { defineQueue } from '../jobs/index';

/**
 * Before the delivery queue (`webhook_dispatch`), each attempt was a job here. Kept so jobs queued
 * by an older release are still honoured: a job puts its delivery on the queue.
 */
export const DELIVER_QUEUE = 'webhooks.deliver';

export interface DeliverJob {
  workspaceId: string;
  deliveryId: string;
  endpointId: string;
}

/** The daily retention job: deletes finished deliveries older than WEBHOOK_DELIVERY_RETENTION_DAYS. */
export const DELIVERY_PRUNE_QUEUE = 'maintenance.webhook-delivery-prune';

/**
 * Webhook events reach the fan-out straight from the outbox (the dispatcher), not through these
 * queues; `webhooks.event` and `webhooks.deliver` only drain what an older release queued, and the
 * prune queue runs the retention job.
 */
export const webhookQueues = [
  defineQueue({ name: EVENTS_TOPIC, retryLimit: 10, retryDelaySeconds: 5, expireInSeconds: 60 }),
  defineQueue({ name: DELIVER_QUEUE, retryLimit: 10, retryDelaySeconds: 5, expireInSeconds: 60 }),
  defineQueue({ name: DELIVERY_PRUNE_QUEUE, retryLimit: 2 }),
];
