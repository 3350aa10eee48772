import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database, MemberRole } from '@plinth/db';
import { themeOf, type Theme } from './theme';

export interface SessionInfo {
  sessionId: string;
  userId: string;
  email: string;
  emailVerified: boolean;
  createdAt: Date;
  impersonatedBy: string | null;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  email: string;
  email_verified: boolean;
  created_at: Date;
  impersonated_by: string | null;
}

/**
 * How long an impersonation lasts from its start, whatever its row's expiry says: better-auth
 * creates it for this long, but slides a session's expiry on get-session when the client drops its
 * `dont_remember` cookie. An impersonation also ends when its staff member is no longer staff (or
 * is banned). Both are judged here, in the statement that reads the session.
 */
export const IMPERSONATION_SECONDS = 60 * 60;

/**
 * better-auth's session lifetime (create-auth's `session.expiresIn`) and how old a session's expiry
 * may get before its get-session slides it (`session.updateAge`): one copy, read by create-auth and
 * by the pages' refresh rule below.
 */
export const SESSION_EXPIRES_IN_SECONDS = 60 * 60 * 24 * 30;
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60 * 24;
const liveImpersonation = `(s.impersonated_by is null or (s.created_at > now() - interval '${IMPERSONATION_SECONDS} seconds'
           and exists (select 1 from "user" staff where staff.id = s.impersonated_by and not staff.banned
             and 'admin' = any(string_to_array(replace(coalesce(staff.role, ''), ' ', ''), ',')))))`;

// One prepared statement: the hot path of every authenticated API request.
const sessionQuery = {
  name: 'plinth_read_session',
  text: `select s.id as session_id, s.user_id, u.email, u.email_verified, s.created_at, s.impersonated_by
         from session s join "user" u on u.id = s.user_id
         where s.token = $1 and s.expires_at > now() and not u.banned and u.deleted_at is null
           and ${liveImpersonation}`,
};

/** The workspace a session's person is a live member of, read with the session (inWorkspace). */
export interface SessionMembership {
  workspaceId: string;
  name: string;
  slug: string;
  createdAt: Date;
  role: MemberRole;
  /** Suspended by staff: memberOf() refuses it with workspace_suspended. */
  suspended: boolean;
}

interface SessionMembershipRow extends SessionRow {
  workspace_id: string | null;
  workspace_name: string | null;
  workspace_slug: string | null;
  workspace_created_at: Date | null;
  workspace_suspended: boolean | null;
  role: MemberRole | null;
}

// The session statement and tenancy/membership.ts's, folded into one prepared statement: the
// session row (same filters), and the membership of the workspace named by $2 when there is a live
// one (a left join, so that "no session" (no row) and "not a member" (a row without a workspace)
// stay two answers: 401 and 404). The workspace row is read here, so its suspension is read in the
// same select list and costs no extra round trip.
const sessionMembershipQuery = {
  name: 'plinth_read_session_membership',
  text: `select s.id as session_id, s.user_id, u.email, u.email_verified, s.created_at, s.impersonated_by,
           w.id as workspace_id, w.name as workspace_name, w.slug as workspace_slug,
           w.created_at as workspace_created_at, w.suspended_at is not null as workspace_suspended, m.role
         from session s join "user" u on u.id = s.user_id
         left join (member m join workspace w on w.id = m.workspace_id and w.slug = $2 and w.deleted_at is null)
           on m.user_id = s.user_id
         where s.token = $1 and s.expires_at > now() and not u.banned and u.deleted_at is null
           and ${liveImpersonation}`,
};

/** The person and the session row, as the pages show them (better-auth's get-session fields). */
export interface SessionPerson {
  info: SessionInfo;
  user: {
    id: string;
    name: string;
    email: string;
    emailVerified: boolean;
    image: string | null;
    role: string | null;
    banned: boolean;
    twoFactorEnabled: boolean;
    createdAt: Date;
    /** The saved interface language (a supported locale), or null: follow Accept-Language. */
    locale: string | null;
    /** The saved colour theme (getTheme's answer, read with the session: no second statement). */
    theme: Theme;
  };
  session: {
    id: string;
    userId: string;
    createdAt: Date;
    expiresAt: Date;
    ipAddress: string | null;
    userAgent: string | null;
    impersonatedBy: string | null;
  };
  /**
   * better-auth's get-session would slide this session's expiry now (its expiry was set more than
   * `updateAge` ago). This reader never writes: the page asks get-session to, from the browser,
   * where the cookie can be re-set (docs/decisions/0037).
   */
  refreshDue: boolean;
}

interface SessionPersonRow extends SessionRow {
  expires_at: Date;
  ip_address: string | null;
  user_agent: string | null;
  name: string;
  image: string | null;
  role: string | null;
  banned: boolean;
  two_factor_enabled: boolean;
  user_created_at: Date;
  locale: string | null;
  theme: string | null;
  refresh_due: boolean;
}

// The session statement with the columns the pages show: same filters, one prepared statement.
const sessionPersonQuery = {
  name: 'plinth_read_session_person',
  text: `select s.id as session_id, s.user_id, u.email, u.email_verified, s.created_at, s.impersonated_by,
           s.expires_at, s.ip_address, s.user_agent, u.name, u.image, u.role, u.banned, u.two_factor_enabled,
           u.created_at as user_created_at, u.locale, u.theme,
           -- An impersonation is never slid: it ends an hour after it began (IMPERSONATION_SECONDS).
           s.impersonated_by is null
             and s.expires_at - interval '${SESSION_EXPIRES_IN_SECONDS} seconds' + interval '${SESSION_UPDATE_AGE_SECONDS} seconds' <= now() as refresh_due
         from session s join "user" u on u.id = s.user_id
         where s.token = $1 and s.expires_at > now() and not u.banned and u.deleted_at is null
           and ${liveImpersonation}`,
};

/**
 * Of `sessionIds`, those that are still sessions: not signed out or revoked (their row is gone),
 * not expired, their person neither banned nor deleted, an impersonation still live. The filters
 * of readSession, by id, in one statement: the realtime hub asks it for every open stream on each
 * keep-alive, so a stream ends soon after its session does.
 */
export async function liveSessionIds(
  database: Database,
  sessionIds: readonly string[],
): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const { rows } = await database.pool.query<{ id: string }>(
    `select s.id from session s join "user" u on u.id = s.user_id
      where s.id = any($1::uuid[]) and s.expires_at > now() and not u.banned and u.deleted_at is null
        and ${liveImpersonation}`,
    [sessionIds],
  );
  return new Set(rows.map((row) => row.id));
}

function sessionOf(row: SessionRow): SessionInfo {
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    email: row.email,
    emailVerified: row.email_verified,
    createdAt: row.created_at,
    impersonatedBy: row.impersonated_by,
  };
}

/**
 * Reads the signed-in person for API requests straight from the session cookie: checks
 * better-auth's HMAC signature on the cookie, then one prepared query. Same answer as
 * better-auth's getSession (a revoked, expired or banned session is no session), at a fraction of
 * the cost, because API requests never need its refresh and cookie-rewriting machinery. Pages read
 * through it too (withPerson); when a session is due to slide they have the browser call
 * get-session once, which slides it and re-sets the cookie (docs/decisions/0037).
 */
export function createSessionReader(deps: { database: Database; secret: string; production: boolean }) {
  const name = authCookieName('session_token', deps.production);
  async function readSession(cookieHeader: string | undefined | null): Promise<SessionInfo | null> {
    const token = signedCookieValue(cookieHeader, name, deps.secret);
    if (!token) return null;
    const { rows } = await deps.database.pool.query<SessionRow>({ ...sessionQuery, values: [token] });
    const row = rows[0];
    return row ? sessionOf(row) : null;
  }
  /**
   * The session and, in the same statement (one round trip), its person's live membership of the
   * workspace `slug` (a slug the caller has already checked the shape of): null without a session,
   * `membership: null` for a person who may not enter it. Tenant requests by session use this.
   */
  async function inWorkspace(
    cookieHeader: string | undefined | null,
    slug: string,
  ): Promise<{ session: SessionInfo; membership: SessionMembership | null } | null> {
    const token = signedCookieValue(cookieHeader, name, deps.secret);
    if (!token) return null;
    const { rows } = await deps.database.pool.query<SessionMembershipRow>({
      ...sessionMembershipQuery,
      values: [token, slug],
    });
    const row = rows[0];
    if (!row) return null;
    const membership =
      row.workspace_id === null || row.role === null
        ? null
        : {
            workspaceId: row.workspace_id,
            name: row.workspace_name!,
            slug: row.workspace_slug!,
            createdAt: row.workspace_created_at!,
            role: row.role,
            suspended: row.workspace_suspended === true,
          };
    return { session: sessionOf(row), membership };
  }
  /**
   * The session with its person's profile (what the pages' shell shows): the same filters as
   * readSession, one prepared statement, and whether better-auth would slide its expiry now.
   */
  async function withPerson(cookieHeader: string | undefined | null): Promise<SessionPerson | null> {
    const token = signedCookieValue(cookieHeader, name, deps.secret);
    if (!token) return null;
    const { rows } = await deps.database.pool.query<SessionPersonRow>({
      ...sessionPersonQuery,
      values: [token],
    });
    const row = rows[0];
    if (!row) return null;
    return {
      info: sessionOf(row),
      user: {
        id: row.user_id,
        name: row.name,
        email: row.email,
        emailVerified: row.email_verified,
        image: row.image,
        role: row.role,
        banned: row.banned,
        twoFactorEnabled: row.two_factor_enabled,
        createdAt: row.user_created_at,
        locale: row.locale,
        theme: themeOf(row.theme),
      },
      session: {
        id: row.session_id,
        userId: row.user_id,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        ipAddress: row.ip_address,
        userAgent: row.user_agent,
        impersonatedBy: row.impersonated_by,
      },
      refreshDue: row.refresh_due,
    };
  }
  return Object.assign(readSession, { inWorkspace, withPerson });
}

export type SessionReader = ReturnType<typeof createSessionReader>;

/**
 * The name better-auth gives one of its cookies (prefix `plinth`): `__Secure-` in production, where
 * create-auth sets useSecureCookies; the plain name otherwise. Only that one, as better-auth reads.
 */
export function authCookieName(name: string, production: boolean): string {
  return production ? `__Secure-plinth.${name}` : `plinth.${name}`;
}

/**
 * The value of a `value.signature` cookie (better-auth's signed cookies) whose HMAC-SHA256 is ours,
 * read exactly as better-auth (better-call) reads it: the first cookie of that name, surrounding
 * quotes removed, percent-decoded when it can be. A reader that picked another occurrence, or
 * failed on a quoted value, would let our edge judge one session while better-auth acts on another.
 */
export function signedCookieValue(
  cookieHeader: string | undefined | null,
  name: string,
  secret: string,
): string | null {
  const value = firstCookie(cookieHeader ?? '', name);
  if (value === undefined) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

function firstCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    let value = part.slice(index + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    if (!value.includes('%')) return value;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
