import { and, eq } from 'drizzle-orm';
import { account, type Executor } from '@plinth/db';
import { verifyPassword } from './password-hashing';

/** How recent a sign-in must be to stand in for a password (people who sign in without one). */
export const RECENT_SIGN_IN_MS = 10 * 60 * 1000;

export type IdentityCheck =
  /** The password is right, or (no password on the account) the sign-in is recent. */
  | 'confirmed'
  /** The account has a password and none was given. */
  | 'password_missing'
  /** The account has a password and this is not it: a guess, which callers count. */
  | 'password_wrong'
  /** No password on the account and the session is older than RECENT_SIGN_IN_MS. */
  | 'sign_in_stale';

/**
 * Before a change that hands the account to whoever makes it (a new email, deleting the account):
 * the person proves they are the account's owner, not just the holder of a session cookie. Their
 * current password when the account has one; otherwise (magic link, OAuth only) a sign-in within
 * the last ten minutes. Callers turn the outcome into their own error, naming their own field.
 */
export async function confirmIdentity(
  executor: Executor,
  who: { userId: string; sessionCreatedAt: Date | undefined },
  password: unknown,
): Promise<IdentityCheck> {
  const [credential] = await executor
    .select({ password: account.password })
    .from(account)
    .where(and(eq(account.userId, who.userId), eq(account.providerId, 'credential')));
  if (credential?.password) {
    if (typeof password !== 'string' || password === '') return 'password_missing';
    return (await verifyPassword({ hash: credential.password, password })) ? 'confirmed' : 'password_wrong';
  }
  const age = who.sessionCreatedAt ? Date.now() - who.sessionCreatedAt.getTime() : Infinity;
  return age <= RECENT_SIGN_IN_MS ? 'confirmed' : 'sign_in_stale';
}
