import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { loadEnv } from '@plinth/core/env';
import type { OAuthProviders } from '../../../components/auth/oauth-buttons';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { invitedEmailFor } from '../../../lib/invitation-preview';
import { getSession } from '../../../lib/session';
import { publicPageMetadata } from '../../../lib/site';
import { safeNextPath } from '../../../lib/validation';
import { SignInForm } from './sign-in-form';
import { ClientMessages } from '../../../i18n/client-messages-provider';

// Public and listed in the sitemap: canonical URL (without ?next=), Open Graph and Twitter tags.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return publicPageMetadata({
    path: '/sign-in',
    title: t('metaTitle'),
    description: t('metaDescription'),
  });
}

type SignInPageProps = {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[] }>;
};

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getSession()) redirect(next);

  // Only configured providers get a button. Secrets stay here: the client sees booleans and names.
  const { auth } = loadEnv();
  const providers: OAuthProviders = {
    github: Boolean(auth.github),
    google: Boolean(auth.google),
    oidc: auth.oidc ? { providerId: auth.oidc.providerId, name: auth.oidc.name } : null,
  };
  const error = typeof params.error === 'string' ? params.error : null;
  const t = await getTranslations('auth.signIn');

  return (
    <>
      <AuthHeading title={t('title')} description={t('description')} />
      <ClientMessages namespaces={['auth']}>
        <SignInForm
          next={next}
          providers={providers}
          redirectError={error}
          initialEmail={await invitedEmailFor(next)}
        />
      </ClientMessages>
      <p className="mt-8 text-center text-sm text-muted-foreground">
        {t('newHere')}{' '}
        <Link
          href={next === '/app' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`}
          className="font-medium text-primary hover:underline"
        >
          {t('createAccount')}
        </Link>
      </p>
    </>
  );
}
