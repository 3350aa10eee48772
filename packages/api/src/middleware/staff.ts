import { createMiddleware } from 'hono/factory';
import type { SessionReader } from '@plinth/core/identity';
import { requireStaffActor } from '@plinth/core/staff';
import type { Database } from '@plinth/db';
import { requireSession, type SessionEnv } from './session-actor';

/**
 * Every staff API route (/api/admin/*) goes through this, after the session: the staff guard of
 * packages/core/src/staff (docs/decisions/0031-staff-guard-and-read-only-impersonation.md). 404 for
 * everyone who is not staff (and for impersonation sessions), 403 `staff_2fa_required` or
 * `staff_reauth_required` for staff who must fix something first.
 */
export function requireStaff(database: Database) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const actor = c.get('actor');
    await requireStaffActor(database, {
      sessionId: actor.sessionId,
      userId: actor.id,
      impersonatedBy: actor.impersonatorId ?? null,
    });
    await next();
  });
}

/** The session, then the staff guard: the chain in front of every /api/admin route. */
export function staffChain(deps: {
  database: Database;
  readSession: SessionReader;
  trustedOrigins: readonly string[];
}) {
  return [
    requireSession(deps.readSession, deps.database, deps.trustedOrigins),
    requireStaff(deps.database),
  ] as const;
}
