/**
 * The plans, as code: the one source of truth for names, features, limits and prices. `billing:sync`
 * pushes it to Stripe (products and prices found by `lookup_key`), entitlements read limits from it,
 * and the pricing page renders it. No price id ever appears in env or code.
 */

export const planKeys = ['free', 'pro', 'team'] as const;
export type PlanKey = (typeof planKeys)[number];

export type BillingInterval = 'month' | 'year';

/** What a plan unlocks, as literals the UI and the server both check. */
export const featureKeys = [
  'projects',
  'invitations',
  'audit_log',
  'priority_support',
  'seat_billing',
] as const;
export type FeatureKey = (typeof featureKeys)[number];

/**
 * How a feature is named to people (upgrade prompts, the pricing page) and where the server checks
 * it with `requireFeature()`. A feature added to `featureKeys` must get an entry here (the type
 * says so) and a case in tests/billing/feature-matrix.test.ts (the test says so).
 */
export const featureInfo: Record<FeatureKey, { name: string; description: string }> = {
  projects: { name: 'Projects', description: 'Create and manage projects.' },
  invitations: { name: 'Invitations', description: 'Invite people to the workspace.' },
  audit_log: { name: 'The audit log', description: 'Read every privileged change in the workspace.' },
  priority_support: {
    name: 'Priority support',
    description: 'A support address answered first, within one business day.',
  },
  seat_billing: { name: 'Seat management', description: 'Buy and release paid seats as the team changes.' },
};

export interface PlanLimits {
  /** Members plus pending invitations. For a seat-based plan this is the number of paid seats. */
  members: number;
  /** Live (not deleted) projects. */
  projects: number;
  /**
   * Bytes of files a workspace may hold (uploads in progress and stored files; deleted ones no
   * longer count). Each file is also capped by its purpose (packages/core/src/storage/purposes.ts).
   */
  storageBytes: number;
}

export interface PlanPrice {
  /** How code and Stripe name this price: `pro_monthly`. Stable across amount changes. */
  lookupKey: string;
  interval: BillingInterval;
  /** Integer minor units (cents), per seat for a seat-based plan. */
  unitAmount: number;
  currency: string;
}

export interface Plan {
  key: PlanKey;
  name: string;
  description: string;
  features: readonly FeatureKey[];
  limits: PlanLimits;
  /** Priced per member: the subscription quantity is the seat count, and the member limit. */
  seatBased: boolean;
  /** Free trial on the first subscription a workspace ever starts; 0 for none. */
  trialDays: number;
  /** Free has none; paid plans have a monthly and a yearly price. */
  prices: { monthly: PlanPrice; yearly: PlanPrice } | null;
}

export interface Catalog {
  plans: Record<PlanKey, Plan>;
  /** Metadata key stamped on our Stripe products and prices, naming the plan they belong to. */
  planMetadataKey: string;
}

const GB = 1024 ** 3;

const usd = (lookupKey: string, interval: BillingInterval, unitAmount: number): PlanPrice => ({
  lookupKey,
  interval,
  unitAmount,
  currency: 'usd',
});

export const catalog: Catalog = {
  planMetadataKey: 'plinth_plan',
  plans: {
    free: {
      key: 'free',
      name: 'Free',
      description: 'For trying Plinth out with a small group.',
      features: ['projects', 'invitations'],
      limits: { members: 3, projects: 3, storageBytes: 1 * GB },
      seatBased: false,
      trialDays: 0,
      prices: null,
    },
    pro: {
      key: 'pro',
      name: 'Pro',
      description: 'For a small team shipping in earnest.',
      features: ['projects', 'invitations', 'audit_log'],
      limits: { members: 10, projects: 50, storageBytes: 50 * GB },
      seatBased: false,
      trialDays: 14,
      prices: { monthly: usd('pro_monthly', 'month', 1900), yearly: usd('pro_yearly', 'year', 19000) },
    },
    team: {
      key: 'team',
      name: 'Team',
      description: 'Per-seat pricing for growing organisations.',
      features: ['projects', 'invitations', 'audit_log', 'priority_support', 'seat_billing'],
      // members is the most seats one subscription may buy; the paid quantity is the real limit.
      limits: { members: 500, projects: 500, storageBytes: 1000 * GB },
      seatBased: true,
      trialDays: 0,
      prices: { monthly: usd('team_monthly', 'month', 1200), yearly: usd('team_yearly', 'year', 12000) },
    },
  },
};

/** The free plan's limits and the others', kept for callers that only need numbers. */
export const planLimits: Record<PlanKey, PlanLimits> = {
  free: catalog.plans.free.limits,
  pro: catalog.plans.pro.limits,
  team: catalog.plans.team.limits,
};

/** Higher grants more; used to pick between two subscriptions that both grant access. */
export const planRank: Record<PlanKey, number> = { free: 0, pro: 1, team: 2 };

export function isPlanKey(value: unknown): value is PlanKey {
  return typeof value === 'string' && (planKeys as readonly string[]).includes(value);
}

/** The cheapest plan (by rank) whose features include `feature`, or undefined when none does. */
export function lowestPlanWith(feature: FeatureKey, source: Catalog = catalog): Plan | undefined {
  return planKeys
    .map((key) => source.plans[key])
    .sort((a, b) => planRank[a.key] - planRank[b.key])
    .find((plan) => plan.features.includes(feature));
}

/** Every sellable price of the catalog, with its plan. */
export function catalogPrices(source: Catalog = catalog): { plan: Plan; price: PlanPrice }[] {
  return Object.values(source.plans).flatMap((plan) =>
    plan.prices ? [plan.prices.monthly, plan.prices.yearly].map((price) => ({ plan, price })) : [],
  );
}

/** The plan and price behind a lookup key (`pro_monthly`), or undefined for a key we do not sell. */
export function planForLookupKey(
  lookupKey: string,
  source: Catalog = catalog,
): { plan: Plan; price: PlanPrice } | undefined {
  return catalogPrices(source).find((entry) => entry.price.lookupKey === lookupKey);
}

/**
 * The plan a Stripe price (or its mirror row) belongs to. The lookup key decides first; an archived
 * price that lost its key to a replacement still names its plan in metadata, so subscriptions on an
 * old amount keep their plan.
 */
export function planForPrice(
  price: { lookupKey?: string | null; metadata?: Record<string, string> | null },
  source: Catalog = catalog,
): Plan | undefined {
  if (price.lookupKey) {
    const found = planForLookupKey(price.lookupKey, source);
    if (found) return found.plan;
  }
  const declared = price.metadata?.[source.planMetadataKey];
  return isPlanKey(declared) && declared !== 'free' ? source.plans[declared] : undefined;
}
