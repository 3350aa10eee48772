/**
 * Where a session may be created for a person who has two-factor authentication on. The one place
 * that decides (a per-workspace "2FA required" policy will extend this function, not scatter
 * checks): only the second-factor endpoints finish a sign-in; the password endpoint may create the
 * session the two-factor plugin immediately trades for a challenge. Every other path — magic link,
 * OAuth callback, the sign-in after email verification — would skip the second factor, so it gets
 * no session.
 */
const pathsThatHonourTwoFactor = new Set([
  '/sign-in/email',
  '/two-factor/verify-totp',
  '/two-factor/verify-backup-code',
  '/two-factor/verify-otp',
]);

export function sessionAllowedForTwoFactorUser(path: string | undefined): boolean {
  return path !== undefined && pathsThatHonourTwoFactor.has(path);
}
