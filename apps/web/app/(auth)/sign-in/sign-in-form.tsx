'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { hasOAuthProviders, OAuthButtons, type OAuthProviders } from '../../../components/auth/oauth-buttons';
import { ResendVerificationButton } from '../../../components/auth/resend-verification-button';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { useValidation } from '../../../lib/use-validation';

type SignInFormProps = {
  /** A path on this site (already checked by the page) to continue to once signed in. */
  next: string;
  providers: OAuthProviders;
  /** `?error=` from a magic link or OAuth round trip that failed. */
  redirectError: string | null;
  /** The address an invitation in `next` was sent to, to start with. */
  initialEmail?: string | undefined;
};

type FieldErrors = { email?: string; password?: string };

/**
 * What a failed magic link or OAuth round trip left in `?error=`: the key of its wording under
 * auth.signIn.redirectErrors.
 */
function redirectErrorKey(
  code: string,
):
  | 'invalidLink'
  | 'noAccount'
  | 'notLinked'
  | 'emailNotVerified'
  | 'state'
  | 'cancelled'
  | 'banned'
  | 'twoFactor'
  | 'other' {
  switch (code) {
    case 'INVALID_TOKEN':
    case 'EXPIRED_TOKEN':
      return 'invalidLink';
    case 'new_user_signup_disabled':
    case 'signup_disabled':
      return 'noAccount';
    case 'account_not_linked':
    case 'unable_to_link_account':
      return 'notLinked';
    case 'email_not_verified':
      return 'emailNotVerified';
    case 'state_mismatch':
    case 'invalid_state':
    case 'please_restart_the_process':
      return 'state';
    case 'access_denied':
      return 'cancelled';
    case 'banned':
    case 'BANNED_USER':
      return 'banned';
    case 'failed_to_create_session':
      // Our session hook refuses a session an email link or provider would create for a person
      // with two-factor on: the second step cannot be skipped.
      return 'twoFactor';
    default:
      return 'other';
  }
}

export function SignInForm({ next, providers, redirectError, initialEmail }: SignInFormProps) {
  const t = useTranslations('auth');
  const tErrors = useTranslations('common.authErrors');
  const check = useValidation();
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState<'password' | 'magic-link' | null>(null);
  const [serverError, setServerError] = useState<{ message: string; code?: string; email: string } | null>(
    null,
  );
  const [magicLinkSentTo, setMagicLinkSentTo] = useState<string | null>(null);
  const [showRedirectError, setShowRedirectError] = useState(redirectError !== null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  function startSubmit(checks: FieldErrors): boolean {
    setServerError(null);
    setShowRedirectError(false);
    setErrors(checks);
    if (checks.email) {
      emailRef.current?.focus();
      return false;
    }
    if (checks.password) {
      passwordRef.current?.focus();
      return false;
    }
    return true;
  }

  async function signInWithPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checks: FieldErrors = {
      email: check.email(email),
      password: check.required(password),
    };
    if (!startSubmit(checks)) return;
    setPending('password');
    const address = email.trim();
    const outcome = await callAuth(authClient.signIn.email({ email: address, password }));
    if (!outcome.ok) {
      setPending(null);
      setServerError({ message: localizedAuthMessage(outcome, tErrors), code: outcome.code, email: address });
      if (outcome.code === 'INVALID_EMAIL_OR_PASSWORD') {
        setPassword('');
        passwordRef.current?.focus();
      }
      return;
    }
    // With 2FA on, the twoFactor client plugin is already on its way to the challenge page.
    if (outcome.data && 'twoFactorRedirect' in outcome.data && outcome.data.twoFactorRedirect) return;
    // A full navigation, so every server component renders with the new session cookie.
    window.location.assign(next);
  }

  async function sendMagicLink() {
    if (!startSubmit({ email: check.email(email) })) return;
    setPending('magic-link');
    const address = email.trim();
    const outcome = await callAuth(
      authClient.signIn.magicLink({
        email: address,
        callbackURL: next,
        // A dead link lands on sign-in with ?error= (said in words above the form) and the same
        // destination, so the new link asked for there still goes where the person was headed.
        errorCallbackURL: `/sign-in?next=${encodeURIComponent(next)}`,
      }),
    );
    setPending(null);
    if (!outcome.ok) {
      setServerError({ message: localizedAuthMessage(outcome, tErrors), code: outcome.code, email: address });
      return;
    }
    setMagicLinkSentTo(address);
  }

  if (magicLinkSentTo) {
    return (
      <div className="grid gap-6" data-testid="magic-link-sent">
        <Alert variant="success" title={t('checkInbox')}>
          {t.rich('signIn.magicLinkSent', {
            email: magicLinkSentTo,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </Alert>
        <Button
          variant="secondary"
          onClick={() => {
            setMagicLinkSentTo(null);
            setPassword('');
          }}
        >
          {t('signIn.back')}
        </Button>
      </div>
    );
  }

  const busy = pending !== null;

  return (
    <div className="grid gap-6">
      {showRedirectError && redirectError ? (
        <Alert variant="destructive">{t(`signIn.redirectErrors.${redirectErrorKey(redirectError)}`)}</Alert>
      ) : null}
      {serverError?.code === 'EMAIL_NOT_VERIFIED' ? (
        <Alert variant="destructive" title={t('signIn.confirmFirstTitle')}>
          <p>
            {t.rich('signIn.confirmFirstBody', {
              email: serverError.email,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <div className="mt-3">
            <ResendVerificationButton email={serverError.email} size="sm" next={next} />
          </div>
        </Alert>
      ) : serverError ? (
        <Alert variant="destructive">{serverError.message}</Alert>
      ) : null}

      {hasOAuthProviders(providers) ? (
        <>
          <OAuthButtons providers={providers} callbackURL={next} />
          <div className="flex items-center gap-3 text-xs text-muted-foreground uppercase" aria-hidden="true">
            <span className="h-px flex-1 bg-border" />
            {t('or')}
            <span className="h-px flex-1 bg-border" />
          </div>
        </>
      ) : null}

      <form noValidate onSubmit={(event) => void signInWithPassword(event)} className="grid gap-5">
        <FormField label={t('email')} error={errors.email} required>
          <Input
            ref={emailRef}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              if (errors.email)
                setErrors((current) => ({ ...current, email: check.email(event.target.value) }));
            }}
          />
        </FormField>
        <div className="grid gap-1.5">
          <FormField label={t('password')} error={errors.password} required>
            <Input
              ref={passwordRef}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                if (errors.password) setErrors((current) => ({ ...current, password: undefined }));
              }}
            />
          </FormField>
          <Link
            href="/forgot-password"
            className="justify-self-end text-xs font-medium text-primary hover:underline"
          >
            {t('signIn.forgot')}
          </Link>
        </div>
        <Button type="submit" className="w-full" loading={pending === 'password'} disabled={busy}>
          {t('signIn.submit')}
        </Button>
        <Button
          variant="secondary"
          className="w-full"
          loading={pending === 'magic-link'}
          disabled={busy}
          onClick={() => void sendMagicLink()}
        >
          {t('signIn.magicLink')}
        </Button>
      </form>
    </div>
  );
}
