// Billing: the plan catalog as code, the one Stripe client, customers, Checkout and the portal, and
// syncCustomer() — the single path from Stripe's state to our mirror and the workspace entitlement.
export {
  catalog,
  catalogPrices,
  featureKeys,
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
  type StripeClientConfig,
} from './stripe-client';
export {
  accessStates,
  deriveEntitlement,
  freeEntitlement,
  sameEntitlement,
  type AccessState,
  type EntitlementSnapshot,
  type SubscriptionState,
} from './derive-entitlement';
export {
  customerLockKey,
  snapshotFromRow,
  subscriptionState,
  syncCustomer,
  type SyncCustomerResult,
} from './sync-customer';
export type { BillingDeps, BillingLinkDeps } from './types';
