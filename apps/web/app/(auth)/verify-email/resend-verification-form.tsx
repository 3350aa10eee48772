'use client';

import { useRef, useState, type FormEvent } from 'react';
import { verifyEmailCallback } from '../../../components/auth/resend-verification-button';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth } from '../../../lib/auth-errors';
import { validateEmail } from '../../../lib/validation';

/** For someone signed out with a dead link: ask for a new one by address. */
export function ResendVerificationForm({ next }: { next?: string | null }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = validateEmail(email);
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
      setServerError(outcome.message);
      return;
    }
    setSentTo(address);
  }

  if (sentTo) {
    return (
      <Alert variant="success" title="Check your inbox">
        If <strong>{sentTo}</strong> has an account waiting for confirmation, a new link is on its way.
      </Alert>
    );
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
      {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
      <FormField label="Email" error={error} required>
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
            if (error) setError(validateEmail(event.target.value));
          }}
        />
      </FormField>
      <Button type="submit" className="w-full" loading={pending}>
        Send a new link
      </Button>
    </form>
  );
}
