import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { loadEnv } from '@plinth/core/env';

// Server-side reads of the signed-in person. Sessions live in Postgres behind better-auth at
// /api/auth (served by Hono, outside Next), so a server component asks that API with the incoming
// request's cookie, uncached: a revoked session stops on the next page load.

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
 * Calls /api/auth on our own server as the person making this request. The origin comes from
 * configuration (APP_URL, or localhost:PORT in development), never from the request's Host
 * header, so a forged Host cannot make the server send its requests elsewhere.
 */
async function authApi(path: string): Promise<Response | null> {
  const cookie = (await headers()).get('cookie');
  if (!cookie) return null;
  const origin = new URL(loadEnv().appUrl).origin;
  try {
    return await fetch(`${origin}/api/auth${path}`, {
      headers: { cookie, accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    // The API being down must not look like "signed out" forever, but a page cannot do better
    // than treat the person as not signed in; the sign-in form then reports the outage.
    return null;
  }
}

/** The signed-in person and their session, or null. One request to the API per page render. */
export const getSession = cache(async (): Promise<Session | null> => {
  const response = await authApi('/get-session');
  if (!response?.ok) return null;
  const body: unknown = await response.json().catch(() => null);
  return isSession(body) ? body : null;
});

/**
 * The signed-in person's sign-in methods, to know e.g. whether they have a password; null when
 * the API could not say (callers then assume the common case rather than hide settings).
 */
export const getLinkedAccounts = cache(async (): Promise<LinkedAccount[] | null> => {
  const response = await authApi('/list-accounts');
  if (!response?.ok) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!Array.isArray(body)) return null;
  return body.filter(
    (entry): entry is LinkedAccount =>
      typeof entry === 'object' && entry !== null && typeof (entry as LinkedAccount).providerId === 'string',
  );
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

/** Staff pages answer 404 to everyone else: their existence is not advertised. */
export async function requireStaff(returnTo: string): Promise<Session> {
  const session = await requireSession(returnTo);
  if (!isStaff(session.user)) notFound();
  return session;
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { user, session } = value as Partial<Session>;
  return (
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.email === 'string' &&
    typeof session === 'object' &&
    session !== null &&
    typeof session.id === 'string'
  );
}
