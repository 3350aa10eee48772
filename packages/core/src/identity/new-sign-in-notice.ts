import { and, eq, ne, sql } from 'drizzle-orm';
import { auditLog, user, type Database } from '@plinth/db';
import type { AuditOrigin } from '../audit/index';
import type { IdentityMail } from './create-auth';

/**
 * Mails a person when they sign in from a device (IP + user agent) that has never signed in to
 * their account before. The first sign-in of an account sends nothing: there is no "before".
 * Reads the audit log, which already records every sign-in with its origin.
 */
export async function notifyNewSignIn(
  deps: { database: Database; sendMail: (mail: IdentityMail) => Promise<void> },
  userId: string,
  sessionId: string,
  origin: AuditOrigin,
): Promise<void> {
  const earlier = and(
    eq(auditLog.actorId, userId),
    eq(auditLog.action, 'auth.sign_in'),
    ne(auditLog.targetId, sessionId),
  );
  // Account-level audit rows are visible only to their own actor (RLS): read as this person.
  const [history] = await deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.actor_id', ${userId}, true)`);
    return tx
      .select({
        any: sql<number>`count(*)::int`,
        sameDevice: sql<number>`count(*) filter (where ${auditLog.ip} is not distinct from ${origin.ip ?? null}::inet
        and ${auditLog.userAgent} is not distinct from ${origin.userAgent ?? null})::int`,
      })
      .from(auditLog)
      .where(earlier);
  });
  if (!history || history.any === 0 || history.sameDevice > 0) return;
  const [person] = await deps.database.db
    .select({ name: user.name, email: user.email })
    .from(user)
    .where(eq(user.id, userId));
  if (!person) return;
  await deps.sendMail({
    template: 'new-sign-in',
    to: person.email,
    data: {
      name: person.name,
      ip: origin.ip ?? 'unknown',
      userAgent: origin.userAgent ?? 'unknown',
      at: new Date().toISOString(),
    },
  });
}
