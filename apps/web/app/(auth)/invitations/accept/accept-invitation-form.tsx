'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { useToast } from '../../../../components/ui/toast';
import { authClient } from '../../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../../lib/auth-errors';
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
  const t = useTranslations('auth.invitation');
  const tErrors = useTranslations('common.authErrors');
  const { run, pending } = useAction(acceptInvitationAction);
  const [error, setError] = useState<ActionError | null>(null);
  const [switching, setSwitching] = useState(false);

  async function accept() {
    setError(null);
    const result = await run(token);
    if (!result.ok) return setError(result.error);
    toast({ title: t('welcomeTitle'), description: t('welcomeBody'), variant: 'success' });
    router.push(`/w/${result.data.workspaceSlug}/projects`);
  }

  async function switchAccount() {
    setSwitching(true);
    const outcome = await callAuth(authClient.signOut());
    if (!outcome.ok) {
      setSwitching(false);
      toast({
        title: t('signOutFailed'),
        description: localizedAuthMessage(outcome, tErrors),
        variant: 'destructive',
      });
      return;
    }
    window.location.assign(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  }

  // A wrong account is fixable here; an expired or used link is not (ask for a new one).
  const wrongAccount = error?.code === 'forbidden';

  return (
    <div className="grid gap-4">
      {error ? (
        <Alert variant="destructive" title={t('acceptFailed')} data-testid="accept-error">
          {error.message}
        </Alert>
      ) : null}
      <p className="text-sm text-muted-foreground">
        {t.rich('signedInAs', {
          email,
          strong: (chunks) => <strong className="text-foreground">{chunks}</strong>,
        })}
      </p>
      {error && error.code === 'not_found' ? null : (
        <Button className="w-full" loading={pending} onClick={() => void accept()}>
          {t('accept')}
        </Button>
      )}
      <Button
        variant={wrongAccount ? 'primary' : 'secondary'}
        className="w-full"
        loading={switching}
        onClick={() => void switchAccount()}
      >
        {t('otherAccount')}
      </Button>
    </div>
  );
}
