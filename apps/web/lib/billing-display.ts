// How billing reads on the page: feature names, money and subscription states in words. Money is
// formatted with a fixed locale so the server's HTML and the browser's hydration agree.

import type { BillingInterval, Catalog, FeatureKey, PlanKey } from '@plinth/core/billing';

export const featureLabels: Record<FeatureKey, string> = {
  projects: 'Projects',
  invitations: 'Invite teammates',
  audit_log: 'Audit log',
  priority_support: 'Priority support',
  seat_billing: 'Pay per seat, add seats any time',
};

export function formatMoney(minorUnits: number, currency: string): string {
  const amount = minorUnits / 100;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    // Whole amounts without ".00": "$19", but "$19.50".
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

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

/** An invoice's status in words, with a tone for its badge. */
export function invoiceBadge(status: string | null | undefined): { label: string; tone: BadgeTone } {
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
  trialDays: number;
  /** Per interval: the lookup key Checkout is opened with and the price in words. */
  prices: Record<BillingInterval, { lookupKey: string; amount: string }> | null;
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
    trialDays: plan.trialDays,
    prices: plan.prices
      ? {
          month: {
            lookupKey: plan.prices.monthly.lookupKey,
            amount: formatMoney(plan.prices.monthly.unitAmount, plan.prices.monthly.currency),
          },
          year: {
            lookupKey: plan.prices.yearly.lookupKey,
            amount: formatMoney(plan.prices.yearly.unitAmount, plan.prices.yearly.currency),
          },
        }
      : null,
  }));
}
