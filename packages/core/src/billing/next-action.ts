import { catalog as defaultCatalog, planKeys, planRank, type Catalog, type PlanKey } from './catalog';
import type { AccessState } from './derive-entitlement';

/**
 * Where a workspace stands, as far as choosing a plan goes. Read from the mirror by
 * readBillingPosition(); plain data so the decision below stays pure and testable.
 */
export interface BillingPosition {
  /** The entitlement's plan and access state. */
  plan: PlanKey;
  state: AccessState;
  /** The subscription the entitlement comes from; null on a paid plan means the plan was granted. */
  subscriptionId: string | null;
  /** A subscription that still bills or can be revived (trialing, active, past_due, unpaid, paused). */
  liveSubscription: boolean;
  /** The viewer holds billing.manage. */
  mayManage: boolean;
  /** The workspace has a Stripe customer and the billing portal is configured. */
  portalReady: boolean;
}

/**
 * How the workspace pays for its plan, in one word:
 * - `free`: the free plan, nothing billed;
 * - `subscribed`: a live subscription (the plan changes in the billing portal);
 * - `granted`: a paid plan without a subscription (the demo seed, a plan set by staff): there is no
 *   billing account to manage, only plans above it can be bought;
 * - `lapsed`: a live subscription that grants nothing now (unpaid, paused): resolve it in the portal.
 */
export type BillingStanding = 'free' | 'subscribed' | 'granted' | 'lapsed';

/** The one thing a workspace can do about one plan. */
export type PlanAction =
  /** The plan the workspace is on. `manage`: the portal can be opened for it (subscribed only). */
  | { kind: 'current'; plan: PlanKey; manage: boolean }
  /** A new subscription through Checkout: always to a plan above the current one. */
  | { kind: 'subscribe'; plan: PlanKey; direction: 'upgrade' }
  /** A change of the live subscription in the billing portal (Stripe prorates; Free = cancel). */
  | { kind: 'switch'; plan: PlanKey; direction: 'upgrade' | 'downgrade' }
  /** Open the portal to resolve a subscription that grants nothing now (unpaid, paused). */
  | { kind: 'manage'; plan: PlanKey }
  /** Nothing to do here, and why. */
  | { kind: 'none'; plan: PlanKey; reason: 'not-manager' | 'granted' | 'portal-unavailable' };

export function billingStanding(position: BillingPosition): BillingStanding {
  // A live subscription wins over a grant: Checkout would refuse a second one, so it is managed.
  if (position.liveSubscription) return position.state === 'free' ? 'lapsed' : 'subscribed';
  if (position.plan !== 'free' && position.state !== 'free' && position.subscriptionId === null)
    return 'granted';
  return 'free';
}

/**
 * What the workspace can do next for each plan of the catalog — the one decision the pricing page
 * and the workspace billing page both render, so they cannot disagree. "Upgrade" and "Downgrade"
 * follow the catalog's plan rank, never the kind of action.
 */
export function nextPlanActions(
  position: BillingPosition,
  source: Catalog = defaultCatalog,
): Record<PlanKey, PlanAction> {
  const standing = billingStanding(position);
  const result = {} as Record<PlanKey, PlanAction>;
  for (const plan of planKeys) {
    result[plan] = actionFor(plan, position, standing, source);
  }
  return result;
}

function actionFor(
  plan: PlanKey,
  position: BillingPosition,
  standing: BillingStanding,
  source: Catalog,
): PlanAction {
  const current = standing === 'lapsed' ? 'free' : position.plan;
  if (plan === current) {
    return {
      kind: 'current',
      plan,
      manage: standing === 'subscribed' && position.mayManage && position.portalReady,
    };
  }
  if (!position.mayManage) return { kind: 'none', plan, reason: 'not-manager' };
  const upgrade = planRank[plan] > planRank[current];
  switch (standing) {
    case 'free':
      return source.plans[plan].prices
        ? { kind: 'subscribe', plan, direction: 'upgrade' }
        : noneGranted(plan);
    case 'granted':
      // Buying a plan below the grant would replace it with less; only plans above it are for sale.
      return upgrade && source.plans[plan].prices
        ? { kind: 'subscribe', plan, direction: 'upgrade' }
        : noneGranted(plan);
    case 'subscribed':
      if (!position.portalReady) return { kind: 'none', plan, reason: 'portal-unavailable' };
      return { kind: 'switch', plan, direction: upgrade ? 'upgrade' : 'downgrade' };
    case 'lapsed':
      if (!position.portalReady) return { kind: 'none', plan, reason: 'portal-unavailable' };
      return { kind: 'manage', plan };
  }
}

function noneGranted(plan: PlanKey): PlanAction {
  return { kind: 'none', plan, reason: 'granted' };
}

/** The button's words for an action, with the catalog's plan names. */
export function planActionLabel(action: PlanAction, source: Catalog = defaultCatalog): string {
  const name = source.plans[action.plan].name;
  switch (action.kind) {
    case 'current':
      return 'Current plan';
    case 'subscribe':
      return `Upgrade to ${name}`;
    case 'switch':
      return `${action.direction === 'upgrade' ? 'Upgrade' : 'Downgrade'} to ${name}`;
    case 'manage':
      return 'Resolve in billing portal';
    case 'none':
      switch (action.reason) {
        case 'not-manager':
          return 'Ask a workspace owner';
        case 'granted':
          return 'Not available on a granted plan';
        case 'portal-unavailable':
          return 'Billing portal not set up';
      }
  }
}

/** One sentence for the standing, shown next to the current plan (null when nothing needs saying). */
export function standingNote(
  standing: BillingStanding,
  plan: PlanKey,
  source: Catalog = defaultCatalog,
): string | null {
  const name = source.plans[plan].name;
  switch (standing) {
    case 'granted':
      return `${name} plan granted — no billing account. Nothing is billed, so there is nothing to manage or cancel; subscribing to a higher plan replaces the grant.`;
    case 'lapsed':
      return 'Your subscription is unpaid or paused and grants nothing now. Resolve it in the billing portal.';
    default:
      return null;
  }
}

/**
 * Why an invoice is listed the way it is:
 * - `due`: open, and its subscription still waits for it (past_due, unpaid): pay it;
 * - `declined`: open, the first payment of a Checkout that was declined (subscription incomplete):
 *   paying it starts the subscription, or Stripe voids it after 23 hours;
 * - `abandoned`: open, but nobody waits for it any more — its subscription ended or expired, or a
 *   later invoice was paid (the person paid another way): not due, no pay link;
 * - `settled`: anything that is not open (paid, void, draft, uncollectible).
 */
export type InvoiceStanding = 'due' | 'declined' | 'abandoned' | 'settled';

export function invoiceStandings(
  invoices: readonly { id: string; status: string | null; subscriptionId: string | null; createdAt: Date }[],
  subscriptions: readonly { id: string; status: string }[],
): Map<string, InvoiceStanding> {
  const statusOf = new Map(subscriptions.map((sub) => [sub.id, sub.status]));
  const lastPaid = Math.max(
    -Infinity,
    ...invoices.filter((row) => row.status === 'paid').map((row) => row.createdAt.getTime()),
  );
  const result = new Map<string, InvoiceStanding>();
  for (const row of invoices) {
    if (row.status !== 'open') {
      result.set(row.id, 'settled');
      continue;
    }
    const subStatus = row.subscriptionId ? statusOf.get(row.subscriptionId) : undefined;
    if (
      lastPaid > row.createdAt.getTime() ||
      subStatus === 'incomplete_expired' ||
      subStatus === 'canceled'
    ) {
      result.set(row.id, 'abandoned');
    } else if (subStatus === 'incomplete') {
      result.set(row.id, 'declined');
    } else {
      result.set(row.id, 'due');
    }
  }
  return result;
}
