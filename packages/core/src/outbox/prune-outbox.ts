import type { Database } from '@plinth/db';

/** Deletes published events older than `olderThanDays`; the job queue keeps its own history. */
export async function pruneOutbox(database: Database, olderThanDays = 7): Promise<number> {
  const result = await database.pool.query(
    `delete from outbox where published_at < now() - make_interval(days => $1)`,
    [olderThanDays],
  );
  return result.rowCount ?? 0;
}
