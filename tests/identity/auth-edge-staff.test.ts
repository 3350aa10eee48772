import { and, count, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, user } from '@plinth/db';
import { createAuth } from '@plinth/core/identity';
import { createLogger } from '@plinth/core/logger';
import {
  createUser,
  makeStaff,
  rowChecksum,
  secretFromTotpUri,
  totpCode,
  useTestDatabase,
  type HttpClient,
} from '@plinth/testing';
import { PASSWORD, signedInPerson, type Person } from '../tenancy/people';
import { useIdentityApp } from './identity-app';

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

async function staffMember(): Promise<Person> {
  const staff = await signedInPerson(app, testDb, 'staff');
  await makeStaff(testDb, staff.id);
  return staff;
}

/**
 * A new password-only session for staff who have TOTP enrolled (2FA switched off for the sign-in,
 * back on after): the staff guard then sees a fresh sign-in and a second factor, without spending a
 * TOTP code per session (each code works once).
 */
async function freshStaffSession(client: HttpClient, staff: Person): Promise<void> {
  await testDb.owner.db.update(user).set({ twoFactorEnabled: false }).where(eq(user.id, staff.id));
  const signIn = await client.post('/api/auth/sign-in/email', { email: staff.email, password: PASSWORD });
  await testDb.owner.db.update(user).set({ twoFactorEnabled: true }).where(eq(user.id, staff.id));
  expect(signIn.status).toBe(200);
}

async function staffAuditRows(staffId: string): Promise<number> {
  const [row] = await testDb.owner.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, staffId), like(auditLog.action, 'admin.%')));
  return row!.n;
}

/** better-auth as the server builds it, only to list the endpoints it would serve. */
function betterAuth() {
  return createAuth({
    database: testDb.app,
    logger: createLogger({ level: 'silent' }),
    auth: testDb.env.auth,
    appUrl: 'http://127.0.0.1:1',
    production: false,
    sendMail: async () => {},
  });
}

describe("better-auth's staff endpoints", () => {
  // The staff pages (apps/web/app/(signed-in)/admin) list people, ban and unban them, and
  // impersonate them. Everything else better-auth's admin plugin offers is refused at the edge.
  const KEPT = [
    'GET /admin/list-users',
    'POST /admin/ban-user',
    'POST /admin/unban-user',
    'POST /admin/impersonate-user',
    'POST /admin/stop-impersonating',
  ];

  it('every admin endpoint is either refused (404, nothing written) or audited with the staff member as actor', async () => {
    const endpoints = Object.values(
      betterAuth().api as Record<string, { path?: string; options?: { method?: string | string[] } }>,
    )
      .filter((endpoint) => endpoint.path?.startsWith('/admin/'))
      .flatMap((endpoint) =>
        [endpoint.options?.method ?? []].flat().map((method) => `${method} ${endpoint.path}`),
      );
    expect(endpoints.length).toBeGreaterThanOrEqual(15);
    const kept: string[] = [];
    const staff = await staffMember();
    for (const endpoint of endpoints) {
      const [method, path] = endpoint.split(' ') as ['GET' | 'POST', string];
      // A fresh staff session per endpoint: impersonating turns a session into the victim's.
      const client = app.client();
      await freshStaffSession(client, staff);
      const victim = await createUser(testDb.app);
      if (path === '/admin/stop-impersonating') {
        expect((await client.post('/api/auth/admin/impersonate-user', { userId: victim.id })).status).toBe(
          200,
        );
      }
      // Everything any admin endpoint could take, aimed at the victim.
      const body = {
        userId: victim.id,
        role: 'admin',
        newPassword: 'password1234',
        email: `created-${Date.now()}@example.test`,
        password: 'password1234',
        name: 'Created By Staff',
        data: { email: `hijacked-${Date.now()}@example.test`, emailVerified: true, role: 'admin' },
        sessionToken: 'x',
        permissions: { user: ['create'] },
        banReason: 'test',
      };
      const before = await rowChecksum(testDb.owner, ['"user"', 'account', 'session']);
      const auditedBefore = await staffAuditRows(staff.id);
      const response =
        method === 'GET'
          ? await client.get(`/api/auth${path}?limit=5&searchValue=person&searchField=email`)
          : await client.post(`/api/auth${path}`, body);
      expect(response.status, endpoint).toBeLessThan(500);
      if (response.status === 404) {
        expect(response.data, endpoint).toMatchObject({ error: { code: 'not_found' } });
        if (path !== '/admin/stop-impersonating') {
          expect(await rowChecksum(testDb.owner, ['"user"', 'account', 'session']), endpoint).toEqual(before);
        }
        expect(await staffAuditRows(staff.id), endpoint).toBe(auditedBefore);
      } else {
        expect(response.status, `${endpoint} ${JSON.stringify(response.data)}`).toBe(200);
        expect(await staffAuditRows(staff.id), `${endpoint} is audited`).toBe(auditedBefore + 1);
        kept.push(endpoint);
      }
    }
    expect(kept.sort()).toEqual([...KEPT].sort());
  });

  it('the password policy holds even where our edge is not in front (a server-side sign-up)', async () => {
    const email = `server-side-${Date.now()}@example.test`;
    const attempt = betterAuth().api.signUpEmail({
      body: { email, password: 'password1234', name: 'Server Side' },
    });
    const error = await attempt.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ name: 'APIError', statusCode: 400 });
    expect(await testDb.owner.db.select().from(user).where(eq(user.email, email))).toHaveLength(0);
  });
});

describe('second-factor guesses', () => {
  async function personWithTwoFactor() {
    const person = await signedInPerson(app, testDb, 'tfa-guess');
    const enabled = await person.client.post('/api/auth/two-factor/enable', { password: PASSWORD });
    const secret = secretFromTotpUri((enabled.data as { totpURI: string }).totpURI);
    const code = totpCode(secret);
    expect((await person.client.post('/api/auth/two-factor/verify-totp', { code })).status).toBe(200);
    return { ...person, secret, usedCode: code };
  }

  const wrongCode = (secret: string) =>
    String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');

  /** One password sign-in (a new challenge) and five wrong codes on it. */
  async function failOneChallenge(person: { email: string; secret: string }) {
    const client = app.client();
    const signIn = await client.post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD });
    expect(signIn.data).toMatchObject({ twoFactorRedirect: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await client.post('/api/auth/two-factor/verify-totp', {
        code: wrongCode(person.secret),
      });
      expect(response.status).toBe(401);
    }
  }

  /** What fifteen minutes do: the lockout windows (ours and better-auth's) pass. */
  async function fifteenMinutesLater(userId: string) {
    await testDb.owner.pool.query(
      `update rate_limit set expires_at = now() - interval '1 second' where key like 'sign-in-failures.email:%'`,
    );
    await testDb.owner.pool.query(
      'update two_factor set locked_until = null, failed_verification_count = 0 where user_id = $1',
      [userId],
    );
  }

  it('failed codes count towards the account lockout: after ten, the password step is refused too, and the owner is mailed', async () => {
    const person = await personWithTwoFactor();
    const since = new Date();
    await failOneChallenge(person);
    await failOneChallenge(person);
    const signIn = await app
      .client()
      .post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD });
    expect(signIn.status).toBe(429);
    expect(Number(signIn.headers.get('retry-after'))).toBeGreaterThan(0);
    const notice = await app.mailTo(person.email, since);
    expect(notice.subject).toMatch(/locked/i);
  });

  it('a per-person budget across challenges holds after the lockout window has passed', async () => {
    const person = await personWithTwoFactor();
    for (let round = 0; round < 2; round++) {
      await failOneChallenge(person);
      await failOneChallenge(person);
      await fifteenMinutesLater(person.id);
    }
    // Twenty wrong codes in a day: even the right code is refused now, on a fresh challenge.
    const client = app.client();
    const signIn = await client.post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD });
    expect(signIn.data).toMatchObject({ twoFactorRedirect: true });
    let code = totpCode(person.secret);
    if (code === person.usedCode) code = totpCode(person.secret, Date.now() + 30_000);
    const right = await client.post('/api/auth/two-factor/verify-totp', { code });
    expect(right.status).toBe(429);
    expect(right.data).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(15 * 60);
    expect(client.cookies.has('plinth.session_token')).toBe(false);
  });

  it('backup codes share the same budget', async () => {
    const person = await personWithTwoFactor();
    for (let challenge = 0; challenge < 2; challenge++) {
      const client = app.client();
      await client.post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD });
      for (let attempt = 0; attempt < 5; attempt++) {
        expect(
          (await client.post('/api/auth/two-factor/verify-backup-code', { code: `wrong-${attempt}-code` }))
            .status,
        ).toBe(401);
      }
    }
    expect(
      (await app.client().post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD }))
        .status,
    ).toBe(429);
  });
});
