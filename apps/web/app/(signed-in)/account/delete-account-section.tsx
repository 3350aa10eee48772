'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../components/ui/button';
import {
  authErrorMessage,
  localizedAuthMessage,
  type AuthErrorKey,
  type AuthErrorLike,
} from '../../../lib/auth-errors';
import { PasswordConfirmDialog } from './password-confirm-dialog';
import { SettingsSection } from '../../../components/ui/settings-section';

/**
 * DELETE /api/v1/me anonymises the account (the audit trail keeps the id) and ends the session.
 * Answers 204; failures come in the error envelope { error: { code, message } }.
 */
async function deleteAccount(
  password: string,
  hasPassword: boolean,
  t: (key: 'signInAgain' | 'failed') => string,
  tErrors: (key: AuthErrorKey) => string,
): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch('/api/v1/me', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(hasPassword ? { password } : {}),
      credentials: 'same-origin',
    });
  } catch {
    return tErrors('network');
  }
  if (response.ok) {
    window.location.assign('/');
    return null;
  }
  const body = (await response.json().catch(() => null)) as AuthErrorLike | null;
  if (response.status === 401 && !hasPassword) {
    return t('signInAgain');
  }
  const error = { ...body, status: response.status };
  const message = authErrorMessage(error, t('failed'));
  return localizedAuthMessage(
    { code: error.code ?? error.error?.code, status: response.status, message },
    tErrors,
  );
}

export function DeleteAccountSection({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations('account.deleteAccount');
  const tErrors = useTranslations('common.authErrors');
  return (
    <SettingsSection id="delete-account" title={t('title')} description={t('description')} tone="danger">
      <PasswordConfirmDialog
        trigger={<Button variant="destructive">{t('trigger')}</Button>}
        title={t('dialogTitle')}
        description={t('dialogDescription')}
        confirmLabel={t('confirm')}
        destructive
        askPassword={hasPassword}
        onConfirm={(password) => deleteAccount(password, hasPassword, t, tErrors)}
      />
    </SettingsSection>
  );
}
