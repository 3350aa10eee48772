import { describe, expect, it } from 'vitest';
import { drainMailQueue, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from './identity-app';

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
const password = 'violet-harbor-71-quietly';

describe('rate limits on identity endpoints', () => {
  it('a spoofed X-Forwarded-For rotating on every request does not escape the per-IP sign-in limit', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let attempt = 0; attempt < 21; attempt++) {
      const client = app.client({ 'x-forwarded-for': `203.0.113.${attempt + 1}` });
      const response = await client.post('/api/auth/sign-in/email', {
        email: `nobody-${attempt}@example.test`,
        password: 'wrong-password-123',
      });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('password reset requests are limited per email, with the error envelope', async () => {
    const email = `reset-${Date.now()}@example.test`;
    const responses = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      responses.push(
        await app.client().post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' }),
      );
    }
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 429]);
    expect(responses[3]!.data).toMatchObject({
      error: { code: 'rate_limited', request_id: expect.any(String) },
    });
  });

  it('ten failed sign-ins lock the account for a window, even for the right password, and mail the owner once', async () => {
    const email = `locked-${Date.now()}@example.test`;
    const owner = app.client();
    await owner.post('/api/auth/sign-up/email', { email, password, name: 'Locked Out' });
    expect((await owner.get(app.linkIn(await app.mailTo(email)))).status).toBe(302);
    const since = new Date();
    for (let attempt = 0; attempt < 10; attempt++) {
      const wrong = await app
        .client()
        .post('/api/auth/sign-in/email', { email, password: `wrong-password-${attempt}` });
      expect(wrong.status).toBe(401);
    }
    const locked = await app.client().post('/api/auth/sign-in/email', { email, password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // More attempts while locked must not mail again.
    const stillLocked = await app
      .client()
      .post('/api/auth/sign-in/email', { email, password: 'wrong-again-1' });
    expect(stillLocked.status).toBe(429);
    const notice = await app.mailTo(email, since);
    expect(notice.subject).toMatch(/lock|sign-in attempts|locked/i);
    // Count once everything queued has been delivered: a duplicate still queued would be missed.
    await drainMailQueue(testDb);
    const { rows } = await testDb.owner.pool.query(
      'select count(*)::int as count from captured_mail where "to" = $1 and created_at > $2',
      [email, since],
    );
    expect(rows[0].count).toBe(1);
    const { rows: keys } = await testDb.owner.pool.query(
      "select key from rate_limit where key like 'sign-in-failures%'",
    );
    expect(keys.map((row: { key: string }) => row.key).join()).not.toContain(email);
  });
});
