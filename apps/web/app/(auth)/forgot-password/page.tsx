import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { ForgotPasswordForm } from './forgot-password-form';
import { ClientMessages } from '../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.forgot');
  return { title: t('metaTitle') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('auth.forgot');
  return (
    <>
      <AuthHeading title={t('title')} description={t('description')} />
      <ClientMessages namespaces={['auth']}>
        <ForgotPasswordForm />
      </ClientMessages>
      <p className="mt-8 text-center text-sm text-muted-foreground">
        {t('remembered')}{' '}
        <Link href="/sign-in" className="font-medium text-primary hover:underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
