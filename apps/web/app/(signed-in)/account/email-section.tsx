'use client';

import { useRef, useState, type FormEvent } from 'react';
import { ResendVerificationButton } from '../../../components/auth/resend-verification-button';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth } from '../../../lib/auth-errors';
import { validateEmail } from '../../../lib/validation';
import { SettingsSection } from '../../../components/ui/settings-section';

function validateNewEmail(value: string, current: string): string | undefined {
  const problem = validateEmail(value);
  if (problem) return problem;
  if (value.trim().toLowerCase() === current.toLowerCase()) return 'This is already your email address.';
  return undefined;
}

export function EmailSection({ email, verified }: { email: string; verified: boolean }) {
  const [newEmail, setNewEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = validateNewEmail(newEmail, email);
    setError(problem);
    if (problem) return inputRef.current?.focus();
    setPending(true);
    const address = newEmail.trim();
    const outcome = await callAuth(authClient.changeEmail({ newEmail: address, callbackURL: '/account' }));
    setPending(false);
    if (!outcome.ok) return setServerError(outcome.message);
    setSentTo(address);
    setNewEmail('');
  }

  return (
    <SettingsSection
      id="email"
      title="Email address"
      description="You sign in with this address, and we send account email to it."
    >
      <div className="grid gap-5">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium" data-testid="current-email">
            {email}
          </span>
          {verified ? (
            <Badge variant="success">Verified</Badge>
          ) : (
            <Badge variant="destructive">Not verified</Badge>
          )}
        </div>
        {verified ? null : (
          <div className="max-w-md">
            <ResendVerificationButton email={email} size="sm" />
          </div>
        )}
        {sentTo ? (
          <Alert variant="success" title="Confirm the new address">
            We sent a link to <strong>{sentTo}</strong>. Your email changes once you open it.
          </Alert>
        ) : null}
        <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-md gap-4">
          {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
          <FormField label="New email address" error={error} hint="We will ask you to confirm it first.">
            <Input
              ref={inputRef}
              name="new-email"
              type="email"
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              value={newEmail}
              onChange={(event) => {
                setNewEmail(event.target.value);
                if (error) setError(validateNewEmail(event.target.value, email));
              }}
            />
          </FormField>
          <div>
            <Button type="submit" variant="secondary" loading={pending}>
              Change email
            </Button>
          </div>
        </form>
      </div>
    </SettingsSection>
  );
}
