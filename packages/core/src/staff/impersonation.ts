import { and, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { session, staffElevation, user, type Database } from '@plinth/db';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError, parseInput } from '../errors/index';
import { hasStaffRole } from './guard';

/** How long an elevation lets an impersonation write. */
export const ELEVATION_MINUTES = 15;
export const MIN_ELEVATION_REASON_LENGTH = 15;
export const MAX_ELEVATION_REASON_LENGTH = 500;

/** The session facts impersonation checks need. */
export interface ImpersonationSessionRef {
  sessionId: string;
  userId: string;
  impersonatedBy: string | null;
}

export const elevateInput = z.object({
  reason: z
    .string()
    .trim()
    .min(
      MIN_ELEVATION_REASON_LENGTH,
      `Write why you need to make changes as this person (at least ${MIN_ELEVATION_REASON_LENGTH} characters), e.g. the ticket.`,
    )
    .max(MAX_ELEVATION_REASON_LENGTH, `At most ${MAX_ELEVATION_REASON_LENGTH} characters.`),
});
export type ElevateInput = z.input<typeof elevateInput>;

/** When the session's current elevation ends, or null: not elevated (or not an impersonation). */
export async function elevatedUntil(database: Database, who: ImpersonationSessionRef): Promise<Date | null> {
  if (!who.impersonatedBy) return null;
  const [row] = await database.db
    .select({ expiresAt: staffElevation.expiresAt })
    .from(staffElevation)
    .where(and(eq(staffElevation.sessionId, who.sessionId), gt(staffElevation.expiresAt, new Date())))
    .orderBy(desc(staffElevation.expiresAt))
    .limit(1);
  return row?.expiresAt ?? null;
}

/**
 * The read-only rule of impersonation (docs/decisions/0031-staff-guard-and-read-only-impersonation.md):
 * a write by an impersonation session is refused (403 `impersonation_read_only`) unless the staff
 * member elevated it and the elevation has not expired. Sessions that are not impersonations pass
 * without a query. Every write path calls this: the API's session middleware for non-GET requests,
 * the auth edge, and the server-action wrapper.
 */
export async function assertImpersonationMayWrite(
  database: Database,
  who: ImpersonationSessionRef | null,
): Promise<void> {
  if (!who?.impersonatedBy) return;
  if (await elevatedUntil(database, who)) return;
  throw new AppError('impersonation_read_only');
}

/**
 * The staff member behind an impersonation session makes it writable for ELEVATION_MINUTES, with a
 * written reason. Audited with the staff member as actor (not the person impersonated), the reason
 * and the expiry in the row. The staff member must still be staff: a role removed mid-impersonation
 * leaves the session read-only.
 */
export async function elevateImpersonation(
  database: Database,
  who: ImpersonationSessionRef | null,
  input: unknown,
  origin: AuditOrigin = {},
): Promise<{ expiresAt: Date }> {
  if (!who) throw new AppError('unauthenticated');
  if (!who.impersonatedBy) throw new AppError('not_found', 'This session is not an impersonation.');
  const staffId = who.impersonatedBy;
  const { reason } = parseInput(elevateInput, input);
  const [staff] = await database.db.select({ role: user.role }).from(user).where(eq(user.id, staffId));
  if (!staff || !hasStaffRole(staff.role)) throw new AppError('forbidden', 'You are no longer staff.');
  return database.db.transaction(async (tx) => {
    // The session must still exist and be this impersonation (ids from a cookie we checked, but a
    // session revoked a moment ago must not gain an elevation).
    const [live] = await tx
      .select({ id: session.id })
      .from(session)
      .where(
        and(
          eq(session.id, who.sessionId),
          eq(session.userId, who.userId),
          eq(session.impersonatedBy, staffId),
          gt(session.expiresAt, new Date()),
        ),
      );
    if (!live) throw new AppError('unauthenticated');
    const expiresAt = new Date(Date.now() + ELEVATION_MINUTES * 60 * 1000);
    await tx
      .insert(staffElevation)
      .values({ sessionId: who.sessionId, staffUserId: staffId, userId: who.userId, reason, expiresAt });
    await audit(
      tx,
      { type: 'user', id: staffId },
      {
        action: 'admin.impersonation_elevated',
        target: { type: 'user', id: who.userId },
        metadata: { reason, expiresAt: expiresAt.toISOString(), sessionId: who.sessionId },
      },
      origin,
    );
    return { expiresAt };
  });
}
