import { and, eq, ne, sql } from 'drizzle-orm';
import { auditLog, type Database } from '@plinth/db';
import type { AuditOrigin } from '../audit/index';
import { notify } from '../notifications/index';

/**
 * Notifies a person (in the app, and by mail, which security notices always send) when they sign in from a device (IP + user agent) that has never signed in to
 * their account before. The first sign-in of an account sends nothing: there is no "before".
 * Reads the audit log, which already records every sign-in with its origin.
 */
export async function notifyNewSignIn(
  deps: { database: Database; appUrl: string },
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
  await deps.database.db.transaction((tx) =>
    notify(
      tx,
      {
        recipients: [userId],
        type: 'security.new_sign_in',
        data: {
          ip: origin.ip ?? 'unknown',
          userAgent: origin.userAgent ?? 'unknown',
          at: new Date().toISOString(),
        },
      },
      deps,
    ),
  );
}
