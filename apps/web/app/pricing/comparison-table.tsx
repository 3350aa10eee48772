import { useTranslations } from 'next-intl';
import type { ComparisonCell, ComparisonTable as Table } from './comparison';

function Cell({ cell }: { cell: ComparisonCell }) {
  const t = useTranslations('pricing.comparison');
  switch (cell.kind) {
    case 'text':
      return <>{cell.text}</>;
    case 'included':
      return (
        <>
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.25"
            strokeLinecap="round"
            strokeLinejoin="round"
            className="inline size-5 text-primary"
          >
            <path d="m5 12 5 5 9-10" />
          </svg>
          <span className="sr-only">{t('included')}</span>
        </>
      );
    case 'excluded':
      return (
        <>
          <span aria-hidden="true" className="text-muted-foreground">
            —
          </span>
          <span className="sr-only">{t('notIncluded')}</span>
        </>
      );
  }
}

/**
 * Plans × prices, limits and features as one table: a caption, column headers for the plans, a
 * row header for each line and a group header for each part. On a narrow screen the table scrolls
 * sideways inside its own region (focusable, so a keyboard can scroll it too); the page never does.
 * The region is `relative`: the cells' screen-reader-only words are absolutely positioned, and
 * without a positioned ancestor inside the region they would widen the page instead.
 */
export function ComparisonTable({ table }: { table: Table }) {
  const t = useTranslations('pricing.comparison');
  return (
    <div
      role="region"
      aria-labelledby="comparison-caption"
      tabIndex={0}
      data-testid="comparison-table"
      className="relative max-w-full overflow-x-auto rounded-xl border border-border outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        <caption id="comparison-caption" className="px-4 pt-4 pb-2 text-left text-sm text-muted-foreground">
          {t('caption')}
          <span className="sm:hidden"> {t('scrollHint')}</span>
        </caption>
        <thead>
          <tr className="border-b border-border">
            <td className="sticky left-0 bg-background px-4 py-3" />
            {table.plans.map((plan) => (
              <th key={plan.key} scope="col" className="px-4 py-3 font-semibold">
                {plan.name}
              </th>
            ))}
          </tr>
        </thead>
        {table.groups.map((group) => (
          <tbody key={group.key}>
            <tr className="bg-muted/50">
              <th
                scope="colgroup"
                colSpan={table.plans.length + 1}
                className="px-4 py-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase"
              >
                {group.title}
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.key} data-row={row.key} className="border-t border-border">
                <th scope="row" className="sticky left-0 bg-background px-4 py-3 align-top font-medium">
                  {row.label}
                  {row.description ? (
                    <span className="block text-xs font-normal text-muted-foreground">{row.description}</span>
                  ) : null}
                </th>
                {table.plans.map((plan) => (
                  <td key={plan.key} data-plan={plan.key} className="px-4 py-3 align-top">
                    <Cell cell={row.cells[plan.key]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
