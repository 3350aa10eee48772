// How billing reads on the page: feature names, money and subscription states in words. Money is
// formatted with a fixed locale so the server's HTML and the browser's hydration agree.

import {
  MAX_SEATS,
  planActionLabel,
  standingNote,
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

export const featureLabels: Record<FeatureKey, string> = {
  projects: 'Projects',
  invitations: 'Invite teammates',
  audit_log: 'Audit log',
  priority_support: 'Priority support',
  seat_billing: 'Pay per seat, add seats any time',
};

export { formatMoney } from './money';

export type BadgeTone = 'neutral' | 'primary' | 'success' | 'destructive';

/** A subscription (or the lack of one) as a badge: what the person should notice first. */
export function statusBadge(status: string | null | undefined): { label: string; tone: BadgeTone } {
  switch (status) {
    case 'active':
      return { label: 'Active', tone: 'success' };
    case 'trialing':
      return { label: 'Trial', tone: 'primary' };
    case 'past_due':
      return { label: 'Payment overdue', tone: 'destructive' };
    case 'unpaid':
      return { label: 'Unpaid', tone: 'destructive' };
    case 'paused':
      return { label: 'Paused', tone: 'neutral' };
    case 'incomplete':
      return { label: 'Awaiting payment', tone: 'neutral' };
    case 'incomplete_expired':
      return { label: 'Checkout expired', tone: 'neutral' };
    case 'canceled':
      return { label: 'Canceled', tone: 'neutral' };
    default:
      return { label: 'Free', tone: 'neutral' };
  }
}

/**
 * An invoice's status in words, with a tone for its badge. An open invoice reads by its standing
 * (core's invoiceStandings): a declined Checkout's first payment, or one nobody waits for any more.
 */
export function invoiceBadge(
  status: string | null | undefined,
  standing?: InvoiceStanding,
): { label: string; tone: BadgeTone } {
  if (status === 'open' && standing === 'declined') return { label: 'Declined', tone: 'destructive' };
  if (status === 'open' && standing === 'abandoned') return { label: 'Not due', tone: 'neutral' };
  switch (status) {
    case 'paid':
      return { label: 'Paid', tone: 'success' };
    case 'open':
      return { label: 'Due', tone: 'destructive' };
    case 'draft':
      return { label: 'Draft', tone: 'neutral' };
    case 'void':
      return { label: 'Void', tone: 'neutral' };
    case 'uncollectible':
      return { label: 'Uncollectible', tone: 'destructive' };
    default:
      return { label: status ?? '—', tone: 'neutral' };
  }
}

/** One plan as the pricing cards show it: plain data, so a server page can hand it to the client. */
export interface PlanOffer {
  key: PlanKey;
  name: string;
  description: string;
  features: string[];
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

/** The catalog (code, in @plinth/core/billing) as offers, in its declared order. */
export function toPlanOffers(source: Catalog): PlanOffer[] {
  return Object.values(source.plans).map((plan) => ({
    key: plan.key,
    name: plan.name,
    description: plan.description,
    features: plan.features.map((feature) => featureLabels[feature]),
    limits: { ...plan.limits },
    seatBased: plan.seatBased,
    maxSeats: plan.seatBased ? MAX_SEATS : null,
    trialDays: plan.trialDays,
    prices: plan.prices
      ? {
          month: {
            lookupKey: plan.prices.monthly.lookupKey,
            amount: formatMoney(plan.prices.monthly.unitAmount, plan.prices.monthly.currency),
            unitAmount: plan.prices.monthly.unitAmount,
            currency: plan.prices.monthly.currency,
          },
          year: {
            lookupKey: plan.prices.yearly.lookupKey,
            amount: formatMoney(plan.prices.yearly.unitAmount, plan.prices.yearly.currency),
            unitAmount: plan.prices.yearly.unitAmount,
            currency: plan.prices.yearly.currency,
          },
        }
      : null,
  }));
}

/** A workspace's plan choices (core's nextPlanActions) as the plan picker takes them: with words. */
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
    note: standingNote(choices.standing, choices.plan),
    choices: Object.fromEntries(
      Object.values(choices.actions).map((action) => [
        action.plan,
        { ...action, label: planActionLabel(action) },
      ]),
    ),
  };
}
