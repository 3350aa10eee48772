import { describe, expect, it } from 'vitest';
import { createSyncLimiter, defaultSyncConcurrency } from './sync-limiter';

/** A task that runs until released, recording how many ran at once. */
function probe() {
  let running = 0;
  let most = 0;
  const releases: (() => void)[] = [];
  const started: string[] = [];
  const task = (name: string) => async () => {
    started.push(name);
    running += 1;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => releases.push(resolve));
    running -= 1;
    return name;
  };
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return {
    task,
    started,
    most: () => most,
    async releaseNext() {
      await tick();
      releases.shift()?.();
      await tick();
    },
  };
}

describe('createSyncLimiter', () => {
  it('runs at most `size` tasks at once, the rest in arrival order', async () => {
    const limiter = createSyncLimiter(2);
    const p = probe();
    const results = Promise.all(['a', 'b', 'c', 'd'].map((name) => limiter.run(p.task(name))));
    await p.releaseNext();
    await p.releaseNext();
    await p.releaseNext();
    await p.releaseNext();
    expect(await results).toEqual(['a', 'b', 'c', 'd']);
    expect(p.started).toEqual(['a', 'b', 'c', 'd']);
    expect(p.most()).toBe(2);
  });

  it('a failing task gives its slot back', async () => {
    const limiter = createSyncLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('is re-entrant: a nested run inside a task does not wait for a second slot', async () => {
    const limiter = createSyncLimiter(1);
    const result = await limiter.run(() => limiter.run(async () => 'nested'));
    expect(result).toBe('nested');
  });

  it('defaults to a third of the pool, at least one', () => {
    expect(defaultSyncConcurrency(10)).toBe(3);
    expect(defaultSyncConcurrency(2)).toBe(1);
    expect(defaultSyncConcurrency(30)).toBe(10);
    expect(() => createSyncLimiter(0)).toThrow(RangeError);
  });
});
