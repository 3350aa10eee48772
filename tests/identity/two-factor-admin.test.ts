import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, user } from '@plinth/db';
import { makeStaff, secretFromTotpUri, totpCode, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from './identity-app';

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
const password = 'violet-harbor-71-quietly';
let counter = 0;
const newEmail = () => `tfa${++counter}-${Date.now()}@example.test`;

async function verifiedPerson() {
  const email = newEmail();
  const client = app.client();
  await client.post('/api/auth/sign-up/email', { email, password, name: 'Second Factor' });
  expect((await client.get(app.linkIn(await app.mailTo(email)))).status).toBe(302);
  const [row] = await testDb.owner.db.select().from(user).where(eq(user.email, email));
  return { email, client, id: row!.id };
}

async function actionsBy(actorId: string) {
  const rows = await testDb.owner.db.select().from(auditLog).where(eq(auditLog.actorId, actorId));
  return rows.map((row) => row.action);
}

/** A code from the step after `previous`'s, so a test never replays the code it just used. */
function freshCode(secret: string, previous?: string): string {
  const now = totpCode(secret);
  return now !== previous ? now : totpCode(secret, Date.now() + 30_000);
}

describe('TOTP two-factor authentication', () => {
  async function personWithTwoFactor() {
    const person = await verifiedPerson();
    const enabled = await person.client.post('/api/auth/two-factor/enable', { password });
    expect(enabled.status).toBe(200);
    const { totpURI, backupCodes } = enabled.data as { totpURI: string; backupCodes: string[] };
    const secret = secretFromTotpUri(totpURI);
    expect(backupCodes).toHaveLength(10);
    const code = totpCode(secret);
    expect((await person.client.post('/api/auth/two-factor/verify-totp', { code })).status).toBe(200);
    return { ...person, secret, backupCodes, lastCode: code };
  }

  it('enabling needs the password, stores backup codes encrypted, and is audited', async () => {
    const person = await verifiedPerson();
    const wrong = await person.client.post('/api/auth/two-factor/enable', { password: 'not-my-password-1' });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    const withTwoFactor = await personWithTwoFactor();
    const { rows } = await testDb.owner.pool.query(
      'select backup_codes, secret from two_factor where user_id = $1',
      [withTwoFactor.id],
    );
    for (const code of withTwoFactor.backupCodes) expect(rows[0].backup_codes).not.toContain(code);
    expect(rows[0].secret).not.toBe(withTwoFactor.secret);
    expect(await actionsBy(withTwoFactor.id)).toContain('auth.2fa_enabled');
  });

  it('after the password, sign-in waits for the second factor; a wrong code is rejected', async () => {
    const person = await personWithTwoFactor();
    const client = app.client();
    const first = await client.post('/api/auth/sign-in/email', { email: person.email, password });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ twoFactorRedirect: true });
    expect(client.cookies.has('plinth.session_token')).toBe(false);
    const wrongCode = String((Number(freshCode(person.secret, person.lastCode)) + 1) % 1_000_000).padStart(
      6,
      '0',
    );
    expect((await client.post('/api/auth/two-factor/verify-totp', { code: wrongCode })).status).toBe(401);
    const right = await client.post('/api/auth/two-factor/verify-totp', {
      code: freshCode(person.secret, person.lastCode),
    });
    expect(right.status).toBe(200);
    expect((await client.get('/api/auth/get-session')).data).toMatchObject({ user: { email: person.email } });
  });

  it('a backup code works once', async () => {
    const person = await personWithTwoFactor();
    const [backup] = person.backupCodes;
    const first = app.client();
    await first.post('/api/auth/sign-in/email', { email: person.email, password });
    expect((await first.post('/api/auth/two-factor/verify-backup-code', { code: backup })).status).toBe(200);
    const second = app.client();
    await second.post('/api/auth/sign-in/email', { email: person.email, password });
    const reused = await second.post('/api/auth/two-factor/verify-backup-code', { code: backup });
    expect(reused.status).toBe(401);
    expect(second.cookies.has('plinth.session_token')).toBe(false);
  });
});

describe('magic link', () => {
  it('signs in an existing person once per link', async () => {
    const person = await verifiedPerson();
    const since = new Date();
    const client = app.client();
    const sent = await client.post('/api/auth/sign-in/magic-link', {
      email: person.email,
      callbackURL: '/app',
    });
    expect(sent.status).toBe(200);
    const link = app.linkIn(await app.mailTo(person.email, since));
    const used = await client.get(link);
    expect(used.status).toBe(302);
    expect((await client.get('/api/auth/get-session')).data).toMatchObject({ user: { email: person.email } });
    const again = app.client();
    await again.get(link);
    expect(again.cookies.has('plinth.session_token')).toBe(false);
  });
});

describe('staff administration', () => {
  async function staffMember() {
    const staff = await verifiedPerson();
    await makeStaff(testDb, staff.id);
    return staff;
  }

  it('only staff may use the admin endpoints', async () => {
    const person = await verifiedPerson();
    const other = await verifiedPerson();
    const attempt = await person.client.post('/api/auth/admin/ban-user', { userId: other.id });
    // The staff guard at our edge: not advertised to anyone else.
    expect(attempt.status).toBe(404);
  });

  it('banning revokes the sessions, refuses sign-in, and is audited with the staff member as actor', async () => {
    const staff = await staffMember();
    const target = await verifiedPerson();
    const banned = await staff.client.post('/api/auth/admin/ban-user', {
      userId: target.id,
      banReason: 'abuse',
    });
    expect(banned.status).toBe(200);
    expect((await target.client.get('/api/auth/get-session')).data).toBeNull();
    const signIn = await app.client().post('/api/auth/sign-in/email', { email: target.email, password });
    expect(signIn.status).toBe(403);
    // The person learns why (the ban dialog promises it), and only with the right password.
    expect(signIn.data).toMatchObject({
      code: 'BANNED_USER',
      message:
        'This account has been suspended. Reason: abuse. Contact support if you think this is a mistake.',
    });
    const guess = await app
      .client()
      .post('/api/auth/sign-in/email', { email: target.email, password: 'wrong-password-123' });
    expect(guess.status).toBe(401);
    expect(JSON.stringify(guess.data)).not.toContain('abuse');
    expect(await actionsBy(staff.id)).toContain('admin.user_banned');

    await staff.client.post('/api/auth/admin/unban-user', { userId: target.id });
    expect(
      (await app.client().post('/api/auth/sign-in/email', { email: target.email, password })).status,
    ).toBe(200);
  });

  it('impersonation marks the session, is audited, and stopping returns to the staff session', async () => {
    const staff = await staffMember();
    const target = await verifiedPerson();
    const started = await staff.client.post('/api/auth/admin/impersonate-user', { userId: target.id });
    expect(started.status).toBe(200);
    const during = (await staff.client.get('/api/auth/get-session')).data as {
      user: { id: string };
      session: { impersonatedBy: string };
    };
    expect(during.user.id).toBe(target.id);
    expect(during.session.impersonatedBy).toBe(staff.id);
    expect((await staff.client.post('/api/auth/admin/stop-impersonating')).status).toBe(200);
    const after = (await staff.client.get('/api/auth/get-session')).data as { user: { id: string } };
    expect(after.user.id).toBe(staff.id);
    const actions = await actionsBy(staff.id);
    expect(actions).toEqual(
      expect.arrayContaining(['admin.impersonation_started', 'admin.impersonation_stopped']),
    );
  });
});

describe('account deletion', () => {
  it('anonymises personal data, signs out everywhere, and keeps the audit trail', async () => {
    const person = await verifiedPerson();
    const wrong = await person.client.request('/api/v1/me', {
      method: 'DELETE',
      json: { password: 'wrong-password-123' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({
      error: { code: 'invalid_input', fields: { password: expect.any(String) } },
    });
    const deleted = await person.client.request('/api/v1/me', { method: 'DELETE', json: { password } });
    expect(deleted.status).toBe(204);
    const [row] = await testDb.owner.db.select().from(user).where(eq(user.id, person.id));
    expect(row).toMatchObject({ name: 'Deleted user', deletedAt: expect.any(Date) });
    expect(row!.email).not.toBe(person.email);
    expect((await person.client.get('/api/auth/get-session')).data).toBeNull();
    expect(await actionsBy(person.id)).toEqual(
      expect.arrayContaining(['auth.sign_in', 'auth.account_deleted']),
    );
    const unknownField = await app
      .client()
      .request('/api/v1/me', { method: 'DELETE', json: { pasword: 'x' } });
    expect(unknownField.status).toBe(401); // no session: refused before the body is read
  });
});

describe('two-factor cannot be skipped', () => {
  it('a magic link gives no session to a person who has 2FA on', async () => {
    const person = await verifiedPerson();
    const enabled = await person.client.post('/api/auth/two-factor/enable', { password });
    const secret = secretFromTotpUri((enabled.data as { totpURI: string }).totpURI);
    expect(
      (await person.client.post('/api/auth/two-factor/verify-totp', { code: totpCode(secret) })).status,
    ).toBe(200);
    const since = new Date();
    const browser = app.client();
    await browser.post('/api/auth/sign-in/magic-link', { email: person.email, callbackURL: '/app' });
    await browser.get(app.linkIn(await app.mailTo(person.email, since)));
    expect(browser.cookies.has('plinth.session_token')).toBe(false);
    expect((await browser.get('/api/auth/get-session')).data).toBeNull();
  });
});

describe('a TOTP code works once', () => {
  it('the code that just enabled 2FA cannot sign in again within its window', async () => {
    const person = await verifiedPerson();
    const enabled = await person.client.post('/api/auth/two-factor/enable', { password });
    const secret = secretFromTotpUri((enabled.data as { totpURI: string }).totpURI);
    const code = totpCode(secret);
    expect((await person.client.post('/api/auth/two-factor/verify-totp', { code })).status).toBe(200);
    const browser = app.client();
    expect(
      (await browser.post('/api/auth/sign-in/email', { email: person.email, password })).data,
    ).toMatchObject({
      twoFactorRedirect: true,
    });
    const replay = await browser.post('/api/auth/two-factor/verify-totp', { code });
    expect(replay.status).toBe(401);
    expect((await browser.get('/api/auth/get-session')).data).toBeNull();
  });
});
