'use client';

import { Button } from '../../../components/ui/button';
import { NETWORK_ERROR_MESSAGE, authErrorMessage, type AuthErrorLike } from '../../../lib/auth-errors';
import { PasswordConfirmDialog } from './password-confirm-dialog';
import { SettingsSection } from '../../../components/ui/settings-section';

/**
 * DELETE /api/v1/me anonymises the account (the audit trail keeps the id) and ends the session.
 * Answers 204; failures come in the error envelope { error: { code, message } }.
 */
async function deleteAccount(password: string, hasPassword: boolean): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch('/api/v1/me', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(hasPassword ? { password } : {}),
      credentials: 'same-origin',
    });
  } catch {
    return NETWORK_ERROR_MESSAGE;
  }
  if (response.ok) {
    window.location.assign('/');
    return null;
  }
  const body = (await response.json().catch(() => null)) as AuthErrorLike | null;
  if (response.status === 401 && !hasPassword) {
    return 'For your security, sign in again, then delete your account within 10 minutes.';
  }
  return authErrorMessage(
    { ...body, status: response.status },
    'Your account could not be deleted. Try again.',
  );
}

export function DeleteAccountSection({ hasPassword }: { hasPassword: boolean }) {
  return (
    <SettingsSection
      id="delete-account"
      title="Delete account"
      description="Remove your personal data and sign you out everywhere. This cannot be undone."
      tone="danger"
    >
      <PasswordConfirmDialog
        trigger={<Button variant="destructive">Delete my account</Button>}
        title="Delete your account?"
        description="Your name and email are erased, you leave every workspace, and all your devices are signed out. This cannot be undone."
        confirmLabel="Delete my account"
        destructive
        askPassword={hasPassword}
        onConfirm={(password) => deleteAccount(password, hasPassword)}
      />
    </SettingsSection>
  );
}
