import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { file, type Executor } from '@plinth/db';

/**
 * How long a declared upload that has not been completed holds its bytes against the plan: the
 * POST policy's five minutes, and a quarter of an hour for an upload that started at the last
 * moment to arrive. An abandoned declaration stops counting after that; completing it later
 * re-checks the limit (completeUpload).
 */
export const PENDING_UPLOAD_HOLD_MINUTES = 20;

/** True for a `pending` file row declared within the hold (compare with `file.created_at`). */
export const heldSince = sql`now() - make_interval(mins => ${PENDING_UPLOAD_HOLD_MINUTES})`;

/**
 * Bytes a workspace holds against its plan's `storageBytes`: every file not deleted and not
 * rejected, and uploads still pending for PENDING_UPLOAD_HOLD_MINUTES (they are reserved when
 * declared, so uploads declared at once cannot overshoot the limit). Deleted files do not count:
 * their objects are deleted with them. Run inside the workspace's tenant transaction; `except`
 * leaves one file out (the one being completed).
 */
export async function storageUsedIn(
  tx: Executor,
  workspaceId: string,
  options: { except?: string } = {},
): Promise<number> {
  const [row] = await tx
    .select({ bytes: sql<string>`coalesce(sum(${file.size}), 0)` })
    .from(file)
    .where(
      and(
        eq(file.workspaceId, workspaceId),
        isNull(file.deletedAt),
        ne(file.status, 'rejected'),
        or(ne(file.status, 'pending'), sql`${file.createdAt} >= ${heldSince}`),
        options.except ? ne(file.id, options.except) : undefined,
      ),
    );
  return Number(row?.bytes ?? 0);
}
