'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { useToast } from '../../../components/ui/toast';
import { authClient } from '../../../lib/auth-client';
import { callAuth } from '../../../lib/auth-errors';
import { PASSWORD_HINT, validateNewPassword, validateRequired } from '../../../lib/validation';
import { SettingsSection } from '../../../components/ui/settings-section';

type Fields = { current: string; next: string; confirm: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;
const empty: Fields = { current: '', next: '', confirm: '' };

function validate(fields: Fields): FieldErrors {
  const errors: FieldErrors = {};
  const current = validateRequired(fields.current, 'Enter your current password.');
  if (current) errors.current = current;
  const next = validateNewPassword(fields.next);
  if (next) errors.next = next;
  else if (fields.next === fields.current) errors.next = 'Choose a password different from the current one.';
  if (fields.confirm === '') errors.confirm = 'Enter the new password again.';
  else if (fields.confirm !== fields.next) errors.confirm = 'The two passwords do not match.';
  return errors;
}

export function PasswordSection({ hasPassword }: { hasPassword: boolean }) {
  const router = useRouter();
  const { toast } = useToast();
  const [fields, setFields] = useState<Fields>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const refs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };

  function update(field: keyof Fields, value: string) {
    const nextFields = { ...fields, [field]: value };
    setFields(nextFields);
    if (attempted) setErrors(validate(nextFields));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServerError(null);
    const problems = validate(fields);
    setErrors(problems);
    const firstInvalid = (['current', 'next', 'confirm'] as const).find((field) => problems[field]);
    if (firstInvalid) return refs[firstInvalid].current?.focus();
    setPending(true);
    const outcome = await callAuth(
      authClient.changePassword({
        currentPassword: fields.current,
        newPassword: fields.next,
        revokeOtherSessions: signOutOthers,
      }),
    );
    setPending(false);
    if (!outcome.ok) {
      if (outcome.code === 'INVALID_PASSWORD') {
        setErrors({ current: 'That is not your current password.' });
        return refs.current.current?.focus();
      }
      if (outcome.code === 'PASSWORD_REJECTED') {
        setErrors({ next: outcome.message });
        return refs.next.current?.focus();
      }
      return setServerError(outcome.message);
    }
    setFields(empty);
    setErrors({});
    setAttempted(false);
    toast({
      title: 'Password changed',
      description: signOutOthers ? 'Your other devices have been signed out.' : undefined,
      variant: 'success',
    });
    router.refresh();
  }

  if (!hasPassword) {
    return (
      <SettingsSection
        id="password"
        title="Password"
        description="You sign in with an email link or a provider."
      >
        <div className="grid max-w-md gap-3 text-sm text-muted-foreground">
          <p>Your account has no password yet. To add one, request a password link by email.</p>
          <div>
            <Button asChild variant="secondary">
              <Link href="/forgot-password">Set a password</Link>
            </Button>
          </div>
        </div>
      </SettingsSection>
    );
  }

  return (
    <SettingsSection id="password" title="Password" description="Change the password you sign in with.">
      <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-md gap-4">
        {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
        <FormField label="Current password" error={errors.current} required>
          <Input
            ref={refs.current}
            name="current-password"
            type="password"
            autoComplete="current-password"
            value={fields.current}
            onChange={(event) => update('current', event.target.value)}
          />
        </FormField>
        <FormField label="New password" hint={PASSWORD_HINT} error={errors.next} required>
          <Input
            ref={refs.next}
            name="new-password"
            type="password"
            autoComplete="new-password"
            value={fields.next}
            onChange={(event) => update('next', event.target.value)}
          />
        </FormField>
        <FormField label="Confirm new password" error={errors.confirm} required>
          <Input
            ref={refs.confirm}
            name="confirm-password"
            type="password"
            autoComplete="new-password"
            value={fields.confirm}
            onChange={(event) => update('confirm', event.target.value)}
          />
        </FormField>
        <Checkbox
          label="Sign out of all other devices"
          description="Recommended if you think someone else knows your password."
          checked={signOutOthers}
          onChange={(event) => setSignOutOthers(event.target.checked)}
        />
        <div>
          <Button type="submit" loading={pending}>
            Change password
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
