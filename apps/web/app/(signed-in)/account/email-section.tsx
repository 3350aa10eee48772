'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { ResendVerificationButton } from '../../../components/auth/resend-verification-button';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { useValidation } from '../../../lib/use-validation';
import { SettingsSection } from '../../../components/ui/settings-section';

/** Where both email-change links land (the account page says what happened). */
const EMAIL_LINK_CALLBACK = '/account?email-link=1';

type Fields = { email: string; password: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

/** The form's checks, worded by the caller: `words` are its translated messages. */
function validate(
  fields: Fields,
  current: string,
  hasPassword: boolean,
  words: { email(value: string): string | undefined; sameAddress: string; passwordRequired: string },
): FieldErrors {
  const errors: FieldErrors = {};
  const email = words.email(fields.email);
  if (email) errors.email = email;
  else if (fields.email.trim().toLowerCase() === current.toLowerCase()) {
    errors.email = words.sameAddress;
  }
  if (hasPassword && fields.password.trim() === '') errors.password = words.passwordRequired;
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
  const t = useTranslations('account');
  const tErrors = useTranslations('common.authErrors');
  const check = useValidation();
  const words = {
    email: check.email,
    sameAddress: t('email.sameAddress'),
    passwordRequired: t('currentPasswordRequired'),
  };
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
    if (attempted) setErrors(validate(next, email, hasPassword, words));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServerError(null);
    const problems = validate(fields, email, hasPassword, words);
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
      return setServerError({
        message: localizedAuthMessage(outcome, tErrors),
        signInAgain: outcome.status === 401,
      });
    }
    setRequested(address);
    setFields({ email: '', password: '' });
    setErrors({});
    setAttempted(false);
  }

  return (
    <SettingsSection id="email" title={t('email.title')} description={t('email.description')}>
      <div className="grid gap-5">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium" data-testid="current-email">
            {email}
          </span>
          {verified ? (
            <Badge variant="success">{t('email.verified')}</Badge>
          ) : (
            <Badge variant="destructive">{t('email.notVerified')}</Badge>
          )}
        </div>
        {verified ? null : (
          <div className="max-w-md">
            <ResendVerificationButton email={email} size="sm" />
          </div>
        )}
        {requested ? (
          <Alert variant="success" title={t('email.requestedTitle')}>
            {t.rich('email.requestedBody', {
              email,
              newEmail: requested,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </Alert>
        ) : null}
        {impersonating ? (
          <Alert variant="info" title={t('email.impersonatingTitle')}>
            {t('email.impersonatingBody')}
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
                      {t('signInAgain')}
                    </Link>
                  </>
                ) : null}
              </Alert>
            ) : null}
            <FormField label={t('email.newEmail')} error={errors.email} hint={t('email.newEmailHint')}>
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
              <FormField label={t('currentPassword')} error={errors.password} required>
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
              <p className="text-sm text-muted-foreground">{t('email.freshSignIn')}</p>
            )}
            <div>
              <Button type="submit" variant="secondary" loading={pending}>
                {t('email.submit')}
              </Button>
            </div>
          </form>
        )}
      </div>
    </SettingsSection>
  );
}
