// Client-side checks that mirror the server's, for instant feedback only: the server (better-auth
// and core's password policy) decides. Keep the numbers in step with packages/core/src/identity.
import { safeRedirectPath } from '@plinth/core/redirects';

/** Same bounds as core's MIN_PASSWORD_LENGTH / MAX_PASSWORD_LENGTH (password-policy.ts). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A long phrase is easier to remember than symbols.`;

// Deliberately loose (one @, a dot in the domain, no spaces): the server's zod email check is the
// authority, and a stricter pattern here would refuse addresses the server accepts.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function validateEmail(email: string): string | undefined {
  const trimmed = email.trim();
  if (trimmed === '') return 'Enter your email address.';
  if (trimmed.length > 320 || !EMAIL_PATTERN.test(trimmed)) {
    return 'Enter an email address like name@example.com.';
  }
  return undefined;
}

export function validateNewPassword(password: string): string | undefined {
  if (password === '') return 'Choose a password.';
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return undefined;
}

export function validateRequired(value: string, message: string): string | undefined {
  return value.trim() === '' ? message : undefined;
}

export function validateName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter your name.';
  if (trimmed.length > 100) return 'Use at most 100 characters.';
  return undefined;
}

/** A six-digit code from an authenticator app; spaces people copy along are ignored. */
export function normalizeTotpCode(code: string): string {
  return code.replace(/\s+/gu, '');
}

export function validateTotpCode(code: string): string | undefined {
  const digits = normalizeTotpCode(code);
  if (digits === '') return 'Enter the 6-digit code from your authenticator app.';
  if (!/^\d{6}$/u.test(digits)) return 'The code is 6 digits.';
  return undefined;
}

export function validateBackupCode(code: string): string | undefined {
  if (code.trim() === '') return 'Enter one of your backup codes.';
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
