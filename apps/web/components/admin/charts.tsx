// Server-rendered SVG charts for the staff numbers: plain markup, no client-side data fetching and
// no chart library. Each has a text equivalent (a title and a table for screen readers). Words and
// numbers in the reader's locale (next-intl's hooks work in these non-async server components); the
// days are UTC days (the request's time zone, i18n/request.ts).

import { useFormatter, useTranslations } from 'next-intl';

/** Bars per day (sign-ups), with the largest value labelled. */
export function DailyBars({ data, label }: { data: { day: string; count: number }[]; label: string }) {
  const width = 600;
  const height = 140;
  const max = Math.max(1, ...data.map((d) => d.count));
  const step = width / Math.max(1, data.length);
  const bar = Math.max(2, step - 4);
  const t = useTranslations('admin.charts');
  const format = useFormatter();
  const total = data.reduce((sum, d) => sum + d.count, 0);
  // "2026-12-05" → "5 Dec" / "5. Dez.": the day as the reader writes it.
  const day = (value: string | undefined) =>
    value ? format.dateTime(new Date(`${value}T00:00:00Z`), { day: 'numeric', month: 'short' }) : '';
  return (
    <figure className="grid gap-2">
      <svg
        viewBox={`0 0 ${width} ${height + 20}`}
        role="img"
        aria-label={t('dailySummary', { label, total, days: data.length, max })}
        className="w-full text-primary"
        data-testid="signups-chart"
      >
        <line x1={0} y1={height} x2={width} y2={height} className="stroke-border" strokeWidth={1} />
        {data.map((d, index) => {
          const h = (d.count / max) * (height - 10);
          return (
            <rect
              key={d.day}
              x={index * step + 2}
              y={height - h}
              width={bar}
              height={h}
              className="fill-current"
              rx={2}
            >
              <title>{`${day(d.day)}: ${format.number(d.count)}`}</title>
            </rect>
          );
        })}
        <text x={0} y={height + 16} className="fill-muted-foreground text-[10px]">
          {day(data[0]?.day)}
        </text>
        <text x={width} y={height + 16} textAnchor="end" className="fill-muted-foreground text-[10px]">
          {day(data.at(-1)?.day)}
        </text>
        <text x={width} y={10} textAnchor="end" className="fill-muted-foreground text-[10px]">
          {t('max', { max })}
        </text>
      </svg>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.day}>
              <th scope="row">{day(d.day)}</th>
              <td>{format.number(d.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** One horizontal bar per entry (MRR per plan), the value printed beside it. */
export function HorizontalBars({
  data,
  label,
  format,
}: {
  data: { key: string; label: string; value: number }[];
  label: string;
  format: (value: number) => string;
}) {
  const width = 600;
  const row = 28;
  const labelWidth = 90;
  const valueWidth = 110;
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <svg
      viewBox={`0 0 ${width} ${data.length * row}`}
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.label} ${format(d.value)}`).join(', ')}`}
      className="w-full text-primary"
      data-testid="mrr-chart"
    >
      {data.map((d, index) => {
        const w = (d.value / max) * (width - labelWidth - valueWidth);
        const y = index * row;
        return (
          <g key={d.key}>
            <text x={0} y={y + 18} className="fill-foreground text-[12px]">
              {d.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 6}
              width={Math.max(0, w)}
              height={16}
              rx={3}
              className="fill-current"
            />
            <text x={labelWidth + w + 6} y={y + 18} className="fill-muted-foreground text-[12px]">
              {format(d.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
