import type { Metadata } from 'next';
import { requireStaff } from '../../../../lib/session';
import { BillingEventsTable } from './billing-events-table';
import { statusFilters } from './status-filter';

export const metadata: Metadata = {
  title: 'Billing events · Admin',
  robots: { index: false, follow: false },
};

/** The Stripe webhook inbox for staff: what failed every retry, and a replay for each. */
export default async function AdminBillingEventsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  await requireStaff('/admin/billing-events');
  const asked = (await searchParams).status;
  const initialStatus = statusFilters.find((filter) => filter === asked) ?? 'dead';
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6">
      <div>
        <p className="text-sm font-medium text-primary">Admin</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Billing events</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Every verified Stripe webhook, newest first. Dead ones failed every retry: fix the cause, then
          replay — processing re-syncs the customer from Stripe, so a late replay is always safe.
        </p>
      </div>
      <BillingEventsTable initialStatus={initialStatus} />
    </div>
  );
}
