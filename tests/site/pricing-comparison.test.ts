import { describe, expect, it } from 'vitest';
import { catalog, featureKeys, planKeys, type Catalog } from '@plinth/core/billing';
import { comparisonTable } from '../../apps/web/app/pricing/comparison';
import { pricingFaq } from '../../apps/web/app/pricing/faq';

// The pricing page's comparison table and FAQ are generated from the billing catalog: these fail
// when a row is typed by hand (it would not follow a changed catalog) or a feature has no row.

function cellsOf(table: ReturnType<typeof comparisonTable>, rowKey: string) {
  const row = table.groups.flatMap((group) => group.rows).find((item) => item.key === rowKey);
  expect(row, rowKey).toBeDefined();
  return row!.cells;
}

describe('the pricing comparison table', () => {
  const table = comparisonTable(catalog);

  it('has a column per plan of the catalog, in its order', () => {
    expect(table.plans).toEqual(planKeys.map((key) => ({ key, name: catalog.plans[key].name })));
  });

  it('marks each feature included exactly where the plan grants it', () => {
    for (const feature of featureKeys) {
      const cells = cellsOf(table, `feature-${feature}`);
      for (const plan of planKeys) {
        expect(cells[plan].kind, `${plan} × ${feature}`).toBe(
          catalog.plans[plan].features.includes(feature) ? 'included' : 'excluded',
        );
      }
    }
  });

  it('prints the catalog’s prices and limits', () => {
    expect(cellsOf(table, 'monthly')).toEqual({
      free: { kind: 'text', text: 'Free' },
      pro: { kind: 'text', text: '$19 / month' },
      team: { kind: 'text', text: '$12 per seat / month' },
    });
    expect(cellsOf(table, 'yearly').pro).toEqual({ kind: 'text', text: '$190 / year' });
    expect(cellsOf(table, 'trial')).toEqual({
      free: { kind: 'excluded' },
      pro: { kind: 'text', text: '14 days' },
      team: { kind: 'excluded' },
    });
    expect(cellsOf(table, 'members').free).toEqual({ kind: 'text', text: '3 members' });
    expect(cellsOf(table, 'members').team).toEqual({ kind: 'text', text: 'Paid seats, up to 500 seats' });
    expect(cellsOf(table, 'projects').pro).toEqual({ kind: 'text', text: '50 projects' });
    expect(cellsOf(table, 'storage').free).toEqual({ kind: 'text', text: '1 GB' });
  });

  it('follows a changed catalog: nothing in the table is hand-written', () => {
    const changed: Catalog = structuredClone(catalog);
    changed.plans.free.features = [...changed.plans.free.features, 'audit_log'];
    changed.plans.pro.prices!.monthly.unitAmount = 2950;
    changed.plans.pro.name = 'Professional';
    changed.plans.team.trialDays = 1;
    changed.plans.free.limits.projects = 1;
    const moved = comparisonTable(changed);
    expect(moved.plans.find((plan) => plan.key === 'pro')!.name).toBe('Professional');
    expect(cellsOf(moved, 'feature-audit_log').free).toEqual({ kind: 'included' });
    expect(cellsOf(moved, 'monthly').pro).toEqual({ kind: 'text', text: '$29.50 / month' });
    expect(cellsOf(moved, 'trial').team).toEqual({ kind: 'text', text: '1 day' });
    expect(cellsOf(moved, 'projects').free).toEqual({ kind: 'text', text: '1 project' });
  });
});

describe('the pricing page in German', () => {
  it('words the table and the FAQ from the German catalog, with German money and plurals', () => {
    const table = comparisonTable(catalog, 'de');
    expect(cellsOf(table, 'monthly')).toEqual({
      free: { kind: 'text', text: 'Kostenlos' },
      pro: { kind: 'text', text: '19\u00a0$ / Monat' },
      team: { kind: 'text', text: '12\u00a0$ pro Platz / Monat' },
    });
    expect(cellsOf(table, 'trial').pro).toEqual({ kind: 'text', text: '14 Tage' });
    expect(cellsOf(table, 'members').free).toEqual({ kind: 'text', text: '3 Mitglieder' });
    expect(table.groups.map((group) => group.title)).toEqual(['Preis', 'Grenzen', 'Funktionen']);
    // The plan names are product names: the same in every language.
    expect(table.plans).toEqual(comparisonTable(catalog).plans);
    const changed: Catalog = structuredClone(catalog);
    changed.plans.team.trialDays = 1;
    expect(cellsOf(comparisonTable(changed, 'de'), 'trial').team).toEqual({ kind: 'text', text: '1 Tag' });
    const answers = pricingFaq(catalog, 'de')
      .map((item) => `${item.question} ${item.answer}`)
      .join('\n');
    expect(answers).toContain('Pro beginnt mit einer kostenlosen Testphase von 14 Tagen');
    expect(answers).toContain('Wie funktionieren die Preise pro Platz bei Team?');
    expect(answers).toContain('bis zu 3 Mitgliedern und 3 Projekten');
  });
});

describe('the pricing FAQ', () => {
  it('takes its numbers from the catalog', () => {
    const answers = pricingFaq(catalog)
      .map((item) => `${item.question} ${item.answer}`)
      .join('\n');
    expect(answers).toContain('Pro starts with a 14-day free trial');
    expect(answers).toContain('How does per-seat pricing work on Team?');
    expect(answers).toContain('up to 3 members and 3 projects');
    const changed: Catalog = structuredClone(catalog);
    changed.plans.pro.trialDays = 0;
    const noTrial = pricingFaq(changed).map((item) => item.question);
    expect(noTrial).not.toContain('Is there a free trial?');
  });
});
