import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { file, type Executor } from '@plinth/db';

/**
 * Bytes a workspace holds against its plan's `storageBytes`: every file not deleted and not
 * rejected, uploads still pending included (they are reserved when declared, so uploads declared at
 * once cannot overshoot the limit). Run inside the workspace's tenant transaction.
 */
export async function storageUsedIn(tx: Executor, workspaceId: string): Promise<number> {
  const [row] = await tx
    .select({ bytes: sql<string>`coalesce(sum(${file.size}), 0)` })
    .from(file)
    .where(and(eq(file.workspaceId, workspaceId), isNull(file.deletedAt), ne(file.status, 'rejected')));
  return Number(row?.bytes ?? 0);
}
