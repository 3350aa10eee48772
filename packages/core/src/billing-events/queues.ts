import { defineQueue } from '../jobs/index';

/**
 * One job per inbox row. Retries back off from 10 s (about 40 minutes over 8 retries, enough for a
 * customer row still being committed, or a Stripe outage); then the row is marked dead.
 */
export const stripeEventQueue = defineQueue({
  name: 'billing.stripe-event',
  retryLimit: 8,
  retryDelaySeconds: 10,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
  deadLetter: 'billing.stripe-event-dead',
});

/** Where spent stripe-event jobs land: its worker marks the inbox row `dead` for the replay view. */
export const stripeEventDeadQueue = defineQueue({ name: 'billing.stripe-event-dead', retryLimit: 5 });

/** Walks /v1/events since the stored cursor (every 10 minutes). */
export const reconcileEventsQueue = defineQueue({ name: 'billing.reconcile-events', retryLimit: 2 });

/** Re-syncs every customer (daily). */
export const reconcileCustomersQueue = defineQueue({
  name: 'billing.reconcile-customers',
  retryLimit: 2,
  expireInSeconds: 60 * 60,
});

/** The dead-letter queue before the queue naming it: installJobs creates them in this order. */
export const billingEventQueues = [
  stripeEventDeadQueue,
  stripeEventQueue,
  reconcileEventsQueue,
  reconcileCustomersQueue,
] as const;
