import { and, eq, gt, sql } from 'drizzle-orm';
import { user, verification, type Database } from '@plinth/db';
import { AppError } from '../errors/index';
import type { JobQueue } from '../jobs/index';
import { consumeRateLimit, identityRateLimits, peekRateLimit } from '../rate-limit/index';
import { authCookieName, signedCookieValue, type SessionInfo } from './read-session';
import { assertSignInNotLocked, recordFailedSignIn } from './sign-in-lockout';

const dailyRule = identityRateLimits.secondFactorFailuresByUser;

/** Whose second factor a verification request tests. */
export interface SecondFactorSubject {
  userId: string;
  email: string;
}

/**
 * The person a second-factor request is about: the signed-in person (turning 2FA on), or the one
 * whose sign-in challenge the `two_factor` cookie names (better-auth signs that cookie; its value
 * is the id of a verification row holding the user id). Null when there is neither: better-auth
 * then answers the request itself, without checking a code.
 */
export async function secondFactorSubject(
  deps: { database: Database; secret: string; production: boolean },
  cookieHeader: string | undefined,
  session: SessionInfo | null,
): Promise<SecondFactorSubject | null> {
  if (session) return { userId: session.userId, email: session.email };
  const challenge = signedCookieValue(
    cookieHeader,
    authCookieName('two_factor', deps.production),
    deps.secret,
  );
  if (!challenge) return null;
  const [row] = await deps.database.db
    .select({ userId: user.id, email: user.email })
    .from(verification)
    .innerJoin(user, eq(sql`${user.id}::text`, verification.value))
    .where(and(eq(verification.identifier, challenge), gt(verification.expiresAt, new Date())));
  return row ?? null;
}

/**
 * Before a code is checked: refused (429 + Retry-After) while the account is locked (failed
 * passwords and failed codes share that counter) or the person has spent the day's budget of
 * failed codes. better-auth's own limits (5 codes per challenge, 10 in a row per account) still
 * apply underneath; these hold across challenges and windows.
 */
export async function assertSecondFactorAllowed(
  database: Database,
  subject: SecondFactorSubject,
): Promise<void> {
  const daily = await peekRateLimit(database, dailyRule, subject.userId);
  if (!daily.allowed) {
    throw new AppError('rate_limited', 'Too many wrong codes. Try again later.', {
      headers: { 'Retry-After': String(daily.retryAfterSeconds) },
    });
  }
  await assertSignInNotLocked(database, subject.email);
}

/** After a wrong code: one more towards the daily budget and towards the account lockout. */
export async function recordFailedSecondFactor(
  deps: { database: Database; jobs: JobQueue; appUrl: string },
  subject: SecondFactorSubject,
): Promise<void> {
  await consumeRateLimit(deps.database, dailyRule, subject.userId);
  await recordFailedSignIn(deps, subject.email);
}
