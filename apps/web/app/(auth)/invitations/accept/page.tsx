import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthHeading } from '../../../../components/auth/auth-heading';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { readRequestSession } from '../../../../lib/workspace-context';
import { AcceptInvitationForm } from './accept-invitation-form';

export const metadata: Metadata = {
  title: 'Accept invitation',
  robots: { index: false, follow: false },
};

type AcceptInvitationPageProps = {
  searchParams: Promise<{ token?: string | string[] }>;
};

/**
 * Where invitation emails link to. Signed out: sign in or create an account, then come back here
 * (both honour `next`, through email verification too). Signed in: one button; core decides.
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

  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const session = await readRequestSession();

  if (!session) {
    return (
      <>
        <AuthHeading
          title="You have been invited"
          description="Sign in or create an account to accept the invitation."
        />
        <div className="grid gap-3">
          <Alert>Use the email address the invitation was sent to.</Alert>
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

  return (
    <>
      <AuthHeading title="Join the workspace" description="You have been invited to a Plinth workspace." />
      <AcceptInvitationForm token={token} email={session.email} returnTo={here} />
    </>
  );
}
