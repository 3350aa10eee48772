import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { catalog } from '@plinth/core/billing';
import { serverContext } from '@plinth/core/server-context';
import { staffNumbers } from '@plinth/core/staff-console';
import { DailyBars, HorizontalBars } from '../../../components/admin/charts';
import { LocalTime } from '../../../components/ui/local-time';
import { formatMoney } from '../../../lib/billing-display';
import { requireStaff } from '../../../lib/session';

export const metadata: Metadata = { title: 'Numbers · Admin', robots: { index: false, follow: false } };

/** The business at a glance, computed in SQL from our own tables on each load (no analytics service). */
export default async function AdminNumbersPage() {
  const session = await requireStaff('/admin');
  const numbers = await staffNumbers(
    { database: serverContext().database },
    { type: 'user', id: session.user.id },
  );
  const money = (cents: number) => formatMoney(Math.round(cents), numbers.mrr.currency);
  const signups30 = numbers.signupsPerDay.reduce((sum, d) => sum + d.count, 0);
  const plans: { key: string; label: string; value: number }[] = (['pro', 'team'] as const).map((key) => ({
    key,
    label: catalog.plans[key].name,
    value: numbers.mrr.byPlan[key],
  }));
  if (numbers.mrr.byPlan.other > 0)
    plans.push({ key: 'other', label: 'Other', value: numbers.mrr.byPlan.other });

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-8" data-testid="admin-numbers">
      <div>
        <p className="text-sm font-medium text-primary">Admin</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Numbers</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          From our tables and the billing mirror, as of <LocalTime value={numbers.asOf} />. MRR counts active
          and past-due subscriptions (not trials), yearly prices ÷ 12, per-seat prices × seats, until a
          scheduled cancellation ends them. See also{' '}
          <Link href="/admin/workspaces" className="underline underline-offset-4">
            Workspaces
          </Link>{' '}
          and{' '}
          <Link href="/admin/flags" className="underline underline-offset-4">
            Flags
          </Link>
          .
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="MRR" value={money(numbers.mrr.total)} testId="stat-mrr">
          ARR {money(numbers.arr)}
        </Stat>
        <Stat label="Churned MRR (30 d)" value={money(numbers.churnedMrr30d)} testId="stat-churn">
          paying subscriptions that ended
        </Stat>
        <Stat label="Past due" value={String(numbers.pastDue)} testId="stat-past-due">
          subscriptions in grace (still in MRR)
        </Stat>
        <Stat label="Trials (30 d)" value={`${numbers.trials.started30d} started`} testId="stat-trials">
          {numbers.trials.converted30d} converted
        </Stat>
        <Stat
          label="Active workspaces"
          value={`${numbers.activeWorkspaces.days7} / ${numbers.activeWorkspaces.days30}`}
          testId="stat-active"
        >
          a member signed in within 7 / 30 days
        </Stat>
        <Stat label="Workspaces" value={String(numbers.workspaces.total)} testId="stat-workspaces">
          {numbers.workspaces.suspended} suspended
        </Stat>
        <Stat label="Sign-ups (30 d)" value={String(signups30)} testId="stat-signups">
          people who created an account
        </Stat>
      </div>
      <section className="grid gap-3" aria-label="Sign-ups per day">
        <h2 className="text-lg font-semibold tracking-tight">Sign-ups per day (UTC, 30 days)</h2>
        <DailyBars data={numbers.signupsPerDay} label="Sign-ups per day" />
      </section>
      <section className="grid gap-3" aria-label="MRR per plan">
        <h2 className="text-lg font-semibold tracking-tight">MRR per plan</h2>
        <HorizontalBars data={plans} label="MRR per plan" format={money} />
      </section>
    </div>
  );
}

function Stat({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-1 rounded-xl border border-border p-4" data-testid={testId}>
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      <p className="text-xs text-muted-foreground">{children}</p>
    </div>
  );
}
