import { withTenantClient, type Database } from '@plinth/db';
import { systemActor } from '../actor/index';
import { defineQueue } from '../jobs/index';
import { RESTORE_WINDOW_DAYS } from '../tenancy/index';
import { PENDING_FILE_MAX_AGE_HOURS, UPLOAD_SWEEP_AFTER_MINUTES } from './purposes';
import type { Storage } from './storage';

/** Hourly, once in the cluster: abandoned uploads, rejected rows, and deleted files past the window. */
export const fileCleanupQueue = defineQueue({ name: 'maintenance.files-cleanup', retryLimit: 2 });

/**
 * Removes what no one can use any more, workspace by workspace under RLS: uploads still `pending`
 * after a day, `rejected` rows after a day, and soft-deleted files once the workspace restore
 * window has passed, each with every object it names (upload key, checked copy, variants: a
 * rejected row's upload key may have been POSTed to again while its policy lasted, and S3 DELETE
 * is idempotent). The objects go first: a failure leaves the row, and the next run tries again.
 * Then every upload declared more than UPLOAD_SWEEP_AFTER_MINUTES ago has its upload key deleted
 * once (`swept`): its policy has expired, so whatever is there was written after completion,
 * rejection or deletion, and nothing counts or checks it. One still pending then is rejected.
 */
export async function cleanUpFiles(
  deps: {
    database: Database;
    storage: Storage;
    rescan?: (workspaceId: string, fileId: string) => Promise<void>;
  },
  options: { pendingMaxAgeHours?: number; deletedRetentionDays?: number; batchSize?: number } = {},
): Promise<{ pending: number; rejected: number; purged: number; swept: number }> {
  const pendingHours = options.pendingMaxAgeHours ?? PENDING_FILE_MAX_AGE_HOURS;
  const retentionDays = options.deletedRetentionDays ?? RESTORE_WINDOW_DAYS;
  const batchSize = options.batchSize ?? 500;
  const counts = { pending: 0, rejected: 0, purged: 0, swept: 0 };
  type Removal = Exclude<keyof typeof counts, 'swept'>;
  const actor = systemActor('files.cleanup');
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // The workspaces that have any file (a platform read of ids only; each workspace's rows under RLS).
    const { rows: workspaces } = await deps.database.pool.query<{ id: string }>(
      'select id from workspace where id > $1 order by id limit 500',
      [after],
    );
    if (workspaces.length === 0) return counts;
    after = workspaces[workspaces.length - 1]!.id;
    for (const { id: workspaceId } of workspaces) {
      for (;;) {
        const doomed = await withTenantClient(deps.database, workspaceId, actor, async (client) => {
          const { rows } = await client.query<{
            id: string;
            storage_key: string;
            final_key: string;
            variants: Record<string, { key: string; width: number; height: number; size: number }> | null;
            kind: Removal;
          }>(
            `select id, storage_key, final_key, variants,
                    case when deleted_at is not null then 'purged' when status = 'pending' then 'pending' else 'rejected' end as kind
               from file
              where workspace_id = $1 and (
                    (deleted_at is not null and deleted_at < now() - make_interval(days => $2))
                 or (deleted_at is null and status in ('pending', 'rejected')
                     and created_at < now() - make_interval(hours => $3)))
              order by id limit $4`,
            [workspaceId, retentionDays, pendingHours, batchSize],
          );
          return rows;
        });
        for (const row of doomed) {
          for (const variant of Object.values(row.variants ?? {})) await deps.storage.delete(variant.key);
          await deps.storage.delete(row.final_key);
          await deps.storage.delete(row.storage_key);
          await withTenantClient(deps.database, workspaceId, actor, (client) =>
            client.query('delete from file where workspace_id = $1 and id = $2', [workspaceId, row.id]),
          );
          counts[row.kind] += 1;
        }
        if (doomed.length < batchSize) break;
      }
      for (;;) {
        const unswept = await withTenantClient(deps.database, workspaceId, actor, async (client) => {
          const { rows } = await client.query<{ id: string; storage_key: string }>(
            `select id, storage_key from file
              where workspace_id = $1 and upload_swept_at is null and storage_key <> final_key
                and created_at < now() - make_interval(mins => $2)
              order by id limit $3`,
            [workspaceId, UPLOAD_SWEEP_AFTER_MINUTES, batchSize],
          );
          return rows;
        });
        for (const row of unswept) {
          await deps.storage.delete(row.storage_key);
          await withTenantClient(deps.database, workspaceId, actor, async (client) => {
            await client.query(
              'update file set upload_swept_at = now() where workspace_id = $1 and id = $2',
              [workspaceId, row.id],
            );
            await client.query(
              `update file set status = 'rejected', rejected_reason = 'The upload was not completed in time.',
                      completed_at = now()
                where workspace_id = $1 and id = $2 and status = 'pending'`,
              [workspaceId, row.id],
            );
          });
          counts.swept += 1;
        }
        if (unswept.length < batchSize) break;
      }
      if (deps.rescan) {
        // A scan whose job was lost (the process died between the commit and the send) is sent again.
        const stuck = await withTenantClient(deps.database, workspaceId, actor, async (client) => {
          const { rows } = await client.query<{ id: string }>(
            `select id from file where workspace_id = $1 and status = 'pending_scan' and deleted_at is null
               and completed_at < now() - interval '15 minutes' order by id limit $2`,
            [workspaceId, batchSize],
          );
          return rows;
        });
        for (const row of stuck) await deps.rescan(workspaceId, row.id);
      }
    }
  }
}
