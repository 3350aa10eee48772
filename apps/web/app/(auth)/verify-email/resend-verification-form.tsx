'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { verifyEmailCallback } from '../../../components/auth/resend-verification-button';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { useValidation } from '../../../lib/use-validation';

/** For someone signed out with a dead link: ask for a new one by address. */
export function ResendVerificationForm({ next }: { next?: string | null }) {
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
      authClient.sendVerificationEmail({ email: address, callbackURL: verifyEmailCallback(next) }),
    );
    setPending(false);
    if (!outcome.ok) {
      setServerError(localizedAuthMessage(outcome, tErrors));
      return;
    }
    setSentTo(address);
  }

  if (sentTo) {
    return (
      <Alert variant="success" title={t('checkInbox')}>
        {t.rich('verify.resentBody', { email: sentTo, strong: (chunks) => <strong>{chunks}</strong> })}
      </Alert>
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
        {t('verify.sendNew')}
      </Button>
    </form>
  );
}
