'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { authClient } from '../../lib/auth-client';
import { callAuth } from '../../lib/auth-errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** Which providers are configured; the server page reads them from the environment. */
export type OAuthProviders = {
  github: boolean;
  google: boolean;
  /** A generic OIDC provider (better-auth's genericOAuth), with the name to show on its button. */
  oidc: { providerId: string; name: string } | null;
};

export function hasOAuthProviders(providers: OAuthProviders): boolean {
  return providers.github || providers.google || providers.oidc !== null;
}

export function OAuthButtons({ providers, callbackURL }: { providers: OAuthProviders; callbackURL: string }) {
  const [pendingProvider, setPendingProvider] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useTranslations('auth.oauth');

  async function signInWith(provider: string) {
    setPendingProvider(provider);
    setError(null);
    // In better-auth 1.7 a genericOAuth provider is a social provider like the built-in ones:
    // signIn.social with its providerId. The answer is a redirect the client follows.
    const outcome = await callAuth(
      authClient.signIn.social({
        provider,
        callbackURL,
        errorCallbackURL: '/sign-in',
        newUserCallbackURL: callbackURL,
      }),
    );
    if (!outcome.ok) {
      setPendingProvider(null);
      setError(outcome.message);
    }
  }

  const buttons: { id: string; label: string; icon: ReactNode }[] = [];
  if (providers.github)
    buttons.push({ id: 'github', label: t('continueWith', { provider: 'GitHub' }), icon: <GitHubIcon /> });
  if (providers.google)
    buttons.push({ id: 'google', label: t('continueWith', { provider: 'Google' }), icon: <GoogleIcon /> });
  if (providers.oidc) {
    buttons.push({
      id: providers.oidc.providerId,
      label: t('continueWith', { provider: providers.oidc.name }),
      icon: <KeyIcon />,
    });
  }

  return (
    <div className="grid gap-2">
      {buttons.map((button) => (
        <Button
          key={button.id}
          variant="secondary"
          className="w-full"
          loading={pendingProvider === button.id}
          disabled={pendingProvider !== null && pendingProvider !== button.id}
          onClick={() => void signInWith(button.id)}
        >
          {pendingProvider === button.id ? null : button.icon}
          {button.label}
        </Button>
      ))}
      {error ? <Alert variant="destructive">{error}</Alert> : null}
    </div>
  );
}

function GitHubIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-current">
      <path d="M12 .5a11.5 11.5 0 0 0-3.64 22.41c.58.1.79-.25.79-.56v-2c-3.2.7-3.88-1.37-3.88-1.37-.53-1.33-1.28-1.69-1.28-1.69-1.05-.71.08-.7.08-.7 1.16.08 1.77 1.19 1.77 1.19 1.03 1.77 2.7 1.26 3.36.96.1-.75.4-1.26.73-1.55-2.55-.29-5.24-1.28-5.24-5.68 0-1.26.45-2.28 1.19-3.09-.12-.29-.52-1.46.11-3.04 0 0 .97-.31 3.17 1.18a11 11 0 0 1 5.77 0c2.2-1.49 3.17-1.18 3.17-1.18.63 1.58.23 2.75.11 3.04.74.81 1.19 1.83 1.19 3.09 0 4.41-2.69 5.39-5.26 5.67.41.36.78 1.06.78 2.14v3.17c0 .31.21.67.8.56A11.5 11.5 0 0 0 12 .5Z" />
    </svg>
  );
}

function GoogleIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4">
      <path
        fill="#4285F4"
        d="M23.5 12.27c0-.82-.07-1.6-.2-2.36H12v4.47h6.46a5.52 5.52 0 0 1-2.4 3.62v3h3.88c2.27-2.09 3.56-5.17 3.56-8.73Z"
      />
      <path
        fill="#34A853"
        d="M12 24c3.24 0 5.96-1.07 7.94-2.9l-3.88-3c-1.07.72-2.45 1.15-4.06 1.15-3.12 0-5.77-2.11-6.71-4.95H1.28v3.1A12 12 0 0 0 12 24Z"
      />
      <path fill="#FBBC05" d="M5.29 14.3a7.2 7.2 0 0 1 0-4.6V6.6H1.28a12 12 0 0 0 0 10.8l4.01-3.1Z" />
      <path
        fill="#EA4335"
        d="M12 4.75c1.76 0 3.34.61 4.59 1.8l3.44-3.44A11.96 11.96 0 0 0 1.28 6.6l4.01 3.1C6.23 6.86 8.88 4.75 12 4.75Z"
      />
    </svg>
  );
}

function KeyIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-4"
    >
      <circle cx="7.5" cy="15.5" r="4.5" />
      <path d="m10.7 12.3 9.8-9.8M16 7l3 3M14 9l2 2" />
    </svg>
  );
}
