import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { serverContext } from '@plinth/core/server-context';
import { staffAccess } from '@plinth/core/staff';
import { Alert } from '../../../../components/ui/alert';
import { requireSession } from '../../../../lib/session';
import { safeNextPath } from '../../../../lib/validation';
import { readRequestSession } from '../../../../lib/workspace-context';
import { ReauthenticateForm } from './reauthenticate-form';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('metaSuffix', { page: t('access.metaTitle') }), robots: { index: false, follow: false } };
}

/**
 * Where the staff guard sends staff who may not enter yet (docs/decisions/0031): without 2FA (turn it
 * on, on /account, its two-factor section), or with a sign-in older than 12 hours (password + code here, no new
 * sign-in). Everyone who is not staff gets the same 404 as the staff pages.
 */
export default async function StaffAccessPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const nextParam = typeof params.next === 'string' ? params.next : undefined;
  const next = safeNextPath(nextParam, '/admin/users');
  const returnTo = next.startsWith('/admin') && !next.startsWith('/admin/access') ? next : '/admin/users';
  await requireSession(`/admin/access?next=${encodeURIComponent(returnTo)}`);
  const access = await staffAccess(serverContext().database, await readRequestSession());
  if (!access || (!access.ok && access.reason === 'not_staff')) notFound();
  if (access.ok) redirect(returnTo);
  const t = await getTranslations('admin');

  return (
    <div className="mx-auto grid w-full max-w-lg gap-6">
      <div>
        <p className="text-sm font-medium text-primary">{t('eyebrow')}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">
          {access.reason === '2fa_required' ? t('access.title2fa') : t('access.titleReauth')}
        </h1>
      </div>
      {access.reason === '2fa_required' ? (
        <Alert variant="destructive" title={t('access.twoFactorTitle')} data-testid="staff-2fa-required">
          <p>{t('access.twoFactorBody')}</p>
          <p className="mt-3">
            <Link href="/account#two-factor" className="font-medium underline underline-offset-4">
              {t('access.twoFactorLink')}
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          <Alert title={t('access.reauthTitle')} data-testid="staff-reauth-required">
            {t('access.reauthBody')}
          </Alert>
          <ClientMessages namespaces={['admin.access']}>
            <ReauthenticateForm returnTo={returnTo} />
          </ClientMessages>
        </>
      )}
    </div>
  );
}
