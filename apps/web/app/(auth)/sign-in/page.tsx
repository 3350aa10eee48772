import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { loadEnv } from '@plinth/core/env';
import type { OAuthProviders } from '../../../components/auth/oauth-buttons';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { invitedEmailFor } from '../../../lib/invitation-preview';
import { getSession } from '../../../lib/session';
import { publicPageMetadata } from '../../../lib/site';
import { safeNextPath } from '../../../lib/validation';
import { SignInForm } from './sign-in-form';

// Public and listed in the sitemap: canonical URL (without ?next=), Open Graph and Twitter tags.
export function generateMetadata(): Promise<Metadata> {
  return publicPageMetadata({
    path: '/sign-in',
    title: 'Sign in',
    description: 'Sign in to your workspaces.',
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

  return (
    <>
      <AuthHeading title="Sign in" description="Welcome back. Sign in to your Plinth account." />
      <SignInForm
        next={next}
        providers={providers}
        redirectError={error}
        initialEmail={await invitedEmailFor(next)}
      />
      <p className="mt-8 text-center text-sm text-muted-foreground">
        New here?{' '}
        <Link
          href={next === '/app' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`}
          className="font-medium text-primary hover:underline"
        >
          Create an account
        </Link>
      </p>
    </>
  );
}
