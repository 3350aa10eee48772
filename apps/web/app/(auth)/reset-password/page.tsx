import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ResetPasswordForm } from './reset-password-form';
import { ClientMessages } from '../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.reset');
  return { title: t('metaTitle') };
}

type ResetPasswordPageProps = {
  searchParams: Promise<{ token?: string | string[]; error?: string | string[] }>;
};

/**
 * The reset link goes to /api/auth/reset-password/TOKEN, which redirects here with `?token=` when
 * the token is good and `?error=INVALID_TOKEN` when it is not.
 */
export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const { token, error } = await searchParams;
  const t = await getTranslations('auth.reset');
  if (error || typeof token !== 'string' || token === '') {
    return (
      <>
        <AuthHeading title={t('invalidTitle')} />
        <div className="grid gap-4" data-testid="reset-link-invalid">
          <Alert variant="destructive">{t('invalidBody')}</Alert>
          <Button asChild className="w-full">
            <Link href="/forgot-password">{t('requestNew')}</Link>
          </Button>
        </div>
      </>
    );
  }
  return (
    <>
      <AuthHeading title={t('title')} description={t('description')} />
      <ClientMessages namespaces={['auth.reset']}>
        <ResetPasswordForm token={token} />
      </ClientMessages>
    </>
  );
}
