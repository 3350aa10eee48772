import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Bounds how many customer syncs run at once in this process. Each sync holds a pooled connection,
 * a transaction and an advisory lock across its Stripe calls, so a slow Stripe with unbounded syncs
 * would take the whole pool from the API and the pages. One limiter per process, built in the
 * wiring and shared by every caller (webhook worker, reconciliation, Checkout's success page);
 * syncCustomer() acquires it itself, so no caller can forget.
 */
export interface SyncLimiter {
  /** Syncs that may run at once. */
  readonly size: number;
  /**
   * Runs `task` once a slot is free (first come, first served). Re-entrant: inside a task, a nested
   * run (syncCustomer() called by a worker that already holds a slot for the sync and its side
   * effects) goes straight through instead of waiting for a second slot.
   */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** A sync needs one connection at a time; a third of the pool leaves the rest to requests. */
export function defaultSyncConcurrency(poolMax: number): number {
  return Math.max(1, Math.floor(poolMax / 3));
}

export function createSyncLimiter(size: number): SyncLimiter {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('a sync limiter needs at least one slot');
  const holding = new AsyncLocalStorage<true>();
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    size,
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (holding.getStore()) return task();
      // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in.
      if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
      else running += 1;
      try {
        return await holding.run(true, task);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
  };
}
