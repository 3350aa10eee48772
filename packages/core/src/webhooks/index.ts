// Outgoing webhooks (Standard Webhooks): customers' endpoints per workspace with sealed signing
// secrets, the fan-out of catalog events, signed deliveries with retries, SSRF-safe egress, the log.
export {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
  webhookEndpointLimits,
  type WebhookEndpointView,
} from './endpoints';
export {
  listDeliveries,
  queueDelivery,
  recordOutcome,
  sendClaimed,
  retryDelivery,
  DELIVERY_TIMEOUT_MS,
  DISABLE_AFTER_FAILING_MS,
  RESPONSE_BODY_LIMIT,
  RETRY_SCHEDULE_SECONDS,
  type AttemptOutcome,
  type AttemptResult,
  type ClaimedDelivery,
  type DeliveryView,
  type DeliveryWorkerDeps,
} from './deliveries';
export {
  checkTarget,
  defaultResolver,
  egressPolicyFromEnv,
  EgressRefused,
  postWebhook,
  type ConnectHook,
  type EgressPolicy,
  type Resolver,
} from './egress';
export { isAllowedAddress, type PrivateAllowance } from './address-policy';
export {
  claimDeliveries,
  fanOutEvents,
  fanOutFromOutbox,
  startWebhookDispatcher,
  type Dispatcher,
  type DispatcherOptions,
} from './dispatcher';
export { DELIVERY_RETENTION_DAYS, pruneWebhookDeliveries } from './prune';
export { DELIVER_QUEUE, DELIVERY_PRUNE_QUEUE, webhookQueues, type DeliverJob } from './queues';
export { registerWebhookJobs } from './register-jobs';
export * from './schemas';
export { generateSigningSecret, signPayload, webhookHeaders } from './signing';
export type { WebhookDeps } from './types';
