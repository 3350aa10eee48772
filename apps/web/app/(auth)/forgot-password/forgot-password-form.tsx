'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { useValidation } from '../../../lib/use-validation';

export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const tErrors = useTranslations('common.authErrors');
  const check = useValidation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = check.email(email);
    setError(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    const address = email.trim();
    const outcome = await callAuth(
      authClient.requestPasswordReset({ email: address, redirectTo: '/reset-password' }),
    );
    setPending(false);
    // The answer must not reveal whether an account exists, so only failures that say nothing
    // about the address (rate limit, outage) are shown; everything else reads as "sent".
    if (!outcome.ok && (outcome.status === undefined || outcome.status === 429 || outcome.status >= 500)) {
      setServerError(localizedAuthMessage(outcome, tErrors));
      return;
    }
    setSentTo(address);
  }

  if (sentTo) {
    return (
      <div className="grid gap-4" data-testid="reset-requested">
        <Alert variant="success" title={t('checkInbox')}>
          {t.rich('forgot.sentBody', { email: sentTo, strong: (chunks) => <strong>{chunks}</strong> })}
        </Alert>
        <Button variant="secondary" onClick={() => setSentTo(null)}>
          {t('forgot.differentEmail')}
        </Button>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
      {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
      <FormField label={t('email')} error={error} required>
        <Input
          ref={inputRef}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            if (error) setError(check.email(event.target.value));
          }}
        />
      </FormField>
      <Button type="submit" className="w-full" loading={pending}>
        {t('forgot.submit')}
      </Button>
    </form>
  );
}
