// Client-side checks that mirror the server's, for instant feedback only: the server (better-auth
// and core's password policy) decides. Keep the numbers in step with packages/core/src/identity.
import { safeRedirectPath } from '@plinth/core/redirects';

/** Same bounds as core's MIN_PASSWORD_LENGTH / MAX_PASSWORD_LENGTH (password-policy.ts). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

// Deliberately loose (one @, a dot in the domain, no spaces): the server's zod email check is the
// authority, and a stricter pattern here would refuse addresses the server accepts.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

// Each check names its problem by a key of common.validation in the catalogs (apps/web/messages);
// useValidation (lib/use-validation.ts) words it in the reader's language.

export type EmailProblem = 'emailRequired' | 'emailInvalid';
export type PasswordProblem = 'passwordChoose' | 'passwordMin' | 'passwordMax';
export type NameProblem = 'nameRequired' | 'nameMax';

export const MAX_NAME_LENGTH = 100;

export function emailProblem(email: string): EmailProblem | undefined {
  const trimmed = email.trim();
  if (trimmed === '') return 'emailRequired';
  if (trimmed.length > 320 || !EMAIL_PATTERN.test(trimmed)) return 'emailInvalid';
  return undefined;
}

export function newPasswordProblem(password: string): PasswordProblem | undefined {
  if (password === '') return 'passwordChoose';
  if (password.length < MIN_PASSWORD_LENGTH) return 'passwordMin';
  if (password.length > MAX_PASSWORD_LENGTH) return 'passwordMax';
  return undefined;
}

export function nameProblem(name: string): NameProblem | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'nameRequired';
  if (trimmed.length > MAX_NAME_LENGTH) return 'nameMax';
  return undefined;
}

/** A six-digit code from an authenticator app; spaces people copy along are ignored. */
export function normalizeTotpCode(code: string): string {
  return code.replace(/\s+/gu, '');
}

/** What is wrong with an authenticator code, as a catalog key (auth.twoFactor, account.twoFactor). */
export function totpCodeProblem(code: string): 'codeRequired' | 'codeDigits' | undefined {
  const digits = normalizeTotpCode(code);
  if (digits === '') return 'codeRequired';
  if (!/^\d{6}$/u.test(digits)) return 'codeDigits';
  return undefined;
}

/**
 * Where to go after signing in: only a path on this site that stays what it is (core's
 * safeRedirectPath, the same rule /api/auth applies to better-auth's callbackURL and redirectTo).
 * Anything else (an absolute URL, `//host`, dot segments or a backslash that a URL parser would turn
 * into `//host`) falls back to /app, so `?next=` cannot send people elsewhere.
 */
export function safeNextPath(next: string | string[] | undefined | null, fallback = '/app'): string {
  const value = Array.isArray(next) ? next[0] : next;
  return safeRedirectPath(value) ?? fallback;
}
