import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthHeading } from '../../../../components/auth/auth-heading';
import { getSession } from '../../../../lib/session';
import { safeNextPath } from '../../../../lib/validation';
import { TwoFactorForm } from './two-factor-form';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.twoFactor');
  return { title: t('metaTitle') };
}

type TwoFactorPageProps = {
  searchParams: Promise<{ next?: string | string[] }>;
};

export default async function TwoFactorPage({ searchParams }: TwoFactorPageProps) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  const t = await getTranslations('auth.twoFactor');
  return (
    <>
      <AuthHeading title={t('title')} description={t('description')} />
      <ClientMessages namespaces={['auth.twoFactor']}>
        <TwoFactorForm next={next} />
      </ClientMessages>
    </>
  );
}
