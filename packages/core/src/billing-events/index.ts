// Billing events: the Stripe webhook inbox (ingest, the worker that re-syncs customers, side effects
// claimed once, dead letters with replay) and reconciliation against /v1/events and every customer.
export { ingestStripeEvent, queueStripeEvent, stripeEventJobId } from './ingest-stripe-event';
export { createStripeEventJobBatcher, type QueueStripeEventJob } from './event-job-batcher';
export { verifyStripeWebhook, WEBHOOK_TOLERANCE_SECONDS } from './verify-stripe-webhook';
export { processStripeEvent, type ProcessOutcome } from './process-stripe-event';
export {
  reconcileStripe,
  EVENTS_CURSOR_KEY,
  type EventsCursor,
  type ReconcileReport,
} from './reconcile-stripe';
export {
  listWebhookEvents,
  listWebhookEventsInput,
  markStripeEventDead,
  replayStripeEvent,
  type ListWebhookEventsInput,
  type WebhookEventSummary,
} from './webhook-events';
export { billingEffects, billingPageUrl } from './effects';
export { customerIdOf, handledEventTypes } from './handled-events';
export {
  billingEventQueues,
  reconcileCustomersQueue,
  reconcileEventsQueue,
  stripeEventDeadQueue,
  stripeEventQueue,
} from './queues';
export { registerBillingEventJobs } from './register-billing-jobs';
export type { BillingEventsDeps, IngestDeps, SyncCustomer } from './types';
