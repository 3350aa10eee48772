import type { Database } from '@plinth/db';
import { defineQueue } from '../jobs/index';

/** The hourly job that deletes expired counters; the wiring schedules it. */
export const rateLimitPruneQueue = defineQueue({ name: 'maintenance.rate-limit-prune', retryLimit: 2 });

/**
 * Deletes counters whose window has passed (an expired row would be reset on its next use anyway;
 * this only keeps the table small). In batches, skipping rows a request holds right now, so it
 * never stalls a sign-in. Returns how many rows it deleted.
 */
export async function pruneRateLimits(database: Database, batchSize = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await database.pool.query(
      `delete from rate_limit where key in (
         select key from rate_limit where expires_at < now() limit $1 for update skip locked)`,
      [batchSize],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) return total;
  }
}
