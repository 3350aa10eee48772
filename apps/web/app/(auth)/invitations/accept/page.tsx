import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { InvitationPreview } from '@plinth/core/tenancy';
import { AuthHeading } from '../../../../components/auth/auth-heading';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { invitationPreview } from '../../../../lib/invitation-preview';
import { readRequestSession } from '../../../../lib/workspace-context';
import { AcceptInvitationForm } from './accept-invitation-form';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.invitation');
  return { title: t('metaTitle'), robots: { index: false, follow: false } };
}

type AcceptInvitationPageProps = {
  searchParams: Promise<{ token?: string | string[] }>;
};

/**
 * Why a link no longer works, said before anyone signs in (and what to do about it): the keys of
 * its title and body under auth.invitation.dead.
 */
const deadLinks = {
  invalid: { heading: 'invalidTitle', body: 'invalidBody' },
  expired: { heading: 'expiredTitle', body: 'expiredBody' },
  accepted: { heading: 'acceptedTitle', body: 'acceptedBody' },
  revoked: { heading: 'revokedTitle', body: 'revokedBody' },
} as const satisfies Record<Exclude<InvitationPreview['state'], 'valid'>, { heading: string; body: string }>;

/**
 * Where invitation emails link to. Before sign-in it already says who invited which address to
 * which workspace (or why the link is dead), so nobody creates an account for a link that cannot
 * work. Signed out: sign in or create an account with the invited address filled in, then come back
 * here. Signed in: one button; core decides.
 */
export default async function AcceptInvitationPage({ searchParams }: AcceptInvitationPageProps) {
  const { token: rawToken } = await searchParams;
  const token = (Array.isArray(rawToken) ? rawToken[0] : rawToken)?.trim() ?? '';
  const [t, tRoles] = await Promise.all([
    getTranslations('auth.invitation'),
    getTranslations('common.rolesLower'),
  ]);

  if (token === '') {
    return (
      <>
        <AuthHeading title={t('incompleteTitle')} description={t('incompleteDescription')} />
        <Alert>{t('incompleteBody')}</Alert>
      </>
    );
  }

  const [preview, session] = await Promise.all([invitationPreview(token), readRequestSession()]);
  if (preview.state !== 'valid') {
    const dead = deadLinks[preview.state];
    return (
      <>
        <AuthHeading title={t(`dead.${dead.heading}`)} description={t('nothingChanged')} />
        <div className="grid gap-3" data-testid="invitation-state" data-state={preview.state}>
          <Alert variant="destructive">{t(`dead.${dead.body}`)}</Alert>
          <Button asChild variant="secondary" className="w-full">
            <Link href={session ? '/app' : '/sign-in'}>{session ? t('openApp') : t('signIn')}</Link>
          </Button>
        </div>
      </>
    );
  }

  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const heading = t('heading', { workspace: preview.workspaceName });
  const invitedAs = t.rich('invitedAs', {
    inviter: preview.inviterName,
    email: preview.email,
    role: tRoles(preview.role),
    strong: (chunks) => <strong className="text-foreground">{chunks}</strong>,
  });

  if (!session) {
    return (
      <>
        <AuthHeading title={heading} description={t('signedOutDescription')} />
        <div className="grid gap-3">
          <p className="text-sm text-muted-foreground" data-testid="invitation-context">
            {invitedAs}
          </p>
          <Alert>{t('useAddress', { email: preview.email })}</Alert>
          <Button asChild className="w-full">
            <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>{t('signInToAccept')}</Link>
          </Button>
          <Button asChild variant="secondary" className="w-full">
            <Link href={`/sign-up?next=${encodeURIComponent(here)}`}>{t('createAccount')}</Link>
          </Button>
        </div>
      </>
    );
  }

  const otherAddress = session.email.trim().toLowerCase() !== preview.email;
  return (
    <>
      <AuthHeading title={heading} description={t('signedInDescription')} />
      <div className="grid gap-4">
        <p className="text-sm text-muted-foreground" data-testid="invitation-context">
          {invitedAs}
        </p>
        {otherAddress ? (
          <Alert variant="destructive" title={t('otherAddressTitle')}>
            {t('otherAddressBody', { email: preview.email })}
          </Alert>
        ) : null}
        <ClientMessages namespaces={['auth.invitation']}>
          <AcceptInvitationForm token={token} email={session.email} returnTo={here} />
        </ClientMessages>
      </div>
    </>
  );
}
