'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

/**
 * Across the top of every workspace page while a payment is overdue (Stripe's past_due: the plan
 * still works, in grace). Everyone sees why; owners and admins get the way to fix it.
 */
export function PastDueBanner({ slug, canManage }: { slug: string; canManage: boolean }) {
  const t = useTranslations('billing.pastDueBanner');
  // The billing page has its own, with the invoice to pay; one banner is enough.
  if (usePathname() === `/w/${slug}/billing`) return null;
  return (
    <div
      role="alert"
      data-testid="workspace-past-due-banner"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm"
    >
      <p>
        <span className="font-semibold">{t('title')}</span> {canManage ? t('manager') : t('member')}
      </p>
      {canManage ? (
        <Link
          href={`/w/${slug}/billing`}
          className="font-medium text-destructive underline-offset-4 hover:underline"
        >
          {t('goToBilling')}
        </Link>
      ) : null}
    </div>
  );
}
