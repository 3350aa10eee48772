'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import { ResendVerificationButton } from '../../../components/auth/resend-verification-button';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth } from '../../../lib/auth-errors';
import { validateEmail, validateRequired } from '../../../lib/validation';
import { SettingsSection } from '../../../components/ui/settings-section';

/** Where both email-change links land (the account page says what happened). */
const EMAIL_LINK_CALLBACK = '/account?email-link=1';

type Fields = { email: string; password: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

function validate(fields: Fields, current: string, hasPassword: boolean): FieldErrors {
  const errors: FieldErrors = {};
  const email = validateEmail(fields.email);
  if (email) errors.email = email;
  else if (fields.email.trim().toLowerCase() === current.toLowerCase()) {
    errors.email = 'This is already your email address.';
  }
  if (hasPassword) {
    const password = validateRequired(fields.password, 'Enter your current password.');
    if (password) errors.password = password;
  }
  return errors;
}

type EmailSectionProps = {
  email: string;
  verified: boolean;
  /** With a password, the change needs it; without one, a sign-in within the last ten minutes. */
  hasPassword: boolean;
  /** A staff member signed in as this person: the server refuses email changes. */
  impersonating: boolean;
};

/**
 * Changing the sign-in address: the current password (or a fresh sign-in) proves it is the owner,
 * then the current address approves the change by mail, then the new one confirms it.
 */
export function EmailSection({ email, verified, hasPassword, impersonating }: EmailSectionProps) {
  const [fields, setFields] = useState<Fields>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; signInAgain: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const [requested, setRequested] = useState<string | null>(null);
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  function update(field: keyof Fields, value: string) {
    const next = { ...fields, [field]: value };
    setFields(next);
    if (attempted) setErrors(validate(next, email, hasPassword));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServerError(null);
    const problems = validate(fields, email, hasPassword);
    setErrors(problems);
    const firstInvalid = (['email', 'password'] as const).find((field) => problems[field]);
    if (firstInvalid) return refs[firstInvalid].current?.focus();
    setPending(true);
    const address = fields.email.trim();
    const outcome = await callAuth(
      authClient.$fetch<{ status: boolean }>('/change-email', {
        method: 'POST',
        body: {
          newEmail: address,
          callbackURL: EMAIL_LINK_CALLBACK,
          ...(hasPassword ? { currentPassword: fields.password } : {}),
        },
      }),
    );
    setPending(false);
    if (!outcome.ok) {
      const fieldErrors: FieldErrors = {};
      if (outcome.fields.currentPassword) fieldErrors.password = outcome.fields.currentPassword;
      if (outcome.fields.newEmail) fieldErrors.email = outcome.fields.newEmail;
      if (fieldErrors.password || fieldErrors.email) {
        setErrors(fieldErrors);
        return refs[fieldErrors.password ? 'password' : 'email'].current?.focus();
      }
      return setServerError({ message: outcome.message, signInAgain: outcome.status === 401 });
    }
    setRequested(address);
    setFields({ email: '', password: '' });
    setErrors({});
    setAttempted(false);
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
        {requested ? (
          <Alert variant="success" title="Approve the change from your current inbox">
            We sent a link to <strong>{email}</strong>. Once you open it, we send a confirmation link to{' '}
            <strong>{requested}</strong>; your email changes when you open that one.
          </Alert>
        ) : null}
        {impersonating ? (
          <Alert variant="info" title="Not while impersonating">
            Staff cannot change the email address of an account they are signed in to as someone else.
          </Alert>
        ) : (
          <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-md gap-4">
            {serverError ? (
              <Alert variant="destructive">
                {serverError.message}
                {serverError.signInAgain ? (
                  <>
                    {' '}
                    <Link className="font-medium underline" href="/sign-in?next=%2Faccount%23email">
                      Sign in again
                    </Link>
                  </>
                ) : null}
              </Alert>
            ) : null}
            <FormField
              label="New email address"
              error={errors.email}
              hint="Your current address approves the change first, then the new one confirms it."
            >
              <Input
                ref={refs.email}
                name="new-email"
                type="email"
                autoComplete="email"
                inputMode="email"
                spellCheck={false}
                value={fields.email}
                onChange={(event) => update('email', event.target.value)}
              />
            </FormField>
            {hasPassword ? (
              <FormField label="Current password" error={errors.password} required>
                <Input
                  ref={refs.password}
                  name="email-current-password"
                  type="password"
                  autoComplete="current-password"
                  value={fields.password}
                  onChange={(event) => update('password', event.target.value)}
                />
              </FormField>
            ) : (
              <p className="text-sm text-muted-foreground">
                For your security, this works within ten minutes of signing in.
              </p>
            )}
            <div>
              <Button type="submit" variant="secondary" loading={pending}>
                Change email
              </Button>
            </div>
          </form>
        )}
      </div>
    </SettingsSection>
  );
}
