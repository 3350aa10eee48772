import { eq } from 'drizzle-orm';
import { user, type Database } from '@plinth/db';
import { AppError } from '../errors/index';
import type { JobQueue } from '../jobs/index';
import { queueMail } from '../mail/index';
import { consumeRateLimit, hashSubject, identityRateLimits, peekRateLimit } from '../rate-limit/index';

const rule = identityRateLimits.signInFailuresByEmail;
const subjectFor = (email: string) => hashSubject(email);

/** Before a password sign-in: refuse (429 + Retry-After) while the account is locked. */
export async function assertSignInNotLocked(database: Database, email: string): Promise<void> {
  const state = await peekRateLimit(database, rule, subjectFor(email));
  if (!state.allowed) {
    throw new AppError('rate_limited', 'Too many failed sign-ins. Try again later or reset your password.', {
      headers: { 'Retry-After': String(state.retryAfterSeconds) },
    });
  }
}

/**
 * After a failed password sign-in: count it, and on the failure that reaches the limit, mail the
 * account's owner (if the account exists) a lockout notice with a reset link. Exactly one notice
 * per window: later attempts are refused before they can fail.
 */
export async function recordFailedSignIn(
  deps: { database: Database; jobs: JobQueue; appUrl: string },
  email: string,
): Promise<void> {
  const result = await consumeRateLimit(deps.database, rule, subjectFor(email));
  if (!(result.allowed && result.remaining === 0)) return;
  const [person] = await deps.database.db
    .select({ name: user.name, email: user.email })
    .from(user)
    .where(eq(user.email, email.trim().toLowerCase()));
  if (!person) return;
  await queueMail(deps.jobs, {
    template: 'lockout',
    to: person.email,
    data: {
      name: person.name,
      until: new Date(Date.now() + rule.windowSeconds * 1000).toISOString(),
      resetUrl: new URL('/forgot-password', deps.appUrl).toString(),
    },
  });
}
