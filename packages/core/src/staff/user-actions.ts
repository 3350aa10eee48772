import { and, eq, isNull } from 'drizzle-orm';
import { createEmailVerificationToken } from 'better-auth/api';
import { session, user, type Database } from '@plinth/db';
import type { Actor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError } from '../errors/index';
import type { JobQueue } from '../jobs/index';
import { queueMail } from '../mail/index';

// What staff do to one person's account from /admin/users (and /api/admin/users/:id/…), each with
// one audit row naming the staff member as actor and the person as target. Callers pass an actor
// from requireStaffActor: these functions do not check the role again.

export interface StaffUserDeps {
  database: Database;
  jobs: JobQueue;
  appUrl: string;
  /** better-auth's secret: the verification link is a token signed with it, as better-auth makes. */
  authSecret: string;
}

/** How long a verification link staff resend stays good (as create-auth's emailVerification.expiresIn). */
const VERIFICATION_EXPIRES_SECONDS = 60 * 60 * 24;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

async function targetPerson(database: Database, userId: unknown) {
  // A malformed id names nobody: the same 404 as an unknown one (never a database error).
  if (typeof userId !== 'string' || !UUID.test(userId)) throw new AppError('not_found');
  const [person] = await database.db
    .select({ id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified })
    .from(user)
    .where(and(eq(user.id, userId), isNull(user.deletedAt)));
  if (!person) throw new AppError('not_found');
  return person;
}

/**
 * Marks a person's email as verified without the link (they lost the mail, the domain's filter ate
 * it). Idempotent: already verified answers `changed: false` and still records the request.
 */
export async function forceVerifyEmail(
  database: Database,
  actor: Actor,
  userId: unknown,
  origin: AuditOrigin = {},
): Promise<{ changed: boolean }> {
  const person = await targetPerson(database, userId);
  return database.db.transaction(async (tx) => {
    const updated = await tx
      .update(user)
      .set({ emailVerified: true, updatedAt: new Date() })
      .where(and(eq(user.id, person.id), eq(user.emailVerified, false)))
      .returning({ id: user.id });
    await audit(
      tx,
      actor,
      {
        action: 'admin.email_force_verified',
        target: { type: 'user', id: person.id },
        metadata: { changed: updated.length > 0 },
      },
      origin,
    );
    return { changed: updated.length > 0 };
  });
}

/**
 * Sends the person a new verification link (the same mail and link as sign-up's). Refused with 409
 * when the address is already verified: there is nothing to confirm.
 */
export async function resendVerificationEmail(
  deps: StaffUserDeps,
  actor: Actor,
  userId: unknown,
  origin: AuditOrigin = {},
): Promise<{ sentTo: string }> {
  const person = await targetPerson(deps.database, userId);
  if (person.emailVerified) throw new AppError('conflict', 'This email address is already verified.');
  const token = await createEmailVerificationToken(
    deps.authSecret,
    person.email,
    undefined,
    VERIFICATION_EXPIRES_SECONDS,
    { userId: person.id },
  );
  const url = new URL('/api/auth/verify-email', deps.appUrl);
  url.searchParams.set('token', token);
  url.searchParams.set('callbackURL', '/');
  await deps.database.db.transaction(async (tx) => {
    await audit(
      tx,
      actor,
      { action: 'admin.verification_email_sent', target: { type: 'user', id: person.id } },
      origin,
    );
  });
  await queueMail(deps.jobs, {
    template: 'verify-email',
    to: person.email,
    data: { name: person.name, url: url.toString() },
  });
  return { sentTo: person.email };
}

/**
 * Signs the person out everywhere (a stolen laptop, a compromised account): every session row is
 * deleted, so the next request of each is unauthenticated. Staff's own sessions are never a target
 * of this (their own account page does that).
 */
export async function revokeAllSessions(
  database: Database,
  actor: Actor,
  userId: unknown,
  origin: AuditOrigin = {},
): Promise<{ revoked: number }> {
  const person = await targetPerson(database, userId);
  if (person.id === actor.id) {
    throw new AppError('invalid_input', 'Sign your own sessions out from your account page.');
  }
  return database.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(session)
      .where(eq(session.userId, person.id))
      .returning({ id: session.id });
    await audit(
      tx,
      actor,
      {
        action: 'admin.sessions_revoked',
        target: { type: 'user', id: person.id },
        metadata: { revoked: deleted.length },
      },
      origin,
    );
    return { revoked: deleted.length };
  });
}
