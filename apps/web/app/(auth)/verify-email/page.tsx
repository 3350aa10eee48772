import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { ResendVerificationButton } from '../../../components/auth/resend-verification-button';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { getSession } from '../../../lib/session';
import { safeNextPath } from '../../../lib/validation';
import { ResendVerificationForm } from './resend-verification-form';
import { ClientMessages } from '../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.verify');
  return { title: t('metaTitle') };
}

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
  const [session, t] = await Promise.all([getSession(), getTranslations('auth.verify')]);
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

  // Confirmed and signed in, with somewhere to continue to: go straight there.
  if (!error && next && session?.user.emailVerified) redirect(next);

  if (error) {
    const expired = error === 'TOKEN_EXPIRED';
    return (
      <>
        <AuthHeading
          title={expired ? t('expiredTitle') : t('invalidTitle')}
          description={expired ? t('expiredBody') : t('invalidBody')}
        />
        {session && !session.user.emailVerified ? (
          <div className="grid gap-2">
            <p className="text-sm text-muted-foreground">
              {t.rich('sendTo', {
                email: session.user.email,
                strong: (chunks) => <strong className="text-foreground">{chunks}</strong>,
              })}
            </p>
            <ClientMessages namespaces={['auth.resend']}>
              <ResendVerificationButton
                email={session.user.email}
                variant="primary"
                label={t('sendNew')}
                next={next ?? undefined}
              />
            </ClientMessages>
          </div>
        ) : (
          <ClientMessages namespaces={['auth']}>
            <ResendVerificationForm next={next} />
          </ClientMessages>
        )}
        <p className="mt-8 text-center text-sm text-muted-foreground">
          {t('alreadyConfirmed')}{' '}
          <Link
            href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}
            className="font-medium text-primary hover:underline"
          >
            {t('signIn')}
          </Link>
        </p>
      </>
    );
  }

  if (session && !session.user.emailVerified) {
    return (
      <>
        <AuthHeading title={t('pendingTitle')} description={t('pendingDescription')} />
        <div className="grid gap-4">
          <Alert>{t.rich('pendingBody', { email: session.user.email, strong })}</Alert>
          <ClientMessages namespaces={['auth.resend']}>
            <ResendVerificationButton email={session.user.email} next={next ?? undefined} />
          </ClientMessages>
        </div>
      </>
    );
  }

  return (
    <>
      <AuthHeading title={t('doneTitle')} description={t('doneDescription')} />
      <div className="grid gap-4" data-testid="email-verified">
        <Alert variant="success" title={t('allSet')}>
          {session ? t.rich('signedInAs', { email: session.user.email, strong }) : t('signInToContinue')}
        </Alert>
        <Button asChild className="w-full">
          {session ? (
            <Link href={next ?? '/app'}>{t('continue')}</Link>
          ) : (
            <Link href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>{t('signIn')}</Link>
          )}
        </Button>
      </div>
    </>
  );
}
