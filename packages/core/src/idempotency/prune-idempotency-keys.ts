import type { Database } from '@plinth/db';
import { defineQueue } from '../jobs/index';

/** The hourly job that deletes stored responses past their 24 h; the wiring schedules it. */
export const idempotencyPruneQueue = defineQueue({ name: 'maintenance.idempotency-prune', retryLimit: 2 });

/**
 * Deletes expired idempotency keys in batches, skipping rows a request holds right now. An expired
 * row would be taken over by its next use anyway; this keeps the table small. Returns the count.
 */
export async function pruneIdempotencyKeys(database: Database, batchSize = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await database.pool.query(
      `delete from idempotency_key where (owner_id, key) in (
         select owner_id, key from idempotency_key where expires_at < now() limit $1 for update skip locked)`,
      [batchSize],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) return total;
  }
}
