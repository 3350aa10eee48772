import { describe, expect, it } from 'vitest';
import { createDatabase } from '@plinth/db';
import { expireRateLimitWindows, useTestDatabase } from '@plinth/testing';
import { isAppError } from '../errors/index';
import {
  assertWithinRateLimit,
  consumeRateLimit,
  defineRateLimit,
  hashSubject,
  identityRateLimits,
  pruneRateLimits,
} from './index';

const testDb = useTestDatabase();

describe('consumeRateLimit on Postgres', () => {
  it('allows `limit` requests per window, then refuses with the seconds left', async () => {
    const rule = defineRateLimit({ name: 'test.basic', limit: 3, windowSeconds: 60 });
    const results = [];
    for (let n = 0; n < 5; n++) results.push(await consumeRateLimit(testDb.app, rule, 'subject-a'));
    expect(results.map((result) => [result.allowed, result.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(results[0]!.retryAfterSeconds).toBe(0);
    expect(results[4]!.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(results[4]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another subject, and the same subject under another rule, have buckets of their own.
    expect((await consumeRateLimit(testDb.app, rule, 'subject-b')).allowed).toBe(true);
    const other = defineRateLimit({ name: 'test.basic-other', limit: 1, windowSeconds: 60 });
    expect((await consumeRateLimit(testDb.app, other, 'subject-a')).allowed).toBe(true);
  });

  it('counts exactly under concurrency from several nodes', async () => {
    const rule = defineRateLimit({ name: 'test.concurrent', limit: 10, windowSeconds: 60 });
    const nodes = [createDatabase(testDb.appUrl, { max: 8 }), createDatabase(testDb.appUrl, { max: 8 })];
    try {
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, n) => consumeRateLimit(nodes[n % 2]!, rule, 'hot')),
      );
      expect(results.filter((result) => result.allowed)).toHaveLength(10);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
    }
  });

  it('starts a new window once the old one has passed', async () => {
    // A long window, ended explicitly: a 1 s window and a sleep were flaky on a busy machine (the
    // second call could already fall in a new window).
    const rule = defineRateLimit({ name: 'test.window', limit: 1, windowSeconds: 60 });
    expect((await consumeRateLimit(testDb.app, rule, 's')).allowed).toBe(true);
    const refused = await consumeRateLimit(testDb.app, rule, 's');
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(30);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await consumeRateLimit(testDb.app, rule, 's')).toMatchObject({ allowed: false });
    expect(await expireRateLimitWindows(testDb, rule.name)).toBe(1);
    expect(await consumeRateLimit(testDb.app, rule, 's')).toEqual({
      allowed: true,
      remaining: 0,
      retryAfterSeconds: 0,
    });
  });

  it('assertWithinRateLimit throws rate_limited with Retry-After', async () => {
    const rule = defineRateLimit({ name: 'test.assert', limit: 1, windowSeconds: 30 });
    await assertWithinRateLimit(testDb.app, rule, 's');
    const error = await assertWithinRateLimit(testDb.app, rule, 's').catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('rate_limited');
    expect(isAppError(error) && error.status).toBe(429);
    expect(isAppError(error) && Number(error.headers?.['Retry-After'])).toBeGreaterThanOrEqual(29);
  });

  it('pruning deletes expired counters and keeps live ones', async () => {
    const live = defineRateLimit({ name: 'test.prune-live', limit: 5, windowSeconds: 3600 });
    await consumeRateLimit(testDb.app, live, 'keep');
    await testDb.owner.pool.query(
      `insert into rate_limit (key, window_start, count, expires_at)
       select 'test.prune-dead:' || n, now() - interval '2 hours', 1, now() - interval '1 hour'
       from generate_series(1, 25) n`,
    );
    expect(await pruneRateLimits(testDb.app, 10)).toBe(25);
    const { rows } = await testDb.owner.pool.query<{ key: string }>(
      `select key from rate_limit where key like 'test.prune-%'`,
    );
    expect(rows.map((row) => row.key)).toEqual(['test.prune-live:keep']);
  });
});

describe('rules and subjects', () => {
  it('hashes an email so that spelling variants share one key and the address is not stored', () => {
    expect(hashSubject(' Ann@Example.COM ')).toBe(hashSubject('ann@example.com'));
    expect(hashSubject('ann@example.com')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSubject('ann@example.com')).not.toBe(hashSubject('bob@example.com'));
  });

  it('refuses a rule that could not work', () => {
    expect(() => defineRateLimit({ name: 'has:colon', limit: 1, windowSeconds: 1 })).toThrow(/name/);
    expect(() => defineRateLimit({ name: 'ok', limit: 0, windowSeconds: 1 })).toThrow(/limit/);
    expect(() => defineRateLimit({ name: 'ok', limit: 1, windowSeconds: 0.5 })).toThrow(/windowSeconds/);
  });

  it('gives every identity rule a distinct name, so no two share counters', () => {
    const names = Object.values(identityRateLimits).map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
