import type { Metadata } from 'next';
import Link from 'next/link';
import type { InvitationPreview } from '@plinth/core/tenancy';
import { AuthHeading } from '../../../../components/auth/auth-heading';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { invitationPreview } from '../../../../lib/invitation-preview';
import { roleLabels } from '../../../../lib/roles';
import { readRequestSession } from '../../../../lib/workspace-context';
import { AcceptInvitationForm } from './accept-invitation-form';

export const metadata: Metadata = {
  title: 'Accept invitation',
  robots: { index: false, follow: false },
};

type AcceptInvitationPageProps = {
  searchParams: Promise<{ token?: string | string[] }>;
};

/** Why a link no longer works, said before anyone signs in (and what to do about it). */
const deadLinks: Record<Exclude<InvitationPreview['state'], 'valid'>, { title: string; body: string }> = {
  invalid: {
    title: 'This invitation link does not work',
    body: 'It may be mistyped, or a newer invitation replaced it. Open the latest invitation email, or ask the person who invited you to send a new one.',
  },
  expired: {
    title: 'This invitation has expired',
    body: 'Invitations work for 7 days. Ask the person who invited you to send a new one.',
  },
  accepted: {
    title: 'This invitation was already accepted',
    body: 'Sign in with the invited address to open the workspace.',
  },
  revoked: {
    title: 'This invitation was withdrawn',
    body: 'The workspace cancelled it. Ask its owners if you think that was a mistake.',
  },
};

/**
 * Where invitation emails link to. Before sign-in it already says who invited which address to
 * which workspace (or why the link is dead), so nobody creates an account for a link that cannot
 * work. Signed out: sign in or create an account with the invited address filled in, then come back
 * here. Signed in: one button; core decides.
 */
export default async function AcceptInvitationPage({ searchParams }: AcceptInvitationPageProps) {
  const { token: rawToken } = await searchParams;
  const token = (Array.isArray(rawToken) ? rawToken[0] : rawToken)?.trim() ?? '';

  if (token === '') {
    return (
      <>
        <AuthHeading title="This link is incomplete" description="The invitation link is missing its code." />
        <Alert>Open the link from the invitation email again, or copy all of it into the address bar.</Alert>
      </>
    );
  }

  const [preview, session] = await Promise.all([invitationPreview(token), readRequestSession()]);
  if (preview.state !== 'valid') {
    const dead = deadLinks[preview.state];
    return (
      <>
        <AuthHeading title={dead.title} description="Nothing was changed." />
        <div className="grid gap-3" data-testid="invitation-state" data-state={preview.state}>
          <Alert variant="destructive">{dead.body}</Alert>
          <Button asChild variant="secondary" className="w-full">
            <Link href={session ? '/app' : '/sign-in'}>{session ? 'Open the app' : 'Sign in'}</Link>
          </Button>
        </div>
      </>
    );
  }

  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const heading = `Join ${preview.workspaceName}`;
  const invitedAs = (
    <>
      <strong className="text-foreground">{preview.inviterName}</strong> invited{' '}
      <strong className="text-foreground">{preview.email}</strong> to join as{' '}
      {roleLabels[preview.role].toLowerCase()}.
    </>
  );

  if (!session) {
    return (
      <>
        <AuthHeading title={heading} description="Sign in or create an account to accept the invitation." />
        <div className="grid gap-3">
          <p className="text-sm text-muted-foreground" data-testid="invitation-context">
            {invitedAs}
          </p>
          <Alert>Use {preview.email}: the invitation works only for that address.</Alert>
          <Button asChild className="w-full">
            <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in to accept</Link>
          </Button>
          <Button asChild variant="secondary" className="w-full">
            <Link href={`/sign-up?next=${encodeURIComponent(here)}`}>Create an account</Link>
          </Button>
        </div>
      </>
    );
  }

  const otherAddress = session.email.trim().toLowerCase() !== preview.email;
  return (
    <>
      <AuthHeading title={heading} description="You have been invited to a workspace." />
      <div className="grid gap-4">
        <p className="text-sm text-muted-foreground" data-testid="invitation-context">
          {invitedAs}
        </p>
        {otherAddress ? (
          <Alert variant="destructive" title="This invitation is for another address">
            It was sent to {preview.email}. Use another account to sign in with that address.
          </Alert>
        ) : null}
        <AcceptInvitationForm token={token} email={session.email} returnTo={here} />
      </div>
    </>
  );
}
