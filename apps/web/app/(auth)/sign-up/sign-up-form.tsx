'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import {
  ResendVerificationButton,
  verifyEmailCallback,
} from '../../../components/auth/resend-verification-button';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { useValidation } from '../../../lib/use-validation';

type Fields = { name: string; email: string; password: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

function validate(fields: Fields, check: ReturnType<typeof useValidation>): FieldErrors {
  const errors: FieldErrors = {};
  const name = check.name(fields.name);
  if (name) errors.name = name;
  const email = check.email(fields.email);
  if (email) errors.email = email;
  const password = check.newPassword(fields.password);
  if (password) errors.password = password;
  return errors;
}

/**
 * `next`: a path on this site (checked by the page) to land on once the email is confirmed;
 * `initialEmail`: the address an invitation in `next` was sent to, to start with.
 */
export function SignUpForm({ next, initialEmail }: { next: string; initialEmail?: string | undefined }) {
  const t = useTranslations('auth');
  const tErrors = useTranslations('common.authErrors');
  const check = useValidation();
  const [fields, setFields] = useState<Fields>({ name: '', email: initialEmail ?? '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [pending, setPending] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; code?: string } | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  function update(field: keyof Fields, value: string) {
    const next = { ...fields, [field]: value };
    setFields(next);
    // Re-check as the person types only after a first submit: no errors before they are done.
    if (attempted) setErrors(validate(next, check));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServerError(null);
    const problems = validate(fields, check);
    setErrors(problems);
    const firstInvalid = (['name', 'email', 'password'] as const).find((field) => problems[field]);
    if (firstInvalid) {
      refs[firstInvalid].current?.focus();
      return;
    }
    setPending(true);
    const email = fields.email.trim();
    const outcome = await callAuth(
      authClient.signUp.email({
        name: fields.name.trim(),
        email,
        password: fields.password,
        callbackURL: verifyEmailCallback(next),
      }),
    );
    setPending(false);
    if (!outcome.ok) {
      const message = localizedAuthMessage(outcome, tErrors);
      setServerError({ message, code: outcome.code });
      if (outcome.code === 'PASSWORD_REJECTED') {
        setErrors({ password: message });
        refs.password.current?.focus();
      }
      return;
    }
    setSentTo(email);
  }

  if (sentTo) {
    return (
      <div className="grid gap-6" data-testid="sign-up-sent">
        <Alert variant="success" title={t('checkInbox')}>
          {t.rich('signUp.sentBody', { email: sentTo, strong: (chunks) => <strong>{chunks}</strong> })}
        </Alert>
        <div className="grid gap-2 text-sm text-muted-foreground">
          <p>{t('signUp.noEmail')}</p>
          <ResendVerificationButton email={sentTo} next={next} />
        </div>
        <p className="text-sm text-muted-foreground">
          {t('signUp.wrongAddress')}{' '}
          <button
            type="button"
            className="cursor-pointer font-medium text-primary hover:underline"
            onClick={() => {
              setSentTo(null);
              setFields((current) => ({ ...current, password: '' }));
              setAttempted(false);
            }}
          >
            {t('signUp.startAgain')}
          </button>
        </p>
      </div>
    );
  }

  const passwordProblem = serverError?.code === 'PASSWORD_REJECTED';
  const alreadyExists = serverError?.code?.startsWith('USER_ALREADY_EXISTS') ?? false;

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
      {serverError && !passwordProblem ? (
        <Alert
          variant="destructive"
          action={
            alreadyExists ? (
              <>
                <Button asChild size="sm" variant="secondary">
                  <Link href={next === '/app' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`}>
                    {t('signUp.signIn')}
                  </Link>
                </Button>
                <Button asChild size="sm" variant="ghost">
                  <Link href="/forgot-password">{t('signUp.resetPassword')}</Link>
                </Button>
              </>
            ) : undefined
          }
        >
          {serverError.message}
        </Alert>
      ) : null}
      <FormField label={t('name')} error={errors.name} required>
        <Input
          ref={refs.name}
          name="name"
          autoComplete="name"
          value={fields.name}
          onChange={(event) => update('name', event.target.value)}
        />
      </FormField>
      <FormField label={t('email')} error={errors.email} required>
        <Input
          ref={refs.email}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          value={fields.email}
          onChange={(event) => update('email', event.target.value)}
        />
      </FormField>
      <FormField label={t('password')} hint={check.passwordHint} error={errors.password} required>
        <Input
          ref={refs.password}
          name="password"
          type="password"
          autoComplete="new-password"
          value={fields.password}
          onChange={(event) => update('password', event.target.value)}
        />
      </FormField>
      <Button type="submit" loading={pending} className="w-full">
        {t('signUp.submit')}
      </Button>
    </form>
  );
}
