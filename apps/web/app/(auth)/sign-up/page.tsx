import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { invitedEmailFor } from '../../../lib/invitation-preview';
import { getSession } from '../../../lib/session';
import { publicPageMetadata } from '../../../lib/site';
import { safeNextPath } from '../../../lib/validation';
import { SignUpForm } from './sign-up-form';
import { ClientMessages } from '../../../i18n/client-messages-provider';

// Public and listed in the sitemap: canonical URL (without ?next=), Open Graph and Twitter tags.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signUp');
  return publicPageMetadata({
    path: '/sign-up',
    title: t('metaTitle'),
    description: t('metaDescription'),
  });
}

type SignUpPageProps = {
  searchParams: Promise<{ next?: string | string[] }>;
};

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  // Where to continue once the account exists and the email is confirmed (e.g. an invitation).
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  const t = await getTranslations('auth.signUp');
  return (
    <>
      <AuthHeading title={t('title')} description={t('description')} />
      <ClientMessages namespaces={['auth']}>
        <SignUpForm next={next} initialEmail={await invitedEmailFor(next)} />
      </ClientMessages>
      <p className="mt-8 text-center text-sm text-muted-foreground">
        {t('haveAccount')}{' '}
        <Link
          href={next === '/app' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`}
          className="font-medium text-primary hover:underline"
        >
          {t('signIn')}
        </Link>
      </p>
    </>
  );
}
