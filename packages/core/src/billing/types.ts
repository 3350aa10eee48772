import type Stripe from 'stripe';
import type { Database } from '@plinth/db';
import type { Logger } from '../logger/index';

/** Infrastructure billing uses; built once in the wiring (tests build their own against the fake). */
export interface BillingDeps {
  database: Database;
  stripe: Stripe;
  logger?: Logger;
  /** The clock entitlements are judged by (a cancellation that came due); tests may move it. */
  now?: () => Date;
}

/** Billing calls that build links back into the app (Checkout success/cancel, portal return). */
export interface BillingLinkDeps extends BillingDeps {
  appUrl: string;
}
