import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { invitedEmailFor } from '../../../lib/invitation-preview';
import { getSession } from '../../../lib/session';
import { publicPageMetadata } from '../../../lib/site';
import { safeNextPath } from '../../../lib/validation';
import { SignUpForm } from './sign-up-form';

// Public and listed in the sitemap: canonical URL (without ?next=), Open Graph and Twitter tags.
export function generateMetadata(): Promise<Metadata> {
  return publicPageMetadata({
    path: '/sign-up',
    title: 'Create an account',
    description: 'Create an account and your first workspace.',
  });
}

type SignUpPageProps = {
  searchParams: Promise<{ next?: string | string[] }>;
};

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  // Where to continue once the account exists and the email is confirmed (e.g. an invitation).
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  return (
    <>
      <AuthHeading title="Create your account" description="Start with your name, email and a password." />
      <SignUpForm next={next} initialEmail={await invitedEmailFor(next)} />
      <p className="mt-8 text-center text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link
          href={next === '/app' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`}
          className="font-medium text-primary hover:underline"
        >
          Sign in
        </Link>
      </p>
    </>
  );
}
