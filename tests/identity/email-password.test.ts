import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { account, auditLog, user, verification } from '@plinth/db';
import { drainMailQueue, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from './identity-app';

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
const strongPassword = 'violet-harbor-71-quietly';

let counter = 0;
const newEmail = () => `person${++counter}-${Date.now()}@example.test`;

async function signUp(email: string, password = strongPassword) {
  const client = app.client();
  const response = await client.post('/api/auth/sign-up/email', { email, password, name: 'Test Person' });
  return { client, response };
}

/** Signs up and follows the verification link: a verified person with a session. */
async function verifiedPerson() {
  const email = newEmail();
  const { client } = await signUp(email);
  const mail = await app.mailTo(email);
  const verified = await client.get(app.linkIn(mail));
  expect(verified.status).toBe(302);
  return { email, client };
}

async function auditActions(userId: string) {
  const rows = await testDb.owner.db.select().from(auditLog).where(eq(auditLog.actorId, userId));
  return rows.map((row) => row.action);
}

describe('sign-up and email verification', () => {
  it('stores an argon2id hash and sends a verification mail, but signs nobody in yet', async () => {
    const email = newEmail();
    const { client, response } = await signUp(email);
    expect(response.status).toBe(200);
    expect(client.cookies.size).toBe(0);
    const [row] = await testDb.owner.db
      .select({ password: account.password })
      .from(account)
      .innerJoin(user, eq(user.id, account.userId))
      .where(eq(user.email, email));
    expect(row!.password).toMatch(/^\$argon2id\$/);
    const mail = await app.mailTo(email);
    expect(mail.subject).toMatch(/verify|confirm/i);
    expect(app.linkIn(mail)).toContain('/api/auth/verify-email?token=');
  });

  it('refuses sign-in before the email is verified (403)', async () => {
    const email = newEmail();
    await signUp(email);
    const attempt = await app.client().post('/api/auth/sign-in/email', { email, password: strongPassword });
    expect(attempt.status).toBe(403);
  });

  it('the verification link verifies the email and signs the person in', async () => {
    const { client, email } = await verifiedPerson();
    const session = await client.get('/api/auth/get-session');
    expect(session.status).toBe(200);
    expect(session.data).toMatchObject({ user: { email, emailVerified: true } });
  });

  it('refuses short, common and email-based passwords at sign-up, naming the problem', async () => {
    for (const [password, message] of [
      ['short-pass', /at least 12/],
      ['password1234', /too common/],
    ] as const) {
      const { response } = await signUp(newEmail(), password);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.data)).toMatch(message);
    }
  });
});

describe('sign-in', () => {
  it('a wrong password is 401 and is audited as a failed sign-in', async () => {
    const { email } = await verifiedPerson();
    const wrong = await app
      .client()
      .post('/api/auth/sign-in/email', { email, password: 'not-the-password-1' });
    expect(wrong.status).toBe(401);
    const [person] = await testDb.owner.db.select().from(user).where(eq(user.email, email));
    expect(await auditActions(person!.id)).toContain('auth.sign_in_failed');
  });

  it('the right password signs in with an HttpOnly, SameSite=Lax session cookie and a fresh session id', async () => {
    const { email } = await verifiedPerson();
    const first = app.client();
    const response = await first.post('/api/auth/sign-in/email', { email, password: strongPassword });
    expect(response.status).toBe(200);
    const setCookie = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('plinth.session_token='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const second = app.client();
    await second.post('/api/auth/sign-in/email', { email, password: strongPassword });
    expect(first.cookies.get('plinth.session_token')).not.toBe(second.cookies.get('plinth.session_token'));
    const [person] = await testDb.owner.db.select().from(user).where(eq(user.email, email));
    expect(await auditActions(person!.id)).toContain('auth.sign_in');
  });

  it('refuses a request from an untrusted Origin', async () => {
    const { email } = await verifiedPerson();
    const evil = app.client({ origin: 'https://evil.example' });
    const response = await evil.post('/api/auth/sign-in/email', { email, password: strongPassword });
    expect(response.status).toBe(403);
    expect(response.data).toMatchObject({ error: { code: 'forbidden' } });
    expect(evil.cookies.size).toBe(0);
    const scripted = app.client({ origin: '' });
    expect((await scripted.post('/api/auth/sign-in/email', { email, password: strongPassword })).status).toBe(
      403,
    );
  });
});

describe('sessions', () => {
  it('lists sessions with device and IP, and revoking the others signs them out', async () => {
    const { email, client: laptop } = await verifiedPerson();
    const phone = app.client({ 'user-agent': 'PlinthPhone/2.0' });
    await phone.post('/api/auth/sign-in/email', { email, password: strongPassword });
    const list = await laptop.get('/api/auth/list-sessions');
    const sessions = list.data as unknown as { ipAddress: string; userAgent: string }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.map((entry) => entry.userAgent).sort()).toEqual(['PlinthPhone/2.0', 'plinth-tests/1.0']);
    expect(sessions.every((entry) => entry.ipAddress === '127.0.0.1')).toBe(true);

    expect((await laptop.post('/api/auth/revoke-other-sessions')).status).toBe(200);
    expect((await phone.get('/api/auth/get-session')).data).toBeNull();
    expect((await laptop.get('/api/auth/get-session')).data).toMatchObject({ user: { email } });
  });

  it('sign-out ends the session and is audited', async () => {
    const { email, client } = await verifiedPerson();
    expect((await client.post('/api/auth/sign-out')).status).toBe(200);
    expect((await client.get('/api/auth/get-session')).data).toBeNull();
    const [person] = await testDb.owner.db.select().from(user).where(eq(user.email, email));
    expect(await auditActions(person!.id)).toContain('auth.sign_out');
  });
});

describe('password reset', () => {
  it('answers the same whether or not the email exists, and mails only real accounts', async () => {
    const { email } = await verifiedPerson();
    const since = new Date();
    const known = await app
      .client()
      .post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
    const unknown = await app
      .client()
      .post('/api/auth/request-password-reset', { email: newEmail(), redirectTo: '/reset-password' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.data).toEqual(known.data);
    const mail = await app.mailTo(email, since);
    expect(mail.subject).toMatch(/reset/i);
  });

  it('a reset token works once, revokes every session, and the old password stops working', async () => {
    const { email, client: oldSession } = await verifiedPerson();
    const since = new Date();
    await app.client().post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
    const link = app.linkIn(await app.mailTo(email, since));
    const landing = await app.client().get(link);
    expect(landing.status).toBe(302);
    const token = new URL(landing.headers.get('location')!, app.url).searchParams.get('token')!;
    expect(token).toBeTruthy();

    const newPassword = 'amber-lantern-93-softly';
    const reset = await app.client().post('/api/auth/reset-password', { token, newPassword });
    expect(reset.status).toBe(200);
    expect((await oldSession.get('/api/auth/get-session')).data).toBeNull();

    const reused = await app
      .client()
      .post('/api/auth/reset-password', { token, newPassword: 'another-pass-12345' });
    expect(reused.status).toBe(400);
    const oldPassword = await app
      .client()
      .post('/api/auth/sign-in/email', { email, password: strongPassword });
    expect(oldPassword.status).toBe(401);
    const fresh = await app.client().post('/api/auth/sign-in/email', { email, password: newPassword });
    expect(fresh.status).toBe(200);
  });

  it('an expired reset token is rejected', async () => {
    const { email } = await verifiedPerson();
    const since = new Date();
    await app.client().post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
    const link = app.linkIn(await app.mailTo(email, since));
    const token = new URL(link).pathname.split('/').pop()!;
    await testDb.owner.db
      .update(verification)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(and(eq(verification.identifier, `reset-password:${token}`)));
    const reset = await app
      .client()
      .post('/api/auth/reset-password', { token, newPassword: 'amber-lantern-93-softly' });
    expect(reset.status).toBe(400);
  });
});

describe('new sign-in notice', () => {
  it('mails the person when a new device signs in, and not for a device seen before', async () => {
    const { email } = await verifiedPerson();
    const since = new Date();
    const sameDevice = await app
      .client()
      .post('/api/auth/sign-in/email', { email, password: strongPassword });
    expect(sameDevice.status).toBe(200);
    const phone = app.client({ 'user-agent': 'PlinthPhone/3.0' });
    expect((await phone.post('/api/auth/sign-in/email', { email, password: strongPassword })).status).toBe(
      200,
    );
    const notice = await app.mailTo(email, since);
    expect(notice.text).toContain('PlinthPhone/3.0');
    // Count once everything queued has been delivered: a second notice still queued would be missed.
    await drainMailQueue(testDb);
    const { rows } = await testDb.owner.pool.query(
      'select count(*)::int as count from captured_mail where "to" = $1 and created_at > $2',
      [email, since],
    );
    expect(rows[0].count).toBe(1);
  });
});
