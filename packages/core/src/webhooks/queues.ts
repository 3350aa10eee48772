import { EVENTS_TOPIC } from '../events/index';
import { defineQueue } from '../jobs/index';

/** One delivery attempt of one event to one endpoint (the row holds the state; the job is the kick). */
export const DELIVER_QUEUE = 'webhooks.deliver';

export interface DeliverJob {
  workspaceId: string;
  deliveryId: string;
  endpointId: string;
  /** Times this attempt found its endpoint at its concurrency bound and waited. */
  deferrals?: number;
}

/**
 * The fan-out (one event → a delivery per subscribed endpoint) and the attempts. Our own retry
 * schedule lives in the delivery rows; pg-boss's retries here only cover a worker that died or
 * threw before recording an attempt (the job expires, then runs again).
 */
export const webhookQueues = [
  defineQueue({ name: EVENTS_TOPIC, retryLimit: 10, retryDelaySeconds: 5, expireInSeconds: 60 }),
  defineQueue({ name: DELIVER_QUEUE, retryLimit: 10, retryDelaySeconds: 5, expireInSeconds: 60 }),
];
