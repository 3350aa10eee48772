import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { SessionPerson, Theme } from '@plinth/core/identity';
import { serverContext } from '@plinth/core/server-context';
import { staffAccess, type StaffAccess } from '@plinth/core/staff';

// Server-side reads of the signed-in person. Sessions live in Postgres behind better-auth; a server
// component reads them in process, through the session reader the API uses (the cookie's signature,
// then one prepared statement: a revoked, expired, banned or stale-impersonation session is none),
// uncached across requests, once per request (docs/decisions/0037). This works on every node that
// serves pages (PLINTH_ROLE=all or web): it needs the database, not an API node.

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  /** better-auth's admin plugin: 'admin' is staff; everyone else is 'user'. */
  role: string | null;
  banned: boolean | null;
  twoFactorEnabled: boolean | null;
  createdAt: string;
  /** The saved colour theme, read with the session (the shell draws the page in it). */
  theme: Theme;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** Set while a staff member is signed in as this person (the staff member's user id). */
  impersonatedBy: string | null;
}

export interface Session {
  user: SessionUser;
  session: SessionRecord;
}

/** A linked sign-in method: 'credential' is email + password; others are OAuth providers. */
export interface LinkedAccount {
  providerId: string;
}

/**
 * The session row and its person from the request's cookie, or null: one statement, once per
 * request (layouts and the page share it through React's cache). readRequestSession
 * (workspace-context.ts) and the membership reads take their SessionInfo from the same read.
 */
export const readRequestPerson = cache(async (): Promise<SessionPerson | null> => {
  const cookie = (await headers()).get('cookie');
  return serverContext().readSession.withPerson(cookie);
});

/**
 * The signed-in person and their session, or null, in better-auth's get-session shape. An
 * impersonation is none after IMPERSONATION_SECONDS, or once its staff member is no longer staff;
 * `refreshDue` says that better-auth would slide the expiry now (the signed-in layout then has the
 * browser call get-session, which does it and re-sets the cookie).
 */
export const getSession = cache(async (): Promise<(Session & { refreshDue: boolean }) | null> => {
  const person = await readRequestPerson();
  if (!person) return null;
  const { user, session, refreshDue } = person;
  return {
    user: { ...user, createdAt: user.createdAt.toISOString() },
    session: {
      ...session,
      createdAt: session.createdAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
    },
    refreshDue,
  };
});

/**
 * The signed-in person's sign-in methods, to know e.g. whether they have a password; null without
 * a session. Read in process, as better-auth's list-accounts answers them (one row per provider).
 */
export const getLinkedAccounts = cache(async (): Promise<LinkedAccount[] | null> => {
  const session = await getSession();
  if (!session) return null;
  const { rows } = await serverContext().database.pool.query<{ provider_id: string }>({
    name: 'plinth_linked_accounts',
    text: 'select provider_id from account where user_id = $1 order by created_at',
    values: [session.user.id],
  });
  return rows.map((row) => ({ providerId: row.provider_id }));
});

/**
 * The session, or a redirect to /sign-in that brings the person back to `returnTo` afterwards.
 * Call it in every protected page (layouts do not re-run on client navigations).
 */
export async function requireSession(returnTo: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return session;
}

export function isStaff(user: Pick<SessionUser, 'role'>): boolean {
  return (user.role ?? '')
    .split(',')
    .map((role) => role.trim())
    .includes('admin');
}

/**
 * Every staff page calls this: the staff guard of @plinth/core/staff (docs/decisions/0031). Staff
 * pages answer 404 to everyone else (their existence is not advertised, and an impersonation session
 * is never staff); staff without 2FA, or whose sign-in is older than 12 hours, are sent to
 * /admin/access, which says why and how to fix it, and brings them back to `returnTo`.
 */
export async function requireStaff(
  returnTo: string,
): Promise<Session & { access: StaffAccess & { ok: true } }> {
  const session = await requireSession(returnTo);
  const access = await staffAccess(serverContext().database, (await readRequestPerson())?.info ?? null);
  if (!access) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (access.ok) return { ...session, access };
  if (access.reason === 'not_staff') notFound();
  redirect(
    `/admin/access?reason=${access.reason === '2fa_required' ? '2fa' : 'reauth'}&next=${encodeURIComponent(returnTo)}`,
  );
}
