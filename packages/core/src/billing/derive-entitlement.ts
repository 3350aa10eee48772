import {
  catalog as defaultCatalog,
  planForPrice,
  planRank,
  type Catalog,
  type Plan,
  type PlanKey,
} from './catalog';

/** What a workspace's access is, in one word: full (active, trialing), grace (past_due) or free. */
export const accessStates = ['active', 'trialing', 'grace', 'free'] as const;
export type AccessState = (typeof accessStates)[number];

/** One subscription as the derivation needs it: the mirror row plus its items' prices. */
export interface SubscriptionState {
  id: string;
  /** Stripe's status: trialing, active, past_due, unpaid, paused, incomplete, incomplete_expired, canceled. */
  status: string;
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  created: Date;
  items: { price: { lookupKey: string | null; metadata: Record<string, string> | null }; quantity: number }[];
  /** The hosted page of the subscription's latest invoice while it is open (to pay a past_due). */
  openInvoiceUrl: string | null;
}

/** What a workspace may do now. Stored in the `entitlement` row; read by entitlements(). */
export interface EntitlementSnapshot {
  plan: PlanKey;
  state: AccessState;
  subscriptionStatus: string | null;
  subscriptionId: string | null;
  features: string[];
  limits: { members: number; projects: number; storageBytes: number };
  /** Paid seats, for a seat-based plan. */
  seats: number | null;
  trialEnd: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  /**
   * When a scheduled cancellation ends access: Stripe's cancel_at, else the period end of a
   * cancel-at-period-end; null while nothing is scheduled. Reads past it judge the plan over.
   */
  accessEndsAt: Date | null;
  pastDueInvoiceUrl: string | null;
}

const accessRank: Record<AccessState, number> = { active: 2, trialing: 2, grace: 1, free: 0 };

interface Grant {
  subscription: SubscriptionState;
  plan: Plan;
  state: Exclude<AccessState, 'free'>;
  seats: number | null;
}

/** The free plan's entitlement, optionally remembering the (ended) subscription it came from. */
export function freeEntitlement(
  source: Catalog = defaultCatalog,
  from?: Pick<SubscriptionState, 'id' | 'status'>,
): EntitlementSnapshot {
  const plan = source.plans.free;
  return {
    plan: 'free',
    state: 'free',
    subscriptionStatus: from?.status ?? null,
    subscriptionId: from?.id ?? null,
    features: [...plan.features],
    limits: { ...plan.limits },
    seats: null,
    trialEnd: null,
    currentPeriodEnd: null,
    cancelAtPeriodEnd: false,
    accessEndsAt: null,
    pastDueInvoiceUrl: null,
  };
}

/**
 * The entitlement of a plan granted without a Stripe subscription: the demo seed and test factories
 * (a real workspace only gets a paid plan through syncCustomer()).
 */
export function entitlementForPlan(
  planKey: PlanKey,
  options: { seats?: number; state?: Exclude<AccessState, 'free'> } = {},
  source: Catalog = defaultCatalog,
): EntitlementSnapshot {
  if (planKey === 'free') return freeEntitlement(source);
  const plan = source.plans[planKey];
  const seats = plan.seatBased ? (options.seats ?? plan.limits.members) : null;
  return {
    ...freeEntitlement(source),
    plan: plan.key,
    state: options.state ?? 'active',
    features: [...plan.features],
    limits: {
      members: seats ?? plan.limits.members,
      projects: plan.limits.projects,
      storageBytes: plan.limits.storageBytes,
    },
    seats,
  };
}

/** A plan staff granted until a date, with limits beyond the plan's where it names them. */
export interface PlanOverrideGrant {
  plan: string;
  members: number | null;
  projects: number | null;
  storageBytes: number | null;
}

/**
 * What a live staff plan override grants on top of the synced snapshot (docs/decisions/0032): the
 * plan's features and its limits (or the override's), full access. Stripe's own facts (period end,
 * a scheduled cancellation, an invoice to pay) stay as the snapshot has them. An override naming no
 * plan of the catalog changes nothing.
 */
export function withPlanOverride(
  snapshot: EntitlementSnapshot,
  grant: PlanOverrideGrant,
  source: Catalog = defaultCatalog,
): EntitlementSnapshot {
  const plan = (source.plans as Record<string, Plan | undefined>)[grant.plan];
  if (!plan || plan.key === 'free') return snapshot;
  const members = grant.members ?? plan.limits.members;
  return {
    ...snapshot,
    plan: plan.key,
    state: 'active',
    features: [...plan.features],
    limits: {
      members,
      projects: grant.projects ?? plan.limits.projects,
      storageBytes: grant.storageBytes ?? plan.limits.storageBytes,
    },
    seats: plan.seatBased ? members : null,
  };
}

/** When a scheduled cancellation ends the subscription's access; null when none is scheduled. */
function accessEndOf(subscription: SubscriptionState): Date | null {
  return subscription.cancelAt ?? (subscription.cancelAtPeriodEnd ? subscription.currentPeriodEnd : null);
}

/** What one subscription grants now, or nothing. */
function grantOf(subscription: SubscriptionState, source: Catalog, now: Date): Grant | undefined {
  const state =
    subscription.status === 'active'
      ? 'active'
      : subscription.status === 'trialing'
        ? 'trialing'
        : subscription.status === 'past_due'
          ? 'grace'
          : undefined;
  // unpaid, paused, incomplete, incomplete_expired, canceled and anything new grant nothing.
  if (!state) return undefined;
  // A cancellation that has come due ends access even if its event never reached us.
  const endsAt = accessEndOf(subscription);
  if (endsAt && now.getTime() >= endsAt.getTime()) return undefined;
  let best: { plan: Plan; seats: number } | undefined;
  for (const item of subscription.items) {
    const plan = planForPrice(item.price, source);
    if (!plan) continue;
    if (best?.plan.key === plan.key) best.seats += item.quantity;
    else if (!best || planRank[plan.key] > planRank[best.plan.key]) best = { plan, seats: item.quantity };
  }
  if (!best) return undefined;
  return {
    subscription,
    plan: best.plan,
    state,
    seats: best.plan.seatBased ? Math.max(0, best.seats) : null,
  };
}

/** Full access beats grace, then the bigger plan, then more seats, then the newer subscription. */
function compareGrants(a: Grant, b: Grant): number {
  return (
    accessRank[b.state] - accessRank[a.state] ||
    planRank[b.plan.key] - planRank[a.plan.key] ||
    (b.seats ?? 0) - (a.seats ?? 0) ||
    b.subscription.created.getTime() - a.subscription.created.getTime()
  );
}

/**
 * The one rule from subscription state to access (docs/architecture.md §5), pure so it can be tested for
 * every status: active/trialing → the plan; past_due → the plan in `grace` with the invoice to pay;
 * unpaid, paused, incomplete, incomplete_expired, canceled → free; cancel-at-period-end keeps the
 * plan until the period ends and not a moment longer. With several subscriptions, the one that
 * grants the most wins. A seat-based plan's member limit is its paid quantity.
 */
export function deriveEntitlement(
  subscriptions: readonly SubscriptionState[],
  source: Catalog = defaultCatalog,
  now: Date = new Date(),
): EntitlementSnapshot {
  const grants = subscriptions
    .map((subscription) => grantOf(subscription, source, now))
    .filter((grant): grant is Grant => grant !== undefined)
    .sort(compareGrants);
  const best = grants[0];
  if (!best) {
    const newest = [...subscriptions].sort((a, b) => b.created.getTime() - a.created.getTime())[0];
    return freeEntitlement(source, newest);
  }
  const { subscription, plan, state, seats } = best;
  return {
    plan: plan.key,
    state,
    subscriptionStatus: subscription.status,
    subscriptionId: subscription.id,
    features: [...plan.features],
    limits: {
      members: plan.seatBased ? Math.min(seats ?? 0, plan.limits.members) : plan.limits.members,
      projects: plan.limits.projects,
      storageBytes: plan.limits.storageBytes,
    },
    seats,
    trialEnd: state === 'trialing' ? subscription.trialEnd : null,
    currentPeriodEnd: subscription.currentPeriodEnd,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd || subscription.cancelAt !== null,
    accessEndsAt: accessEndOf(subscription),
    pastDueInvoiceUrl: state === 'grace' ? subscription.openInvoiceUrl : null,
  };
}

/** Whether two snapshots grant the same thing (for drift logging); compares values, not identity. */
export function sameEntitlement(a: EntitlementSnapshot, b: EntitlementSnapshot): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/** A fixed key order, so snapshots built in different places compare equal. */
function normalize(snapshot: EntitlementSnapshot) {
  return [
    snapshot.plan,
    snapshot.state,
    snapshot.subscriptionStatus,
    snapshot.subscriptionId,
    [...snapshot.features].sort(),
    snapshot.limits.members,
    snapshot.limits.projects,
    snapshot.limits.storageBytes,
    snapshot.seats,
    snapshot.trialEnd?.getTime() ?? null,
    snapshot.currentPeriodEnd?.getTime() ?? null,
    snapshot.cancelAtPeriodEnd,
    snapshot.accessEndsAt?.getTime() ?? null,
    snapshot.pastDueInvoiceUrl,
  ];
}
