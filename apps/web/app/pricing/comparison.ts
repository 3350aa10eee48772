import { featureKeys, planKeys, type Catalog, type PlanKey } from '@plinth/core/billing';
import type { Locale } from '@plinth/core/locales';
import { formatBytes } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { pricingTranslator } from './words';

// The pricing page's comparison table, generated from the billing catalog (the one billing:sync
// pushes to Stripe and entitlements enforce): one column per plan, one row per price, limit and
// feature. Nothing here is typed by hand, so the table cannot promise what a plan does not grant;
// the words around the numbers are the message catalog's (`pricing.comparison`), in `locale`.
// tests/site/pricing-comparison.test.ts checks it against the catalog.

export type ComparisonCell = { kind: 'included' } | { kind: 'excluded' } | { kind: 'text'; text: string };

export interface ComparisonRow {
  key: string;
  label: string;
  description?: string;
  cells: Record<PlanKey, ComparisonCell>;
}

export interface ComparisonGroup {
  key: 'price' | 'limits' | 'features';
  title: string;
  rows: ComparisonRow[];
}

export interface ComparisonTable {
  plans: { key: PlanKey; name: string }[];
  groups: ComparisonGroup[];
}

const text = (value: string): ComparisonCell => ({ kind: 'text', text: value });

function row(
  key: string,
  label: string,
  cell: (plan: PlanKey) => ComparisonCell,
  description?: string,
): ComparisonRow {
  const cells = Object.fromEntries(planKeys.map((plan) => [plan, cell(plan)])) as Record<
    PlanKey,
    ComparisonCell
  >;
  return { key, label, cells, ...(description ? { description } : {}) };
}

export function comparisonTable(source: Catalog, locale: Locale = 'en'): ComparisonTable {
  const t = pricingTranslator(locale);
  const plan = (key: PlanKey) => source.plans[key];
  const price = (key: PlanKey, interval: 'month' | 'year'): ComparisonCell => {
    const found = plan(key).prices?.[interval === 'month' ? 'monthly' : 'yearly'];
    return text(
      found
        ? t('comparison.price', {
            price: formatMoney(found.unitAmount, found.currency, locale),
            seatBased: String(plan(key).seatBased),
            interval,
          })
        : t('comparison.free'),
    );
  };
  return {
    plans: planKeys.map((key) => ({ key, name: plan(key).name })),
    groups: [
      {
        key: 'price',
        title: t('comparison.groups.price'),
        rows: [
          row('monthly', t('comparison.rows.monthly'), (key) => price(key, 'month')),
          row('yearly', t('comparison.rows.yearly'), (key) => price(key, 'year')),
          row('trial', t('comparison.rows.trial'), (key) =>
            plan(key).trialDays > 0
              ? text(t('comparison.days', { count: plan(key).trialDays }))
              : { kind: 'excluded' },
          ),
        ],
      },
      {
        key: 'limits',
        title: t('comparison.groups.limits'),
        rows: [
          row(
            'members',
            t('comparison.rows.members'),
            (key) =>
              plan(key).seatBased
                ? text(t('comparison.paidSeats', { count: plan(key).limits.members }))
                : text(t('comparison.members', { count: plan(key).limits.members })),
            t('comparison.rows.membersDescription'),
          ),
          row('projects', t('comparison.rows.projects'), (key) =>
            text(t('comparison.projects', { count: plan(key).limits.projects })),
          ),
          row('storage', t('comparison.rows.storage'), (key) =>
            text(formatBytes(plan(key).limits.storageBytes)),
          ),
        ],
      },
      {
        key: 'features',
        title: t('comparison.groups.features'),
        rows: featureKeys.map((feature) =>
          row(
            `feature-${feature}`,
            t(`comparison.featureNames.${feature}`),
            (key) => (plan(key).features.includes(feature) ? { kind: 'included' } : { kind: 'excluded' }),
            t(`comparison.featureDescriptions.${feature}`),
          ),
        ),
      },
    ],
  };
}
