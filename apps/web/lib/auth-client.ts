import { createAuthClient } from 'better-auth/react';
import { adminClient, magicLinkClient, twoFactorClient } from 'better-auth/client/plugins';
import { safeNextPath } from './validation';

export const TWO_FACTOR_PATH = '/sign-in/two-factor';

/**
 * The browser's client for better-auth at /api/auth on this origin (served by Hono, not Next).
 * Only client components import it; server components read the session through lib/session.ts.
 */
export const authClient = createAuthClient({
  plugins: [
    twoFactorClient({
      // A password sign-in for someone with 2FA answers { twoFactorRedirect: true } and sets a
      // short-lived challenge cookie instead of a session: continue on the challenge page, keeping
      // where the person was going.
      onTwoFactorRedirect: () => {
        const next = safeNextPath(new URLSearchParams(window.location.search).get('next'));
        window.location.assign(`${TWO_FACTOR_PATH}?next=${encodeURIComponent(next)}`);
      },
    }),
    magicLinkClient(),
    adminClient(),
  ],
});

export type AuthClient = typeof authClient;
