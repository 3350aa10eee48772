import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { session, user } from '@plinth/db';
import { createUser, useTestDatabase } from '@plinth/testing';
import { createSessionReader, IMPERSONATION_SECONDS } from './index';

const testDb = useTestDatabase();

/** A session row for `userId` (impersonated by `staffId`, begun `ageSeconds` ago) and its cookie. */
async function sessionCookie(userId: string, options: { staffId?: string; ageSeconds?: number } = {}) {
  const token = randomBytes(24).toString('base64url');
  const createdAt = new Date(Date.now() - (options.ageSeconds ?? 0) * 1000);
  await testDb.app.db.insert(session).values({
    userId,
    token,
    createdAt,
    // A slid expiry, as better-auth's get-session writes when the dont_remember cookie is dropped.
    expiresAt: new Date(Date.now() + 30 * 86_400_000),
    impersonatedBy: options.staffId ?? null,
  });
  const signature = createHmac('sha256', testDb.env.auth.secret).update(token).digest('base64');
  return `plinth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

describe('the session reader and impersonation', () => {
  const reader = () =>
    createSessionReader({ database: testDb.app, secret: testDb.env.auth.secret, production: false });

  it('ends an impersonation an hour after it began, whatever its expiry says', async () => {
    const staff = await createUser(testDb.app, { role: 'admin' });
    const person = await createUser(testDb.app);
    const fresh = await sessionCookie(person.id, { staffId: staff.id, ageSeconds: 60 });
    const stale = await sessionCookie(person.id, {
      staffId: staff.id,
      ageSeconds: IMPERSONATION_SECONDS + 60,
    });
    const own = await sessionCookie(person.id, { ageSeconds: 10 * 86_400 });
    expect(await reader()(fresh)).toMatchObject({ userId: person.id, impersonatedBy: staff.id });
    expect(await reader()(stale)).toBeNull();
    expect(await reader().inWorkspace(stale, 'any-slug')).toBeNull();
    expect(await reader().withPerson(stale)).toBeNull();
    expect(await reader().withPerson(fresh)).toMatchObject({ session: { impersonatedBy: staff.id } });
    // The person's own sessions are not capped.
    expect(await reader()(own)).toMatchObject({ userId: person.id, impersonatedBy: null });
  });

  it('ends an impersonation when its staff member is no longer staff, or is banned', async () => {
    const staff = await createUser(testDb.app, { role: 'user,admin' });
    const person = await createUser(testDb.app);
    const cookie = await sessionCookie(person.id, { staffId: staff.id, ageSeconds: 60 });
    expect(await reader()(cookie)).not.toBeNull();
    await testDb.owner.db.update(user).set({ banned: true }).where(eq(user.id, staff.id));
    expect(await reader()(cookie)).toBeNull();
    await testDb.owner.db.update(user).set({ banned: false, role: 'user' }).where(eq(user.id, staff.id));
    expect(await reader()(cookie)).toBeNull();
    expect(await reader().inWorkspace(cookie, 'any-slug')).toBeNull();
    expect(await reader().withPerson(cookie)).toBeNull();
  });

  it("reads the person's saved theme with the session (the shell's theme, no second statement)", async () => {
    const person = await createUser(testDb.app);
    const cookie = await sessionCookie(person.id);
    expect(await reader().withPerson(cookie)).toMatchObject({ user: { id: person.id, theme: 'system' } });
    await testDb.owner.db.update(user).set({ theme: 'dark' }).where(eq(user.id, person.id));
    expect(await reader().withPerson(cookie)).toMatchObject({ user: { theme: 'dark' } });
  });
});
