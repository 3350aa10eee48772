import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { ResendVerificationButton } from '../../../components/auth/resend-verification-button';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { getSession } from '../../../lib/session';
import { safeNextPath } from '../../../lib/validation';
import { ResendVerificationForm } from './resend-verification-form';

export const metadata: Metadata = {
  title: 'Confirm your email',
};

type VerifyEmailPageProps = {
  searchParams: Promise<{ error?: string | string[]; next?: string | string[] }>;
};

/**
 * Where verification links land. better-auth checks the token at /api/auth/verify-email, signs the
 * person in, then redirects here; when the token is bad it redirects here with `?error=CODE`.
 */
export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const params = await searchParams;
  const { error } = params;
  // Set when sign-up (or sign-in) started somewhere that wants the person back, e.g. an invitation.
  const next = params.next ? safeNextPath(params.next) : null;
  const session = await getSession();

  // Confirmed and signed in, with somewhere to continue to: go straight there.
  if (!error && next && session?.user.emailVerified) redirect(next);

  if (error) {
    const expired = error === 'TOKEN_EXPIRED';
    return (
      <>
        <AuthHeading
          title={expired ? 'This link has expired' : 'This link is not valid'}
          description={
            expired
              ? 'Confirmation links work for 24 hours. Ask for a new one below.'
              : 'It may have been used already, or copied incompletely. Ask for a new one below.'
          }
        />
        {session && !session.user.emailVerified ? (
          <div className="grid gap-2">
            <p className="text-sm text-muted-foreground">
              We will send it to <strong className="text-foreground">{session.user.email}</strong>.
            </p>
            <ResendVerificationButton
              email={session.user.email}
              variant="primary"
              label="Send a new link"
              next={next ?? undefined}
            />
          </div>
        ) : (
          <ResendVerificationForm next={next} />
        )}
        <p className="mt-8 text-center text-sm text-muted-foreground">
          Already confirmed?{' '}
          <Link
            href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}
            className="font-medium text-primary hover:underline"
          >
            Sign in
          </Link>
        </p>
      </>
    );
  }

  if (session && !session.user.emailVerified) {
    return (
      <>
        <AuthHeading title="Confirm your email" description="One more step before you can use Plinth." />
        <div className="grid gap-4">
          <Alert>
            We sent a confirmation link to <strong>{session.user.email}</strong>. Open it to finish.
          </Alert>
          <ResendVerificationButton email={session.user.email} next={next ?? undefined} />
        </div>
      </>
    );
  }

  return (
    <>
      <AuthHeading title="Your email is confirmed" description="Thanks — your address is verified." />
      <div className="grid gap-4" data-testid="email-verified">
        <Alert variant="success" title="All set">
          {session ? (
            <>
              You are signed in as <strong>{session.user.email}</strong>.
            </>
          ) : (
            'Sign in to continue.'
          )}
        </Alert>
        <Button asChild className="w-full">
          {session ? (
            <Link href={next ?? '/app'}>Continue to your workspace</Link>
          ) : (
            <Link href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>Sign in</Link>
          )}
        </Button>
      </div>
    </>
  );
}
