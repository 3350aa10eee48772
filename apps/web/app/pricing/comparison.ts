import { featureInfo, featureKeys, planKeys, type Catalog, type PlanKey } from '@plinth/core/billing';
import { formatBytes } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { countOf, nouns } from '../../lib/plural';

// The pricing page's comparison table, generated from the billing catalog (the one billing:sync
// pushes to Stripe and entitlements enforce): one column per plan, one row per price, limit and
// feature. Nothing here is typed by hand, so the table cannot promise what a plan does not grant.
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

export function comparisonTable(source: Catalog): ComparisonTable {
  const plan = (key: PlanKey) => source.plans[key];
  const perSeat = (key: PlanKey) => (plan(key).seatBased ? ' per seat' : '');
  return {
    plans: planKeys.map((key) => ({ key, name: plan(key).name })),
    groups: [
      {
        key: 'price',
        title: 'Price',
        rows: [
          row('monthly', 'Monthly', (key) => {
            const price = plan(key).prices?.monthly;
            return text(
              price ? `${formatMoney(price.unitAmount, price.currency)}${perSeat(key)} / month` : 'Free',
            );
          }),
          row('yearly', 'Yearly', (key) => {
            const price = plan(key).prices?.yearly;
            return text(
              price ? `${formatMoney(price.unitAmount, price.currency)}${perSeat(key)} / year` : 'Free',
            );
          }),
          row('trial', 'Free trial', (key) =>
            plan(key).trialDays > 0
              ? text(countOf(plan(key).trialDays, { one: 'day', other: 'days' }))
              : { kind: 'excluded' },
          ),
        ],
      },
      {
        key: 'limits',
        title: 'Limits',
        rows: [
          row(
            'members',
            'Members',
            (key) =>
              plan(key).seatBased
                ? text(`Paid seats, up to ${countOf(plan(key).limits.members, nouns.seat)}`)
                : text(countOf(plan(key).limits.members, nouns.member)),
            'Members and pending invitations together.',
          ),
          row('projects', 'Projects', (key) => text(countOf(plan(key).limits.projects, nouns.project))),
          row('storage', 'File storage', (key) => text(formatBytes(plan(key).limits.storageBytes))),
        ],
      },
      {
        key: 'features',
        title: 'Features',
        rows: featureKeys.map((feature) =>
          row(
            `feature-${feature}`,
            featureInfo[feature].name,
            (key) => (plan(key).features.includes(feature) ? { kind: 'included' } : { kind: 'excluded' }),
            featureInfo[feature].description,
          ),
        ),
      },
    ],
  };
}
