import type Stripe from 'stripe';
import type { Database } from '@plinth/db';
import type { Logger } from '../logger/index';
import type { SyncLimiter } from './sync-limiter';

/** Infrastructure billing uses; built once in the wiring (tests build their own against the fake). */
export interface BillingDeps {
  database: Database;
  stripe: Stripe;
  logger?: Logger;
  /** The clock entitlements are judged by (a cancellation that came due); tests may move it. */
  now?: () => Date;
  /** The process's one bound on concurrent customer syncs (required by whatever syncs: SyncDeps). */
  syncLimiter?: SyncLimiter;
}

/** What syncCustomer() and its callers need: billing plus the process's sync limiter. */
export interface SyncDeps extends BillingDeps {
  syncLimiter: SyncLimiter;
}

/** Billing calls that build links back into the app (Checkout success/cancel, portal return). */
export interface BillingLinkDeps extends BillingDeps {
  appUrl: string;
}
