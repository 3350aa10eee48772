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

export interface PlanLimits {
  /** Members plus pending invitations. For a seat-based plan this is the number of paid seats. */
  members: number;
  /** Live (not deleted) projects. */
  projects: number;
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
      limits: { members: 3, projects: 3 },
      seatBased: false,
      trialDays: 0,
      prices: null,
    },
    pro: {
      key: 'pro',
      name: 'Pro',
      description: 'For a small team shipping in earnest.',
      features: ['projects', 'invitations', 'audit_log'],
      limits: { members: 10, projects: 50 },
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
      limits: { members: 500, projects: 500 },
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
