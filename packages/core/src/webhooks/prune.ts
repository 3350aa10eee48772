import { withTenantClient, type Database } from '@plinth/db';
import { systemActor } from '../actor/index';

/** Days a finished (delivered or failed) delivery stays in the log (WEBHOOK_DELIVERY_RETENTION_DAYS). */
export const DELIVERY_RETENTION_DAYS = 30;

/**
 * Deletes deliveries that finished (succeeded or failed) more than `olderThanDays` ago; pending ones
 * stay whatever their age. Delivery rows are tenant rows, so it goes workspace by workspace (each
 * under RLS, on the (workspace_id, created_at) index), in batches of `batchSize` rows per statement.
 * Returns how many rows it deleted.
 */
export async function pruneWebhookDeliveries(
  database: Database,
  olderThanDays = DELIVERY_RETENTION_DAYS,
  batchSize = 5_000,
): Promise<number> {
  let deleted = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows: workspaces } = await database.pool.query<{ id: string }>(
      'select id from workspace where id > $1 order by id limit 500',
      [after],
    );
    if (workspaces.length === 0) return deleted;
    after = workspaces[workspaces.length - 1]!.id;
    for (const { id } of workspaces) {
      for (;;) {
        const count = await withTenantClient(database, id, systemActor('webhooks'), async (client) => {
          const result = await client.query(
            `delete from webhook_delivery where id in (
               select id from webhook_delivery
               where workspace_id = $1 and created_at < now() - make_interval(days => $2)
                 and status <> 'pending'
                 and coalesce(delivered_at, last_attempt_at, created_at) < now() - make_interval(days => $2)
               limit $3)`,
            [id, olderThanDays, batchSize],
          );
          return result.rowCount ?? 0;
        });
        deleted += count;
        if (count < batchSize) break;
      }
    }
  }
}
