// @plinth/testing: per-file databases cloned from a migrated template, factories, and (as later
// issues add them) the fake Stripe server, mail capture and OIDC stand-in.
export { useTestDatabase, type PlinthTestContext, type TestDatabase } from './test-database';
export {
  addMember,
  createInvitation,
  createProject,
  createUser,
  createWorkspace,
  grantPlan,
} from './factories';
export { HttpClient } from './http-client';
export { rowChecksum, WRITABLE_TABLES } from './row-checksum';
export { freePort } from './ports';
export { totpCode, secretFromTotpUri } from './totp';
export { startOidcServer, type OidcServer, type OidcUser } from './oidc-server';
export { drainMailQueue, installTestQueues } from './queues';
export { rejectionOf, thrownBy } from './thrown';
export { expireRateLimitWindows } from './rate-limits';
export {
  startFakeStripe,
  type FakeStripe,
  type FakeStripeOptions,
  type DeliverOptions,
  type DeliverResult,
  type PaymentBehavior,
  type Truth,
} from './fake-stripe';
export {
  startWebhookReceiver,
  type ReceivedWebhook,
  type ReceiverMode,
  type WebhookReceiver,
} from './webhook-receiver';
export { makeStaff, STAFF_TOTP_SECRET } from './staff';
