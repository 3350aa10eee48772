import type { Env } from '../env/index';

/**
 * The origins a cookie-authenticated change may come from (CSRF): APP_URL's own and those listed
 * in AUTH_TRUSTED_ORIGINS, each as `scheme://host[:port]`.
 */
export function trustedOrigins(env: Pick<Env, 'appUrl' | 'auth'>): ReadonlySet<string> {
  return new Set([env.appUrl, ...env.auth.trustedOrigins].map((origin) => new URL(origin).origin));
}

/**
 * Whether a request's Origin header names one of `trusted`. A missing Origin is not trusted:
 * browsers send it on every POST, so only a non-browser client (or a very old browser) omits it,
 * and such a client is not a page of ours.
 */
export function isTrustedOrigin(origin: string | null | undefined, trusted: ReadonlySet<string>): boolean {
  return typeof origin === 'string' && trusted.has(origin);
}
