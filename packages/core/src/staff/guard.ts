import type { Database } from '@plinth/db';
import type { Actor } from '../actor/index';
import { AppError } from '../errors/index';

/** How recent a staff member's sign-in (or re-authentication) must be for the staff console. */
export const STAFF_SIGN_IN_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** The session facts the guard needs: what createSessionReader (API) and readRequestSession (pages) give. */
export interface StaffSessionRef {
  sessionId: string;
  userId: string;
  impersonatedBy: string | null;
}

export type StaffAccess =
  | {
      ok: true;
      actor: Actor;
      /** When the 12 hours run out: the later of the sign-in and the last re-authentication, + 12 h. */
      freshUntil: Date;
    }
  | {
      ok: false;
      /**
       * not_staff: not staff, or the session is an impersonation (a staff member acting as someone
       * is that someone, never staff); 2fa_required: staff without a second factor; reauth_required:
       * staff whose sign-in is older than 12 hours.
       */
      reason: 'not_staff' | '2fa_required' | 'reauth_required';
    };

interface AccessRow {
  role: string | null;
  two_factor_enabled: boolean;
  signed_in_at: Date;
  reauthenticated_at: Date | null;
}

// One round trip: the person's role and second factor, the session's age, its last re-authentication.
const accessQuery = {
  name: 'plinth_staff_access',
  text: `select u.role, u.two_factor_enabled, s.created_at as signed_in_at, r.reauthenticated_at
         from session s join "user" u on u.id = s.user_id
         left join staff_reauthentication r on r.session_id = s.id
         where s.id = $1 and s.user_id = $2 and s.expires_at > now() and not u.banned and u.deleted_at is null`,
};

export function hasStaffRole(role: string | null | undefined): boolean {
  return (role ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .includes('admin');
}

/**
 * The staff guard (docs/decisions/0031-staff-guard-and-read-only-impersonation.md), the one answer for
 * every staff page, server action and API route: the person is staff (better-auth's `admin` role,
 * read from the database, never from the cookie), has two-factor authentication on, and signed in —
 * or re-authenticated with password + code — within the last 12 hours. An impersonation session is
 * never staff, whoever is behind it.
 */
export async function staffAccess(
  database: Database,
  session: StaffSessionRef | null,
  now: Date = new Date(),
): Promise<StaffAccess | null> {
  if (!session) return null;
  if (session.impersonatedBy) return { ok: false, reason: 'not_staff' };
  const { rows } = await database.pool.query<AccessRow>({
    ...accessQuery,
    values: [session.sessionId, session.userId],
  });
  const row = rows[0];
  if (!row || !hasStaffRole(row.role)) return { ok: false, reason: 'not_staff' };
  if (!row.two_factor_enabled) return { ok: false, reason: '2fa_required' };
  const provenAt = Math.max(row.signed_in_at.getTime(), row.reauthenticated_at?.getTime() ?? 0);
  const freshUntil = new Date(provenAt + STAFF_SIGN_IN_MAX_AGE_MS);
  if (freshUntil.getTime() <= now.getTime()) return { ok: false, reason: 'reauth_required' };
  return { ok: true, actor: { type: 'user', id: session.userId }, freshUntil };
}

/**
 * staffAccess for server actions and API routes: the staff actor, or an AppError — 401 without a
 * session, 404 for everyone who is not staff (the console is not advertised), 403
 * `staff_2fa_required` / `staff_reauth_required` for staff who must fix something first.
 */
export async function requireStaffActor(
  database: Database,
  session: StaffSessionRef | null,
  now?: Date,
): Promise<Actor> {
  const access = await staffAccess(database, session, now);
  if (!access) throw new AppError('unauthenticated');
  if (access.ok) return access.actor;
  if (access.reason === 'not_staff') throw new AppError('not_found');
  if (access.reason === '2fa_required') throw new AppError('staff_2fa_required');
  throw new AppError('staff_reauth_required');
}
