import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { session, user } from '@plinth/db';
import {
  createSessionReader,
  SESSION_EXPIRES_IN_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
} from '@plinth/core/identity';
import { useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from './identity-app';

// The pages read the session in process (SessionReader.withPerson) and never write it; when
// better-auth's get-session would slide a session's expiry, the reader says so (refreshDue) and the
// signed-in layout has the browser call get-session (docs/decisions/0037). These tests hold the two
// rules together against the real better-auth on a real API node.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
const DAY_MS = 86_400_000;

async function signedInPerson() {
  const email = `refresh-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const client = app.client();
  const signUp = await client.post('/api/auth/sign-up/email', {
    email,
    password: 'violet-harbor-71-quietly',
    name: 'Refresh Person',
  });
  expect(signUp.status).toBe(200);
  expect((await client.get(app.linkIn(await app.mailTo(email)))).status).toBe(302);
  const cookie = () => [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const [row] = await testDb.owner.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return { client, cookie, email, userId: row!.id };
}

/** Sets the session's expiry as if better-auth had last set it `ageMs` ago. */
async function ageSession(userId: string, ageMs: number): Promise<Date> {
  const expiresAt = new Date(Date.now() + SESSION_EXPIRES_IN_SECONDS * 1000 - ageMs);
  await testDb.owner.db.update(session).set({ expiresAt }).where(eq(session.userId, userId));
  return expiresAt;
}

async function expiryOf(userId: string): Promise<Date> {
  const [row] = await testDb.owner.db
    .select({ expiresAt: session.expiresAt })
    .from(session)
    .where(eq(session.userId, userId));
  return row!.expiresAt;
}

describe('the pages’ session read and better-auth’s sliding expiry', () => {
  const reader = () =>
    createSessionReader({ database: testDb.app, secret: testDb.env.auth.secret, production: false });

  it('reads the person and the session row as get-session does, and is none once banned', async () => {
    const { cookie, email, userId } = await signedInPerson();
    const person = await reader().withPerson(cookie());
    const fromApi = await app.client({ cookie: cookie() }).get('/api/auth/get-session');
    const api = fromApi.data as { user: Record<string, unknown>; session: Record<string, unknown> };
    expect(person).toMatchObject({
      info: { userId, email, emailVerified: true, impersonatedBy: null },
      user: { id: userId, email, name: 'Refresh Person', emailVerified: true, banned: false, image: null },
      session: { userId, id: api.session.id, impersonatedBy: null },
      refreshDue: false,
    });
    expect(person!.session.expiresAt.toISOString()).toBe(api.session.expiresAt);
    expect(person!.user.createdAt.toISOString()).toBe(api.user.createdAt);
    await testDb.owner.db.update(user).set({ banned: true }).where(eq(user.id, userId));
    expect(await reader().withPerson(cookie())).toBeNull();
    expect(await reader().withPerson(`${cookie()}x`)).toBeNull();
  });

  it('says a refresh is due exactly when get-session slides the expiry and re-sets the cookie', async () => {
    const { client, cookie, userId } = await signedInPerson();
    // Set a little less than updateAge ago: not due, and get-session leaves it alone.
    const recent = await ageSession(userId, SESSION_UPDATE_AGE_SECONDS * 1000 - 60_000);
    expect((await reader().withPerson(cookie()))!.refreshDue).toBe(false);
    const untouched = await client.get('/api/auth/get-session');
    expect(untouched.status).toBe(200);
    expect(untouched.headers.getSetCookie().some((line) => line.includes('session_token='))).toBe(false);
    expect((await expiryOf(userId)).getTime()).toBe(recent.getTime());

    // Set two days ago: due; the browser's get-session slides it to a full lifetime and re-sets the
    // cookie with that Max-Age; after that it is no longer due.
    await ageSession(userId, 2 * DAY_MS);
    expect((await reader().withPerson(cookie()))!.refreshDue).toBe(true);
    const slid = await client.get('/api/auth/get-session');
    expect(slid.status).toBe(200);
    const setCookie = slid.headers.getSetCookie().find((line) => line.includes('session_token='));
    expect(setCookie).toMatch(new RegExp(`Max-Age=${SESSION_EXPIRES_IN_SECONDS}\\b`, 'i'));
    expect((await expiryOf(userId)).getTime()).toBeGreaterThan(
      Date.now() + SESSION_EXPIRES_IN_SECONDS * 1000 - DAY_MS,
    );
    expect((await reader().withPerson(cookie()))!.refreshDue).toBe(false);
  });
});
