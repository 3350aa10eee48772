import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireStaff } from '../../../../lib/session';
import { BillingEventsTable } from './billing-events-table';
import { statusFilters } from './status-filter';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return {
    title: t('metaSuffix', { page: t('billingEvents.metaTitle') }),
    robots: { index: false, follow: false },
  };
}

/** The Stripe webhook inbox for staff: what failed every retry, and a replay for each. */
export default async function AdminBillingEventsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  await requireStaff('/admin/billing-events');
  const asked = (await searchParams).status;
  const initialStatus = statusFilters.find((filter) => filter === asked) ?? 'dead';
  const t = await getTranslations('admin');
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6">
      <div>
        <p className="text-sm font-medium text-primary">{t('eyebrow')}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('billingEvents.title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t('billingEvents.intro')}</p>
      </div>
      <ClientMessages namespaces={['admin']}>
        <BillingEventsTable initialStatus={initialStatus} />
      </ClientMessages>
    </div>
  );
}
