import { commonPasswords } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * Why a password is refused, or null when it is acceptable. Length first, then the local list of
 * common passwords, then patterns a list cannot hold (one repeated character, the email itself).
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const normalized = password.toLowerCase();
  if (commonPasswords.has(normalized)) return 'This password is too common. Choose another.';
  if (new Set(normalized).size <= 2) return 'This password is too easy to guess. Choose another.';
  const localPart = email?.toLowerCase().split('@')[0];
  if (localPart && localPart.length >= 4 && normalized.includes(localPart)) {
    return 'Do not use your email address in your password.';
  }
  return null;
}

/**
 * The body field that sets a new password, for every better-auth endpoint that can set one —
 * including those our edge refuses (the admin plugin's), so a server-side `auth.api` call or a
 * team that turns one on still meets the policy (create-auth.ts checks it inside better-auth too).
 */
const newPasswordFields: Readonly<Record<string, string>> = {
  '/sign-up/email': 'password',
  '/reset-password': 'newPassword',
  '/change-password': 'newPassword',
  '/set-password': 'newPassword',
  '/admin/create-user': 'password',
  '/admin/set-user-password': 'newPassword',
};

export function newPasswordField(path: string): string | undefined {
  return newPasswordFields[path];
}
