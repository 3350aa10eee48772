'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth } from '../../../lib/auth-errors';
import { PASSWORD_HINT, validateNewPassword } from '../../../lib/validation';

type FieldErrors = { password?: string; confirm?: string };

function validate(password: string, confirm: string): FieldErrors {
  const errors: FieldErrors = {};
  const problem = validateNewPassword(password);
  if (problem) errors.password = problem;
  if (confirm === '') errors.confirm = 'Enter the new password again.';
  else if (confirm !== password) errors.confirm = 'The two passwords do not match.';
  return errors;
}

export function ResetPasswordForm({ token }: { token: string }) {
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
      setServerError({ message: outcome.message, code: outcome.code });
      return;
    }
    setDone(true);
  }

  if (done) {
    return (
      <div className="grid gap-4" data-testid="password-reset-done">
        <Alert variant="success" title="Your password has been changed">
          For your security, every device that was signed in has been signed out.
        </Alert>
        <Button asChild className="w-full">
          <Link href="/sign-in">Sign in</Link>
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
                <Link href="/forgot-password">Request a new link</Link>
              </Button>
            ) : undefined
          }
        >
          {tokenProblem ? 'This reset link has expired or was already used.' : serverError.message}
        </Alert>
      ) : null}
      <FormField label="New password" hint={PASSWORD_HINT} error={errors.password} required>
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
      <FormField label="Confirm new password" error={errors.confirm} required>
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
        Change password
      </Button>
    </form>
  );
}
