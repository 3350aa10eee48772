import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  account,
  auditLog,
  session,
  staffElevation,
  staffReauthentication,
  user,
  type User,
} from '@plinth/db';
import { createUser, installTestQueues, rejectionOf, useTestDatabase } from '@plinth/testing';
import { AppError } from '../errors/index';
import { hashPassword, setPasswordHashingForTests } from '../identity/index';
import { JobQueue, platformQueues } from '../jobs/index';
import { createLogger } from '../logger/index';
import { mailQueue } from '../mail/index';
import {
  assertImpersonationMayWrite,
  currentTotpCode,
  elevateImpersonation,
  enrollTotpForTesting,
  forceVerifyEmail,
  reauthenticateStaff,
  requireStaffActor,
  resendVerificationEmail,
  revokeAllSessions,
  staffAccess,
  STAFF_SIGN_IN_MAX_AGE_MS,
} from './index';

const testDb = useTestDatabase();
const logger = createLogger({ level: 'silent' });
const PASSWORD = 'correct horse battery staple';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const queues = [...platformQueues, mailQueue];
let jobs: JobQueue;

beforeAll(async () => {
  setPasswordHashingForTests('fast');
  await installTestQueues(testDb, queues);
  jobs = new JobQueue({
    connectionString: testDb.appUrl,
    schema: testDb.env.jobsSchema,
    logger,
    queues,
    runsWorkers: false,
  });
  await jobs.start();
});
afterAll(() => jobs.stop(2_000));

const reauthDeps = () => ({
  database: testDb.app,
  jobs,
  appUrl: 'http://localhost:3000',
  authSecret: testDb.env.auth.secret,
});

async function person(values: Partial<User> = {}): Promise<User> {
  const created = await createUser(testDb.app, values);
  await testDb.app.db.insert(account).values({
    userId: created.id,
    providerId: 'credential',
    accountId: created.id,
    password: await hashPassword(PASSWORD),
  });
  return created;
}

async function staff(options: { twoFactor?: boolean } = {}): Promise<User> {
  const member = await person({ role: 'admin' });
  if (options.twoFactor ?? true) {
    await enrollTotpForTesting(testDb.app, testDb.env.auth.secret, member.id, SECRET);
  }
  return member;
}

/** A session row as better-auth writes it, signed in `ageMs` ago. */
async function sessionFor(userId: string, ageMs = 0, impersonatedBy: string | null = null) {
  const createdAt = new Date(Date.now() - ageMs);
  const [row] = await testDb.app.db
    .insert(session)
    .values({
      userId,
      token: randomUUID(),
      expiresAt: new Date(Date.now() + 86_400_000),
      impersonatedBy,
      createdAt,
      updatedAt: createdAt,
    })
    .returning();
  return { sessionId: row!.id, userId, impersonatedBy };
}

function codeOf(error: unknown): string | undefined {
  return error instanceof AppError ? error.code : undefined;
}

async function auditRows(action: string, actorId: string) {
  return testDb.owner.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorId, actorId)));
}

describe('the staff guard', () => {
  it('refuses people who are not staff, and impersonation sessions, as not found', async () => {
    const someone = await person();
    expect(await staffAccess(testDb.app, await sessionFor(someone.id))).toEqual({
      ok: false,
      reason: 'not_staff',
    });
    const member = await staff();
    const impersonation = await sessionFor(someone.id, 0, member.id);
    expect(await staffAccess(testDb.app, impersonation)).toEqual({ ok: false, reason: 'not_staff' });
    expect(codeOf(await rejectionOf(requireStaffActor(testDb.app, impersonation)))).toBe('not_found');
    expect(codeOf(await rejectionOf(requireStaffActor(testDb.app, null)))).toBe('unauthenticated');
  });

  it('refuses staff without two-factor authentication', async () => {
    const member = await staff({ twoFactor: false });
    const fresh = await sessionFor(member.id);
    expect(await staffAccess(testDb.app, fresh)).toEqual({ ok: false, reason: '2fa_required' });
    expect(codeOf(await rejectionOf(requireStaffActor(testDb.app, fresh)))).toBe('staff_2fa_required');
  });

  it('refuses staff whose sign-in is older than 12 hours, and lets a fresh one in', async () => {
    const member = await staff();
    const stale = await sessionFor(member.id, STAFF_SIGN_IN_MAX_AGE_MS + 60_000);
    expect(await staffAccess(testDb.app, stale)).toEqual({ ok: false, reason: 'reauth_required' });
    expect(codeOf(await rejectionOf(requireStaffActor(testDb.app, stale)))).toBe('staff_reauth_required');

    const fresh = await sessionFor(member.id, 60_000);
    const access = await staffAccess(testDb.app, fresh);
    expect(access).toMatchObject({ ok: true, actor: { type: 'user', id: member.id } });
    expect(await requireStaffActor(testDb.app, fresh)).toEqual({ type: 'user', id: member.id });
    // Just inside and just outside the 12 hours, by the clock the guard is given.
    const signedInAt = Date.now() - 60_000;
    const edge = new Date(signedInAt + STAFF_SIGN_IN_MAX_AGE_MS + 5_000);
    expect((await staffAccess(testDb.app, fresh, edge))?.ok).toBe(false);
    expect(
      (await staffAccess(testDb.app, fresh, new Date(signedInAt + STAFF_SIGN_IN_MAX_AGE_MS - 5_000)))?.ok,
    ).toBe(true);
  });

  it('does not take the role from a session of someone else (the user id must match the session)', async () => {
    const member = await staff();
    const someone = await person();
    const theirs = await sessionFor(someone.id);
    expect(await staffAccess(testDb.app, { ...theirs, userId: member.id })).toEqual({
      ok: false,
      reason: 'not_staff',
    });
  });
});

describe('staff re-authentication', () => {
  it('asks password and current code, restarts the 12 hours, is audited, and a code works once', async () => {
    const member = await staff();
    const stale = await sessionFor(member.id, STAFF_SIGN_IN_MAX_AGE_MS + 60_000);

    const wrongPassword = await rejectionOf(
      reauthenticateStaff(reauthDeps(), stale, { password: 'not it', code: currentTotpCode(SECRET) }),
    );
    expect(wrongPassword).toMatchObject({ code: 'invalid_input', fields: { password: expect.any(String) } });
    const wrongCode = await rejectionOf(
      reauthenticateStaff(reauthDeps(), stale, {
        password: PASSWORD,
        code: '000000' === currentTotpCode(SECRET) ? '111111' : '000000',
      }),
    );
    expect(wrongCode).toMatchObject({ code: 'invalid_input', fields: { code: expect.any(String) } });
    const badShape = await rejectionOf(
      reauthenticateStaff(reauthDeps(), stale, { password: PASSWORD, code: 'abc' }),
    );
    expect(badShape).toMatchObject({ code: 'invalid_input', fields: { code: expect.any(String) } });
    expect((await staffAccess(testDb.app, stale))?.ok).toBe(false);

    const code = currentTotpCode(SECRET);
    await reauthenticateStaff(reauthDeps(), stale, { password: PASSWORD, code }, { ip: '203.0.113.9' });
    expect((await staffAccess(testDb.app, stale))?.ok).toBe(true);
    const rows = await auditRows('admin.reauthenticated', member.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetType: 'session', targetId: stale.sessionId, ip: '203.0.113.9' });

    // The same code again is a replay, even inside its 30 seconds.
    const replay = await rejectionOf(reauthenticateStaff(reauthDeps(), stale, { password: PASSWORD, code }));
    expect(replay).toMatchObject({
      code: 'invalid_input',
      fields: { code: expect.stringMatching(/already used/u) },
    });
  });

  it('is not offered to non-staff, to staff without 2FA, or inside an impersonation', async () => {
    const someone = await person();
    const body = { password: PASSWORD, code: currentTotpCode(SECRET) };
    expect(
      codeOf(await rejectionOf(reauthenticateStaff(reauthDeps(), await sessionFor(someone.id), body))),
    ).toBe('not_found');
    const noTotp = await staff({ twoFactor: false });
    expect(
      codeOf(await rejectionOf(reauthenticateStaff(reauthDeps(), await sessionFor(noTotp.id), body))),
    ).toBe('staff_2fa_required');
    const member = await staff();
    const impersonation = await sessionFor(someone.id, 0, member.id);
    expect(codeOf(await rejectionOf(reauthenticateStaff(reauthDeps(), impersonation, body)))).toBe(
      'not_found',
    );
    expect(await testDb.owner.db.select().from(staffReauthentication)).toHaveLength(1); // the test above's only
  });
});

describe('read-only impersonation', () => {
  it('refuses writes until elevated with a reason, allows them until the elevation expires, and audits it', async () => {
    const member = await staff();
    const someone = await person();
    const impersonation = await sessionFor(someone.id, 0, member.id);

    // An ordinary session is never affected.
    await assertImpersonationMayWrite(testDb.app, await sessionFor(someone.id));
    expect(codeOf(await rejectionOf(assertImpersonationMayWrite(testDb.app, impersonation)))).toBe(
      'impersonation_read_only',
    );

    const short = await rejectionOf(elevateImpersonation(testDb.app, impersonation, { reason: 'because' }));
    expect(short).toMatchObject({ code: 'invalid_input', fields: { reason: expect.any(String) } });
    expect(await testDb.owner.db.select().from(staffElevation)).toHaveLength(0);

    const reason = 'Ticket #4711: the customer asked us to rename their project';
    const { expiresAt } = await elevateImpersonation(
      testDb.app,
      impersonation,
      { reason },
      { ip: '203.0.113.7' },
    );
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    await assertImpersonationMayWrite(testDb.app, impersonation);

    const rows = await auditRows('admin.impersonation_elevated', member.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorType: 'user',
      actorId: member.id,
      targetType: 'user',
      targetId: someone.id,
      ip: '203.0.113.7',
      metadata: { reason, expiresAt: expiresAt.toISOString() },
    });

    // Fifteen minutes later (the row's expiry moved into the past): read-only again.
    await testDb.owner.db
      .update(staffElevation)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(staffElevation.sessionId, impersonation.sessionId));
    expect(codeOf(await rejectionOf(assertImpersonationMayWrite(testDb.app, impersonation)))).toBe(
      'impersonation_read_only',
    );
  });

  it('elevates only an impersonation, only for a staff member, only a live session', async () => {
    const member = await staff();
    const someone = await person();
    const reason = 'Ticket #4712: fixing the billing address for them';
    expect(
      codeOf(await rejectionOf(elevateImpersonation(testDb.app, await sessionFor(someone.id), { reason }))),
    ).toBe('not_found');
    // A staff member demoted mid-impersonation cannot elevate.
    const demoted = await staff();
    const theirs = await sessionFor(someone.id, 0, demoted.id);
    await testDb.owner.db.update(user).set({ role: 'user' }).where(eq(user.id, demoted.id));
    expect(codeOf(await rejectionOf(elevateImpersonation(testDb.app, theirs, { reason })))).toBe('forbidden');
    // A revoked impersonation session cannot be elevated (nothing written).
    const gone = await sessionFor(someone.id, 0, member.id);
    await testDb.owner.db.delete(session).where(eq(session.id, gone.sessionId));
    expect(codeOf(await rejectionOf(elevateImpersonation(testDb.app, gone, { reason })))).toBe(
      'unauthenticated',
    );
    expect(await auditRows('admin.impersonation_elevated', member.id)).toHaveLength(0);
  });
});

describe("staff actions on a person's account", () => {
  it('force-verifies an email, audited with the staff member as actor', async () => {
    const member = await staff();
    const someone = await person({ emailVerified: false });
    const actor = { type: 'user' as const, id: member.id };
    expect(await forceVerifyEmail(testDb.app, actor, someone.id)).toEqual({ changed: true });
    const [row] = await testDb.owner.db.select().from(user).where(eq(user.id, someone.id));
    expect(row!.emailVerified).toBe(true);
    expect(await forceVerifyEmail(testDb.app, actor, someone.id)).toEqual({ changed: false });
    const rows = await auditRows('admin.email_force_verified', member.id);
    expect(rows.map((entry) => [entry.targetId, entry.metadata])).toEqual([
      [someone.id, { changed: true }],
      [someone.id, { changed: false }],
    ]);
    expect(codeOf(await rejectionOf(forceVerifyEmail(testDb.app, actor, 'not-a-uuid')))).toBe('not_found');
    expect(codeOf(await rejectionOf(forceVerifyEmail(testDb.app, actor, randomUUID())))).toBe('not_found');
  });

  it("resends the verification mail (a signed link to better-auth's verify-email), audited; refused once verified", async () => {
    const member = await staff();
    const someone = await person({ emailVerified: false });
    const actor = { type: 'user' as const, id: member.id };
    expect(await resendVerificationEmail(reauthDeps(), actor, someone.id)).toEqual({ sentTo: someone.email });
    const { rows } = await testDb.owner.pool.query<{
      data: { to: string; template: string; data: { url: string } };
    }>(`select data from ${testDb.env.jobsSchema}.job where name = $1`, [mailQueue.name]);
    const mail = rows.find((job) => job.data.to === someone.email);
    expect(mail?.data.template).toBe('verify-email');
    expect(mail?.data.data.url).toMatch(
      /^http:\/\/localhost:3000\/api\/auth\/verify-email\?token=[\w.-]+&callbackURL=%2F$/u,
    );
    expect(await auditRows('admin.verification_email_sent', member.id)).toHaveLength(1);

    const verified = await person();
    expect(codeOf(await rejectionOf(resendVerificationEmail(reauthDeps(), actor, verified.id)))).toBe(
      'conflict',
    );
    expect(await auditRows('admin.verification_email_sent', member.id)).toHaveLength(1);
  });

  it('revokes every session of a person, audited with the count; never the staff member’s own', async () => {
    const member = await staff();
    const someone = await person();
    await sessionFor(someone.id);
    await sessionFor(someone.id);
    const actor = { type: 'user' as const, id: member.id };
    expect(await revokeAllSessions(testDb.app, actor, someone.id)).toEqual({ revoked: 2 });
    expect(await testDb.owner.db.select().from(session).where(eq(session.userId, someone.id))).toHaveLength(
      0,
    );
    const rows = await auditRows('admin.sessions_revoked', member.id);
    expect(rows.map((entry) => [entry.targetId, entry.metadata])).toEqual([[someone.id, { revoked: 2 }]]);
    expect(codeOf(await rejectionOf(revokeAllSessions(testDb.app, actor, member.id)))).toBe('invalid_input');
  });
});
