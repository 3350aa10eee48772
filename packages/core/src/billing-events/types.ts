import type { SyncCustomerResult, SyncDeps } from '../billing/index';
import type { JobQueue } from '../jobs/index';
import type { Logger } from '../logger/index';

/** The one path from "something changed at Stripe" to our mirror; tests wrap it to inject failures. */
export type SyncCustomer = (deps: SyncDeps, stripeCustomerId: string) => Promise<SyncCustomerResult>;

/** What the webhook inbox, its worker and reconciliation need; built in the wiring. */
export interface BillingEventsDeps extends SyncDeps {
  jobs: JobQueue;
  logger: Logger;
  /** Base URL of the app, for the billing page linked from mails. */
  appUrl: string;
  /** Defaults to @plinth/core/billing's syncCustomer. */
  syncCustomer?: SyncCustomer;
}

/** Enough to put a verified event into the inbox (the API node does only this). */
export interface IngestDeps extends Pick<BillingEventsDeps, 'database' | 'jobs'> {
  /** Batches the processing jobs of concurrent deliveries (createStripeEventJobBatcher). */
  queueJob?: (eventId: string) => Promise<void>;
}
