import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { catalog } from '@plinth/core/billing';
import { serverContext } from '@plinth/core/server-context';
import { staffNumbers } from '@plinth/core/staff-console';
import { DailyBars, HorizontalBars } from '../../../components/admin/charts';
import { moneyIn } from '../../../components/admin/format';
import { LocalTime } from '../../../components/ui/local-time';
import { requireStaff } from '../../../lib/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return {
    title: t('metaSuffix', { page: t('numbers.metaTitle') }),
    robots: { index: false, follow: false },
  };
}

/** The business at a glance, computed in SQL from our own tables on each load (no analytics service). */
export default async function AdminNumbersPage() {
  const session = await requireStaff('/admin');
  const numbers = await staffNumbers(
    { database: serverContext().database },
    { type: 'user', id: session.user.id },
  );
  const [t, format] = await Promise.all([getTranslations('admin'), getFormatter()]);
  const money = moneyIn(format, numbers.mrr.currency);
  const signups30 = numbers.signupsPerDay.reduce((sum, d) => sum + d.count, 0);
  const plans: { key: string; label: string; value: number }[] = (['pro', 'team'] as const).map((key) => ({
    key,
    label: catalog.plans[key].name,
    value: numbers.mrr.byPlan[key],
  }));
  if (numbers.mrr.byPlan.other > 0)
    plans.push({ key: 'other', label: t('numbers.otherPlan'), value: numbers.mrr.byPlan.other });
  const link = (href: string) => (chunks: ReactNode) => (
    <Link href={href} className="underline underline-offset-4">
      {chunks}
    </Link>
  );

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-8" data-testid="admin-numbers">
      <div>
        <p className="text-sm font-medium text-primary">{t('eyebrow')}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('numbers.title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {t.rich('numbers.intro', {
            asOf: () => <LocalTime value={numbers.asOf} />,
            workspaces: link('/admin/workspaces'),
            flags: link('/admin/flags'),
          })}
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t('numbers.mrr')} value={money(numbers.mrr.total)} testId="stat-mrr">
          {t('numbers.arr', { amount: money(numbers.arr) })}
        </Stat>
        <Stat label={t('numbers.churn')} value={money(numbers.churnedMrr30d)} testId="stat-churn">
          {t('numbers.churnHint')}
        </Stat>
        <Stat label={t('numbers.pastDue')} value={format.number(numbers.pastDue)} testId="stat-past-due">
          {t('numbers.pastDueHint')}
        </Stat>
        <Stat
          label={t('numbers.trials')}
          value={t('numbers.trialsStarted', { count: numbers.trials.started30d })}
          testId="stat-trials"
        >
          {t('numbers.trialsConverted', { count: numbers.trials.converted30d })}
        </Stat>
        <Stat
          label={t('numbers.activeWorkspaces')}
          value={`${format.number(numbers.activeWorkspaces.days7)} / ${format.number(numbers.activeWorkspaces.days30)}`}
          testId="stat-active"
        >
          {t('numbers.activeWorkspacesHint')}
        </Stat>
        <Stat
          label={t('numbers.workspaces')}
          value={format.number(numbers.workspaces.total)}
          testId="stat-workspaces"
        >
          {t('numbers.suspended', { count: numbers.workspaces.suspended })}
        </Stat>
        <Stat label={t('numbers.signups')} value={format.number(signups30)} testId="stat-signups">
          {t('numbers.signupsHint')}
        </Stat>
      </div>
      <section className="grid gap-3" aria-label={t('numbers.signupsPerDay')}>
        <h2 className="text-lg font-semibold tracking-tight">{t('numbers.signupsPerDayHeading')}</h2>
        <DailyBars data={numbers.signupsPerDay} label={t('numbers.signupsPerDay')} />
      </section>
      <section className="grid gap-3" aria-label={t('numbers.mrrPerPlan')}>
        <h2 className="text-lg font-semibold tracking-tight">{t('numbers.mrrPerPlan')}</h2>
        <HorizontalBars data={plans} label={t('numbers.mrrPerPlan')} format={money} />
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
