'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { authClient } from '../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../lib/auth-errors';
import { Button, type ButtonProps } from '../ui/button';

/** Where verification links land: a page that can show both success and "link expired". */
export const VERIFY_EMAIL_CALLBACK = '/verify-email';

/**
 * The verification link's landing page, carrying where to continue afterwards (an invitation, the
 * page that asked for sign-in). better-auth appends `?error=` properly to a URL with a query.
 */
export function verifyEmailCallback(next: string | null | undefined): string {
  return next && next !== '/app'
    ? `${VERIFY_EMAIL_CALLBACK}?next=${encodeURIComponent(next)}`
    : VERIFY_EMAIL_CALLBACK;
}

// A short pause between resends: the API allows three verification emails per address per hour,
// so a double click should not spend two of them.
const COOLDOWN_SECONDS = 30;

type ResendVerificationButtonProps = {
  email: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  /** The button's words; the catalog's auth.resend.label by default. */
  label?: string;
  /** Where to continue after confirming (see verifyEmailCallback). */
  next?: string;
};

export function ResendVerificationButton({
  email,
  variant = 'secondary',
  size = 'md',
  label: givenLabel,
  next,
}: ResendVerificationButtonProps) {
  const t = useTranslations('auth.resend');
  const tErrors = useTranslations('common.authErrors');
  const label = givenLabel ?? t('label');
  const [pending, setPending] = useState(false);
  const [cooldown, setCooldown] = useState(0);
  const [status, setStatus] = useState<{ kind: 'sent' | 'error'; message: string } | null>(null);

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = setTimeout(() => setCooldown((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  async function resend() {
    setPending(true);
    setStatus(null);
    const outcome = await callAuth(
      authClient.sendVerificationEmail({ email, callbackURL: verifyEmailCallback(next) }),
    );
    setPending(false);
    if (outcome.ok) {
      setStatus({ kind: 'sent', message: t('sent', { email }) });
      setCooldown(COOLDOWN_SECONDS);
    } else {
      setStatus({ kind: 'error', message: localizedAuthMessage(outcome, tErrors) });
    }
  }

  return (
    <div className="grid gap-2">
      <Button
        variant={variant}
        size={size}
        loading={pending}
        disabled={cooldown > 0}
        onClick={() => void resend()}
      >
        {cooldown > 0 ? t('cooldown', { label, seconds: cooldown }) : label}
      </Button>
      <p
        role={status?.kind === 'error' ? 'alert' : 'status'}
        className={
          status?.kind === 'error' ? 'text-xs font-medium text-destructive' : 'text-xs text-muted-foreground'
        }
      >
        {status?.message ?? ''}
      </p>
    </div>
  );
}
