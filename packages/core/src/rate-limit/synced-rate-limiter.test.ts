import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '@plinth/db';
import { useTestDatabase } from '@plinth/testing';
import { SyncedRateLimiter, type RateLimitCheck } from './index';

const testDb = useTestDatabase();
const limiters: SyncedRateLimiter[] = [];
afterEach(async () => {
  await Promise.all(limiters.splice(0).map((limiter) => limiter.stop()));
});

/** A limiter on its own pool: one "node". Synced only when a test says so (no timer). */
function node(now: () => number, database = testDb.app, maxBuckets?: number) {
  const limiter = new SyncedRateLimiter({ database, now, ...(maxBuckets ? { maxBuckets } : {}) });
  limiters.push(limiter);
  return limiter;
}

async function take(limiter: SyncedRateLimiter, checks: RateLimitCheck[]) {
  return await limiter.take(checks);
}

const check = (subject: string, limit: number): RateLimitCheck => ({
  name: 'test.api',
  subject,
  limit,
  windowSeconds: 60,
});

describe('SyncedRateLimiter', () => {
  it('admits `limit` requests in a window, then refuses with the wait and no requests left', async () => {
    let clock = 120_000_000; // the start of a window
    const limiter = node(() => clock);
    const decisions = [];
    for (let n = 0; n < 5; n++) decisions.push(await take(limiter, [check('a', 3)]));
    expect(decisions.map((decision) => [decision.allowed, decision.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(decisions[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(60);
    // Another subject has its own bucket.
    expect((await take(limiter, [check('b', 3)])).allowed).toBe(true);
    // The window slides: halfway through the next window half of the last one still counts.
    clock += 90_000;
    const halfway = await take(limiter, [check('a', 3)]);
    expect(halfway).toMatchObject({ allowed: true, remaining: 0 });
    clock += 30_000;
    expect(await take(limiter, [check('a', 3)])).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('two nodes on one database share the limit through the sync', async () => {
    const clock = 240_000_000;
    const other = createDatabase(testDb.appUrl, { max: 2 });
    try {
      const a = node(() => clock);
      const b = node(() => clock, other);
      for (let n = 0; n < 4; n++) expect((await take(a, [check('shared', 6)])).allowed).toBe(true);
      await a.flush();
      // b meets the key for the first time: it reads the shared count before it decides.
      const results = [];
      for (let n = 0; n < 4; n++) results.push((await take(b, [check('shared', 6)])).allowed);
      expect(results).toEqual([true, true, false, false]);
      await b.flush();
      await a.flush();
      expect(await take(a, [check('shared', 6)])).toMatchObject({ allowed: false, remaining: 0 });
      const { rows } = await testDb.owner.pool.query<{ count: number }>(
        `select count from rate_limit where key like 'test.api:shared@%'`,
      );
      expect(rows).toEqual([{ count: 6 }]);
    } finally {
      await Promise.all(limiters.splice(0).map((limiter) => limiter.stop()));
      await other.close();
    }
  });

  it('a refused request counts against none of its checks', async () => {
    const limiter = node(() => 360_000_000);
    expect((await take(limiter, [check('wide', 10), check('narrow', 1)])).allowed).toBe(true);
    const refused = await take(limiter, [check('wide', 10), check('narrow', 1)]);
    expect(refused).toMatchObject({ allowed: false, limit: 1 });
    expect(await take(limiter, [check('wide', 10)])).toMatchObject({ allowed: true, remaining: 8 });
  });

  it('a node that cannot reach the database refuses to guess for a key it has never seen', async () => {
    const broken = createDatabase(testDb.appUrl, { max: 1 });
    await broken.close();
    const limiter = node(() => 480_000_000, broken);
    await expect(take(limiter, [check('cold', 5)])).rejects.toThrow();
  });

  it('a sync sends and reads only the buckets used lately, not every one this node has seen', async () => {
    let clock = 600_000_000;
    const readKeys: string[][] = [];
    const database = {
      ...testDb.app,
      pool: {
        query: (config: { name?: string; values?: unknown[] }) => {
          if (config.name === 'plinth_rate_limit_sync') {
            const values = config.values as string[][];
            readKeys.push([...values[0]!, ...values[4]!]);
          }
          return testDb.app.pool.query(config as never);
        },
      },
    } as unknown as typeof testDb.app;
    const limiter = node(() => clock, database);
    for (let n = 0; n < 50; n++) await take(limiter, [check(`spray-${n}`, 5)]);
    await limiter.flush();
    // A few seconds later one of them is used again: it alone is read (first, since its totals
    // are old by now) and sent.
    clock += 5_000;
    readKeys.length = 0;
    const again = limiter.take([check('spray-7', 5)]);
    expect(again).toBeInstanceOf(Promise);
    expect(await again).toMatchObject({ allowed: true, remaining: 3 });
    await limiter.flush();
    expect(readKeys.length).toBeGreaterThan(0);
    expect(new Set(readKeys.flat().map((key) => key.replace(/@.*/, '')))).toEqual(
      new Set(['test.api:spray-7']),
    );
    // Nothing used lately: no statement at all.
    clock += 5_000;
    readKeys.length = 0;
    await limiter.flush();
    expect(readKeys).toEqual([]);
  });

  it('keeps at most maxBuckets, evicting the least recently used idle ones; an evicted bucket starts cold, never blind', async () => {
    let clock = 720_000_000;
    const limiter = node(() => clock, testDb.app, 10);
    for (let n = 0; n < 3; n++) expect((await take(limiter, [check('busy', 3)])).allowed).toBe(true);
    for (let n = 0; n < 9; n++) {
      clock += 1;
      await take(limiter, [check(`idle-${n}`, 5)]);
    }
    await limiter.flush();
    expect(limiter.size).toBe(10);
    // An address spray: far more subjects than the cap.
    for (let n = 0; n < 200; n++) {
      clock += 1;
      await take(limiter, [check(`sprayed-${n}`, 5)]);
      if (n % 7 === 0) await limiter.flush();
      expect(limiter.size, `after sprayed-${n}`).toBeLessThanOrEqual(10);
    }
    await limiter.flush();
    expect(limiter.size).toBeLessThanOrEqual(10);
    // 'busy' was evicted long ago: it is met again cold, reads its shared count first, and refuses.
    const again = limiter.take([check('busy', 3)]);
    expect(again).toBeInstanceOf(Promise);
    expect(await again).toMatchObject({ allowed: false, remaining: 0 });
  });
});
