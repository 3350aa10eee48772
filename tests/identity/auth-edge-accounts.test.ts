import { and, eq, gt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { capturedMail, session, user } from '@plinth/db';
import { addMember, createWorkspace, grantPlan, makeStaff, useTestDatabase } from '@plinth/testing';
import { PASSWORD, signedInPerson, type Person } from '../tenancy/people';
import { useIdentityApp } from './identity-app';

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

let counter = 0;
const newEmail = (label = 'account') => `${label}-${++counter}-${Date.now()}@example.test`;

async function mailsTo(to: string, since: Date) {
  return testDb.owner.db
    .select()
    .from(capturedMail)
    .where(and(eq(capturedMail.to, to), gt(capturedMail.createdAt, since)));
}

async function staffMember(): Promise<Person> {
  const staff = await signedInPerson(app, testDb, 'staff');
  await makeStaff(testDb, staff.id);
  return staff;
}

describe('sign-up does not reveal who has an account', () => {
  const comparable = (response: { status: number; headers: Headers; data: unknown }) => ({
    status: response.status,
    body: response.data,
    headers: Object.fromEntries(
      [...response.headers].filter(([name]) => !['date', 'x-request-id', 'traceresponse'].includes(name)),
    ),
  });

  it('a taken email (verified or not) gets exactly the answer a new one gets', async () => {
    const verified = await signedInPerson(app, testDb, 'taken');
    const unverified = newEmail('unverified');
    await app
      .client()
      .post('/api/auth/sign-up/email', { name: 'First', email: unverified, password: PASSWORD });
    const attempt = (email: string) =>
      app.client().post('/api/auth/sign-up/email', {
        name: 'Same Name',
        email,
        password: PASSWORD,
        callbackURL: '/verify-email',
      });
    const fresh = comparable(await attempt(newEmail('fresh')));
    expect(fresh.status).toBe(200);
    expect(comparable(await attempt(verified.email))).toEqual(fresh);
    expect(comparable(await attempt(unverified))).toEqual(fresh);
    expect(comparable(await attempt(verified.email.toUpperCase()))).toEqual(fresh);
  });

  it('the owner of a taken address is told someone tried to sign up, and gets no verification link', async () => {
    const owner = await signedInPerson(app, testDb, 'owner-told');
    const since = new Date();
    await app.client().post('/api/auth/sign-up/email', {
      name: 'Intruder',
      email: owner.email,
      password: 'another-password-42',
    });
    const mail = await app.mailTo(owner.email, since);
    expect(mail.subject).toMatch(/already have a .*account/i);
    expect(mail.text).toContain('/forgot-password');
    expect(mail.text).not.toContain('/verify-email');
    await app.mailSettled();
    expect(await mailsTo(owner.email, since)).toHaveLength(1);
    // The password of the existing account did not change.
    expect(
      (await app.client().post('/api/auth/sign-in/email', { email: owner.email, password: PASSWORD })).status,
    ).toBe(200);
  });
});

describe('changing the email address', () => {
  it('needs the current password; a wrong one is a 400 naming it and counts towards the lockout', async () => {
    const person = await signedInPerson(app, testDb, 'change-needs-password');
    const since = new Date();
    const missing = await person.client.post('/api/auth/change-email', {
      newEmail: newEmail('new'),
      callbackURL: '/account',
    });
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({
      error: { code: 'invalid_input', fields: { currentPassword: expect.any(String) } },
    });
    for (let attempt = 0; attempt < 10; attempt++) {
      const wrong = await person.client.post('/api/auth/change-email', {
        newEmail: newEmail('new'),
        callbackURL: '/account',
        currentPassword: `wrong-password-${attempt}`,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.data).toMatchObject({ error: { fields: { currentPassword: expect.any(String) } } });
    }
    // Ten wrong passwords lock the account, as ten failed sign-ins do.
    const locked = await person.client.post('/api/auth/change-email', {
      newEmail: newEmail('new'),
      callbackURL: '/account',
      currentPassword: PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(
      (await app.client().post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD }))
        .status,
    ).toBe(429);
    await app.mailSettled();
    const sent = await mailsTo(person.email, since);
    expect(sent.map((mail) => mail.subject).join()).not.toMatch(/email change/i);
    const [row] = await testDb.owner.db
      .select({ email: user.email })
      .from(user)
      .where(eq(user.id, person.id));
    expect(row!.email).toBe(person.email);
  });

  it('mails the old address to approve (with a way to secure the account), then the new one to confirm', async () => {
    const person = await signedInPerson(app, testDb, 'change-flow');
    const target = newEmail('moved');
    const since = new Date();
    const requested = await person.client.post('/api/auth/change-email', {
      newEmail: target,
      callbackURL: '/account',
      currentPassword: PASSWORD,
    });
    expect(requested.status).toBe(200);
    const approval = await app.mailTo(person.email, since);
    expect(approval.subject).toMatch(/approve.*email/i);
    expect(approval.text).toContain(target);
    expect(approval.text).toContain('/forgot-password');
    await app.mailSettled();
    expect(await mailsTo(target, since)).toHaveLength(0); // nothing to the new address before approval

    const approved = await app.client().get(app.linkIn(approval));
    expect(approved.status).toBe(302);
    const confirmation = await app.mailTo(target, since);
    const [still] = await testDb.owner.db
      .select({ email: user.email })
      .from(user)
      .where(eq(user.id, person.id));
    expect(still!.email).toBe(person.email);

    expect((await app.client().get(app.linkIn(confirmation))).status).toBe(302);
    const [moved] = await testDb.owner.db
      .select({ email: user.email })
      .from(user)
      .where(eq(user.id, person.id));
    expect(moved!.email).toBe(target);
    expect(
      (await app.client().post('/api/auth/sign-in/email', { email: target, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('without a password (magic link, OAuth) it needs a sign-in within the last ten minutes', async () => {
    const email = newEmail('passwordless');
    const client = app.client();
    const since = new Date();
    await client.post('/api/auth/sign-in/magic-link', { email, callbackURL: '/app' });
    expect((await client.get(app.linkIn(await app.mailTo(email, since)))).status).toBe(302);
    const [person] = await testDb.owner.db.select({ id: user.id }).from(user).where(eq(user.email, email));
    await testDb.owner.db
      .update(session)
      .set({ createdAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(session.userId, person!.id));
    const stale = await client.post('/api/auth/change-email', {
      newEmail: newEmail('new'),
      callbackURL: '/account',
    });
    expect(stale.status).toBe(401);
    expect(stale.data).toMatchObject({ error: { code: 'unauthenticated' } });
    await testDb.owner.db
      .update(session)
      .set({ createdAt: new Date() })
      .where(eq(session.userId, person!.id));
    const fresh = await client.post('/api/auth/change-email', {
      newEmail: newEmail('new'),
      callbackURL: '/account',
    });
    expect(fresh.status).toBe(200);
  });

  it('is refused while a staff member impersonates the person, as are other credential changes', async () => {
    const person = await signedInPerson(app, testDb, 'impersonated');
    const staff = await staffMember();
    expect((await staff.client.post('/api/auth/admin/impersonate-user', { userId: person.id })).status).toBe(
      200,
    );
    const attempts = [
      [
        '/change-email',
        { newEmail: newEmail('takeover'), callbackURL: '/account', currentPassword: PASSWORD },
      ],
      ['/change-password', { currentPassword: PASSWORD, newPassword: 'amber-lantern-93-softly' }],
      ['/two-factor/enable', { password: PASSWORD }],
      ['/two-factor/disable', { password: PASSWORD }],
      ['/two-factor/generate-backup-codes', { password: PASSWORD }],
    ] as const;
    for (const [path, body] of attempts) {
      const response = await staff.client.post(`/api/auth${path}`, body);
      expect(response.status, path).toBe(403);
      expect(response.data, path).toMatchObject({ error: { code: 'forbidden' } });
    }
    const [row] = await testDb.owner.db
      .select({ email: user.email })
      .from(user)
      .where(eq(user.id, person.id));
    expect(row!.email).toBe(person.email);
  });
});

describe('password checks behind a session', () => {
  it('wrong current passwords (change-password, turning 2FA on) count towards the lockout like failed sign-ins', async () => {
    const person = await signedInPerson(app, testDb, 'session-guesses');
    for (let attempt = 0; attempt < 7; attempt++) {
      const wrong = await person.client.post('/api/auth/change-password', {
        currentPassword: `wrong-password-${attempt}`,
        newPassword: 'amber-lantern-93-softly',
      });
      expect(wrong.status).toBe(400);
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await person.client.post('/api/auth/two-factor/enable', {
        password: `wrong-password-${attempt}`,
      });
      expect(wrong.status).toBe(400);
    }
    // Ten guesses: now even the right password is refused, here and at sign-in.
    const right = await person.client.post('/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'amber-lantern-93-softly',
    });
    expect(right.status).toBe(429);
    expect(
      (await app.client().post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD }))
        .status,
    ).toBe(429);
  });
});

describe('API keys during impersonation', () => {
  it('a staff member impersonating an owner cannot create an API key', async () => {
    const owner = await signedInPerson(app, testDb, 'key-owner');
    const workspace = await createWorkspace(testDb.app);
    await grantPlan(testDb.app, { workspace, plan: 'team', seats: 5 });
    await addMember(testDb.app, { workspace, user: { id: owner.id } as never, role: 'owner' });
    const staff = await staffMember();
    expect((await staff.client.post('/api/auth/admin/impersonate-user', { userId: owner.id })).status).toBe(
      200,
    );
    const attempt = () =>
      staff.client.post(`/api/v1/workspaces/${workspace.slug}/api-keys`, {
        name: 'backdoor',
        scopes: ['project.read'],
      });
    // Impersonation is read-only: refused before anything else looks at it.
    const readOnly = await attempt();
    expect(readOnly.status).toBe(403);
    expect(readOnly.data).toMatchObject({ error: { code: 'impersonation_read_only' } });
    // Elevated (a written reason, audited), writes pass the read-only rule, but a key is still refused.
    const elevated = await staff.client.post('/api/admin/impersonation/elevate', {
      reason: 'Ticket #99: checking the API keys page for them',
    });
    expect(elevated.status).toBe(200);
    const created = await attempt();
    expect(created.status).toBe(403);
    expect(created.data).toMatchObject({ error: { code: 'forbidden' } });
    const { rows } = await testDb.owner.pool.query(
      'select count(*)::int as n from api_key where workspace_id = $1',
      [workspace.id],
    );
    expect(rows[0].n).toBe(0);
    // The owner, signed in themselves, still can.
    const own = await owner.client.post(`/api/v1/workspaces/${workspace.slug}/api-keys`, {
      name: 'mine',
      scopes: ['project.read'],
    });
    expect(own.status).toBe(201);
  });
});
