'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { useToast } from '../../../../components/ui/toast';
import { authClient } from '../../../../lib/auth-client';
import { callAuth } from '../../../../lib/auth-errors';
import type { ActionError } from '../../../../lib/action-result';
import { useAction } from '../../../../lib/use-action';
import { acceptInvitationAction } from './actions';

type AcceptInvitationFormProps = {
  token: string;
  /** Who is signed in: the invitation only works for the address it was sent to. */
  email: string;
  /** This page, to come back to after switching accounts. */
  returnTo: string;
};

export function AcceptInvitationForm({ token, email, returnTo }: AcceptInvitationFormProps) {
  const router = useRouter();
  const { toast } = useToast();
  const { run, pending } = useAction(acceptInvitationAction);
  const [error, setError] = useState<ActionError | null>(null);
  const [switching, setSwitching] = useState(false);

  async function accept() {
    setError(null);
    const result = await run(token);
    if (!result.ok) return setError(result.error);
    toast({ title: 'Welcome aboard', description: 'You joined the workspace.', variant: 'success' });
    router.push(`/w/${result.data.workspaceSlug}/projects`);
  }

  async function switchAccount() {
    setSwitching(true);
    const outcome = await callAuth(authClient.signOut());
    if (!outcome.ok) {
      setSwitching(false);
      toast({ title: 'Could not sign out', description: outcome.message, variant: 'destructive' });
      return;
    }
    window.location.assign(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  }

  // A wrong account is fixable here; an expired or used link is not (ask for a new one).
  const wrongAccount = error?.code === 'forbidden';

  return (
    <div className="grid gap-4">
      {error ? (
        <Alert variant="destructive" title="The invitation could not be accepted" data-testid="accept-error">
          {error.message}
        </Alert>
      ) : null}
      <p className="text-sm text-muted-foreground">
        You are signed in as <strong className="text-foreground">{email}</strong>.
      </p>
      {error && error.code === 'not_found' ? null : (
        <Button className="w-full" loading={pending} onClick={() => void accept()}>
          Accept invitation
        </Button>
      )}
      <Button
        variant={wrongAccount ? 'primary' : 'secondary'}
        className="w-full"
        loading={switching}
        onClick={() => void switchAccount()}
      >
        Use another account
      </Button>
    </div>
  );
}
