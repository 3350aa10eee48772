import { identityRateLimits as limits, type RateLimitRule } from '../rate-limit/index';

export type AuthMethod = 'GET' | 'POST';

/** What our edge checks on one better-auth endpoint before (and after) it runs. */
export interface AuthEndpointRules {
  /** Counted per client address block before the endpoint runs. */
  byIp?: RateLimitRule;
  /** Counted per hashed `email` of the body before the endpoint runs. */
  byEmail?: RateLimitRule;
  /** The sign-in step the account lockout guards: checked before, failures (401) counted after. */
  signInStep?: 'password' | 'second-factor';
  /**
   * Changes how the account is reached or proven (its email, password, second factor): a
   * staff member impersonating the person may not, however short the impersonation.
   */
  changesCredentials?: boolean;
  /** Needs the current password (`currentPassword`), or a sign-in within the last ten minutes. */
  confirmsIdentity?: boolean;
  /**
   * better-auth checks the signed-in person's current password here: a wrong one (its
   * `INVALID_PASSWORD`) is a guess by whoever holds the session, counted towards the lockout.
   */
  checksPassword?: boolean;
  /** 200 answers are replaced by one fixed body, so they cannot tell a taken email from a new one. */
  uniformAnswer?: boolean;
  /** A staff action: one audit row per success, the staff member as actor (audit-auth-events.ts). */
  staffAudit?: string;
  /**
   * Behind the staff guard (packages/core/src/staff): staff role, 2FA on, a sign-in within 12 hours;
   * 404 / 403 staff_2fa_required / 403 staff_reauth_required otherwise.
   */
  staffOnly?: boolean;
  /**
   * A POST an impersonation session may make without an elevation (signing out, stopping the
   * impersonation). Every other POST by one is refused (403 impersonation_read_only) unless elevated.
   */
  allowedWhileImpersonating?: boolean;
}

export interface AuthEndpoint {
  method: AuthMethod;
  /** better-auth's path under /api/auth; `:name` is one path segment. */
  path: string;
  rules: AuthEndpointRules;
}

/**
 * The product's auth surface: every better-auth endpoint a page, a mail link or an identity
 * provider uses, with the rules our edge applies to it (besides the ones every request gets: the
 * input checks of auth-input.ts, and the password policy on whichever field sets a new password,
 * password-policy.ts). Anything better-auth serves that is not
 * here (the admin plugin's create-user, set-role, set-user-password…, link-social, get-access-token,
 * update-session…) is refused with 404 at the edge and, as a second line, inside better-auth
 * (create-auth.ts). To use another endpoint, add it here with its rules; the tests in
 * tests/identity/auth-edge-*.test.ts sweep every entry.
 */
export const authSurface: readonly AuthEndpoint[] = [
  // Sessions and the account page.
  { method: 'GET', path: '/get-session', rules: {} },
  { method: 'GET', path: '/list-sessions', rules: {} },
  { method: 'GET', path: '/list-accounts', rules: {} },
  { method: 'POST', path: '/sign-out', rules: { allowedWhileImpersonating: true } },
  { method: 'POST', path: '/revoke-session', rules: {} },
  { method: 'POST', path: '/revoke-other-sessions', rules: {} },
  { method: 'POST', path: '/update-user', rules: {} },
  {
    method: 'POST',
    path: '/change-email',
    rules: { changesCredentials: true, confirmsIdentity: true },
  },
  { method: 'POST', path: '/change-password', rules: { changesCredentials: true, checksPassword: true } },
  // Signing up and in with a password, and the mails around it.
  {
    method: 'POST',
    path: '/sign-up/email',
    rules: {
      byIp: limits.signUpByIp,
      byEmail: limits.signUpByEmail,
      uniformAnswer: true,
    },
  },
  { method: 'POST', path: '/sign-in/email', rules: { byIp: limits.signInByIp, signInStep: 'password' } },
  {
    method: 'POST',
    path: '/request-password-reset',
    rules: { byIp: limits.passwordResetByIp, byEmail: limits.passwordResetByEmail },
  },
  { method: 'GET', path: '/reset-password/:token', rules: {} },
  { method: 'POST', path: '/reset-password', rules: {} },
  {
    method: 'POST',
    path: '/send-verification-email',
    rules: { byIp: limits.verificationEmailByIp, byEmail: limits.verificationEmailByEmail },
  },
  { method: 'GET', path: '/verify-email', rules: {} },
  // Magic links.
  {
    method: 'POST',
    path: '/sign-in/magic-link',
    rules: { byIp: limits.magicLinkByIp, byEmail: limits.magicLinkByEmail },
  },
  { method: 'GET', path: '/magic-link/verify', rules: {} },
  // OAuth and OIDC (GitHub, Google, the generic provider all use these two).
  { method: 'POST', path: '/sign-in/social', rules: {} },
  { method: 'GET', path: '/callback/:id', rules: {} },
  { method: 'GET', path: '/error', rules: {} },
  { method: 'GET', path: '/ok', rules: {} },
  // Two-factor authentication.
  { method: 'POST', path: '/two-factor/enable', rules: { changesCredentials: true, checksPassword: true } },
  { method: 'POST', path: '/two-factor/disable', rules: { changesCredentials: true, checksPassword: true } },
  {
    method: 'POST',
    path: '/two-factor/generate-backup-codes',
    rules: { changesCredentials: true, checksPassword: true },
  },
  { method: 'POST', path: '/two-factor/verify-totp', rules: { signInStep: 'second-factor' } },
  { method: 'POST', path: '/two-factor/verify-backup-code', rules: { signInStep: 'second-factor' } },
  // Staff (apps/web/app/(signed-in)/admin/users): list people, ban, unban, impersonate.
  // All but stopping are behind the staff guard; stopping is asked by the impersonation session.
  { method: 'GET', path: '/admin/list-users', rules: { staffAudit: 'admin.users_listed', staffOnly: true } },
  { method: 'POST', path: '/admin/ban-user', rules: { staffAudit: 'admin.user_banned', staffOnly: true } },
  {
    method: 'POST',
    path: '/admin/unban-user',
    rules: { staffAudit: 'admin.user_unbanned', staffOnly: true },
  },
  {
    method: 'POST',
    path: '/admin/impersonate-user',
    rules: { staffAudit: 'admin.impersonation_started', staffOnly: true },
  },
  {
    method: 'POST',
    path: '/admin/stop-impersonating',
    rules: { staffAudit: 'admin.impersonation_stopped', allowedWhileImpersonating: true },
  },
];

export interface AuthEndpointMatch {
  endpoint: AuthEndpoint;
  /** Path parameters as they appear in the URL (still percent-encoded). */
  params: Record<string, string>;
}

const compiled = authSurface.map((endpoint) => {
  const names: string[] = [];
  const pattern = endpoint.path.replace(/:(\w+)/gu, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { endpoint, names, pattern: new RegExp(`^${pattern}$`, 'u') };
});

/**
 * The surface entry for a request, matched on the path exactly as better-auth's router sees it
 * (the URL's pathname under /api/auth, case-sensitive, no decoding), or null: not ours to serve.
 */
export function findAuthEndpoint(method: string, path: string): AuthEndpointMatch | null {
  for (const { endpoint, names, pattern } of compiled) {
    if (endpoint.method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    return { endpoint, params: Object.fromEntries(names.map((name, index) => [name, match[index + 1]!])) };
  }
  return null;
}

/** Whether better-auth should serve an endpoint (by its declared path) at all. */
export function isOnAuthSurface(method: string, declaredPath: string): boolean {
  return authSurface.some((endpoint) => endpoint.method === method && endpoint.path === declaredPath);
}

/** The one answer to a sign-up that was accepted, whether the address was new or taken. */
export const UNIFORM_SIGN_UP_ANSWER = Object.freeze({ status: true });
