'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { useValidation } from '../../../lib/use-validation';

type FieldErrors = { password?: string; confirm?: string };

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('auth.reset');
  const tErrors = useTranslations('common.authErrors');
  const check = useValidation();
  function validate(password: string, confirm: string): FieldErrors {
    const errors: FieldErrors = {};
    const problem = check.newPassword(password);
    if (problem) errors.password = problem;
    if (confirm === '') errors.confirm = t('confirmRequired');
    else if (confirm !== password) errors.confirm = t('mismatch');
    return errors;
  }
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; code?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServerError(null);
    const problems = validate(password, confirm);
    setErrors(problems);
    if (problems.password) return passwordRef.current?.focus();
    if (problems.confirm) return confirmRef.current?.focus();
    setPending(true);
    const outcome = await callAuth(authClient.resetPassword({ newPassword: password, token }));
    setPending(false);
    if (!outcome.ok) {
      if (outcome.code === 'PASSWORD_REJECTED') {
        setErrors({ password: outcome.message });
        passwordRef.current?.focus();
        return;
      }
      setServerError({ message: localizedAuthMessage(outcome, tErrors), code: outcome.code });
      return;
    }
    setDone(true);
  }

  if (done) {
    return (
      <div className="grid gap-4" data-testid="password-reset-done">
        <Alert variant="success" title={t('doneTitle')}>
          {t('doneBody')}
        </Alert>
        <Button asChild className="w-full">
          <Link href="/sign-in">{t('signIn')}</Link>
        </Button>
      </div>
    );
  }

  const tokenProblem = serverError?.code === 'INVALID_TOKEN';

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
      {serverError ? (
        <Alert
          variant="destructive"
          action={
            tokenProblem ? (
              <Button asChild size="sm" variant="secondary">
                <Link href="/forgot-password">{t('requestNew')}</Link>
              </Button>
            ) : undefined
          }
        >
          {tokenProblem ? t('tokenExpired') : serverError.message}
        </Alert>
      ) : null}
      <FormField label={t('newPassword')} hint={check.passwordHint} error={errors.password} required>
        <Input
          ref={passwordRef}
          name="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            if (attempted) setErrors(validate(event.target.value, confirm));
          }}
        />
      </FormField>
      <FormField label={t('confirmPassword')} error={errors.confirm} required>
        <Input
          ref={confirmRef}
          name="confirm-password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(event) => {
            setConfirm(event.target.value);
            if (attempted) setErrors(validate(password, event.target.value));
          }}
        />
      </FormField>
      <Button type="submit" className="w-full" loading={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
