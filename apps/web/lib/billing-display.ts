// How billing reads on the page: money and subscription states as catalog keys (the words are in
// apps/web/messages, namespace `billing`). Money is formatted in the app's active locale, which the
// server and the browser share, so the server's HTML and the browser's hydration agree.

import {
  MAX_SEATS,
  type BillingInterval,
  type BillingStanding,
  type Catalog,
  type FeatureKey,
  type InvoiceStanding,
  type PlanAction,
  type PlanKey,
} from '@plinth/core/billing';
import type { BillableWorkspace } from '../app/(signed-in)/w/[slug]/billing/plan-picker';
import { formatMoney } from './money';

export { formatMoney } from './money';

export type BadgeTone = 'neutral' | 'primary' | 'success' | 'destructive';

/** The subscription states the billing page words (`billing.status.<key>`). */
export type StatusKey =
  | 'active'
  | 'trialing'
  | 'past_due'
  | 'unpaid'
  | 'paused'
  | 'incomplete'
  | 'incomplete_expired'
  | 'canceled'
  | 'free'
  | 'granted';

/** A subscription (or the lack of one) as a badge: what the person should notice first. */
export function statusBadge(status: string | null | undefined): { key: StatusKey; tone: BadgeTone } {
  switch (status) {
    case 'active':
      return { key: 'active', tone: 'success' };
    case 'trialing':
      return { key: 'trialing', tone: 'primary' };
    case 'past_due':
      return { key: 'past_due', tone: 'destructive' };
    case 'unpaid':
      return { key: 'unpaid', tone: 'destructive' };
    case 'paused':
      return { key: 'paused', tone: 'neutral' };
    case 'incomplete':
      return { key: 'incomplete', tone: 'neutral' };
    case 'incomplete_expired':
      return { key: 'incomplete_expired', tone: 'neutral' };
    case 'canceled':
      return { key: 'canceled', tone: 'neutral' };
    default:
      return { key: 'free', tone: 'neutral' };
  }
}

/** The invoice states the billing page words (`billing.invoiceStatus.<key>`). */
export type InvoiceStatusKey = 'declined' | 'notDue' | 'paid' | 'due' | 'draft' | 'void' | 'uncollectible';

/**
 * An invoice's status as a catalog key, with a tone for its badge (null key: a status Stripe added
 * that has no words yet, shown as it is). An open invoice reads by its standing (core's
 * invoiceStandings): a declined Checkout's first payment, or one nobody waits for any more.
 */
export function invoiceBadge(
  status: string | null | undefined,
  standing?: InvoiceStanding,
): { key: InvoiceStatusKey | null; tone: BadgeTone } {
  if (status === 'open' && standing === 'declined') return { key: 'declined', tone: 'destructive' };
  if (status === 'open' && standing === 'abandoned') return { key: 'notDue', tone: 'neutral' };
  switch (status) {
    case 'paid':
      return { key: 'paid', tone: 'success' };
    case 'open':
      return { key: 'due', tone: 'destructive' };
    case 'draft':
      return { key: 'draft', tone: 'neutral' };
    case 'void':
      return { key: 'void', tone: 'neutral' };
    case 'uncollectible':
      return { key: 'uncollectible', tone: 'destructive' };
    default:
      return { key: null, tone: 'neutral' };
  }
}

/** One plan as the pricing cards show it: plain data, so a server page can hand it to the client. */
export interface PlanOffer {
  key: PlanKey;
  /** A product name ("Pro"): the same in every language. */
  name: string;
  /** The features it includes, worded by the picker (`billing.features.<key>`). */
  features: FeatureKey[];
  limits: { members: number; projects: number };
  seatBased: boolean;
  /** The most seats one Checkout may buy (core's MAX_SEATS), for a seat-based plan. */
  maxSeats: number | null;
  trialDays: number;
  /** Per interval: the lookup key Checkout is opened with and the price in words. */
  prices: Record<
    BillingInterval,
    { lookupKey: string; amount: string; unitAmount: number; currency: string }
  > | null;
}

/** The catalog (code, in @plinth/core/billing) as offers, in its declared order, priced in `locale`. */
export function toPlanOffers(source: Catalog, locale?: string): PlanOffer[] {
  return Object.values(source.plans).map((plan) => ({
    key: plan.key,
    name: plan.name,
    features: [...plan.features],
    limits: { ...plan.limits },
    seatBased: plan.seatBased,
    maxSeats: plan.seatBased ? MAX_SEATS : null,
    trialDays: plan.trialDays,
    prices: plan.prices
      ? {
          month: {
            lookupKey: plan.prices.monthly.lookupKey,
            amount: formatMoney(plan.prices.monthly.unitAmount, plan.prices.monthly.currency, locale),
            unitAmount: plan.prices.monthly.unitAmount,
            currency: plan.prices.monthly.currency,
          },
          year: {
            lookupKey: plan.prices.yearly.lookupKey,
            amount: formatMoney(plan.prices.yearly.unitAmount, plan.prices.yearly.currency, locale),
            unitAmount: plan.prices.yearly.unitAmount,
            currency: plan.prices.yearly.currency,
          },
        }
      : null,
  }));
}

/**
 * A workspace's plan choices (core's nextPlanActions) as the plan picker takes them; the picker
 * words each action and the standing from the catalog (`billing.picker.actions`, `.notes`).
 */
export function toBillableWorkspace(
  workspace: { slug: string; name: string },
  choices: {
    plan: PlanKey;
    standing: BillingStanding;
    actions: Record<PlanKey, PlanAction>;
    seatsInUse: number;
  },
): BillableWorkspace {
  return {
    slug: workspace.slug,
    name: workspace.name,
    seatsInUse: choices.seatsInUse,
    plan: choices.plan,
    standing: choices.standing,
    choices: Object.fromEntries(Object.values(choices.actions).map((action) => [action.plan, action])),
  };
}
