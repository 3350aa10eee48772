// Billing: the plan catalog as code, the one Stripe client, customers, Checkout and the portal, and
// syncCustomer() — the single path from Stripe's state to our mirror and the workspace entitlement.
export {
  catalog,
  catalogPrices,
  featureInfo,
  featureKeys,
  lowestPlanWith,
  isPlanKey,
  planForLookupKey,
  planForPrice,
  planKeys,
  planLimits,
  planRank,
  type BillingInterval,
  type Catalog,
  type FeatureKey,
  type Plan,
  type PlanKey,
  type PlanLimits,
  type PlanPrice,
} from './catalog';
export {
  createStripeClient,
  stripeEndpoint,
  STRIPE_API_VERSION,
  type StripeClient,
  type StripeClientConfig,
} from './stripe-client';
export {
  accessStates,
  deriveEntitlement,
  entitlementForPlan,
  freeEntitlement,
  sameEntitlement,
  withPlanOverride,
  type AccessState,
  type PlanOverrideGrant,
  type EntitlementSnapshot,
  type SubscriptionState,
} from './derive-entitlement';
export {
  customerLockKey,
  snapshotFromRow,
  subscriptionState,
  syncCustomer,
  writeEntitlement,
  type SyncCustomerResult,
} from './sync-customer';
export { ensureCustomer, customerIdOf } from './customers';
export { startCheckout, liveSubscriptionStatuses } from './checkout';
export { confirmCheckout, confirmPortalReturn } from './confirm-checkout';
export { openPortal, openSeatsPortal, PORTAL_CONFIGURATION_STATE } from './portal';
export { syncCatalog, type SyncCatalogResult } from './sync-catalog';
export { billingSummary, planChoices, type BillingSummary, type InvoiceSummary } from './billing-summary';
export {
  billingStanding,
  invoiceStandings,
  nextPlanActions,
  planActionLabel,
  standingNote,
  type BillingPosition,
  type BillingStanding,
  type InvoiceStanding,
  type PlanAction,
} from './next-action';
export {
  MAX_SEATS,
  openPortalInput,
  startCheckoutInput,
  type OpenPortalInput,
  type StartCheckoutInput,
} from './schemas';
export { createSyncLimiter, defaultSyncConcurrency, type SyncLimiter } from './sync-limiter';
export type { BillingDeps, BillingLinkDeps, SyncDeps } from './types';
