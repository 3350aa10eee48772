import { and, eq } from 'drizzle-orm';
import { member, type Executor } from '@plinth/db';

/**
 * Locks the workspace's owner rows for the rest of the transaction and returns their user ids.
 * Every change that could remove an owner calls this first, so two at once are serialized and the
 * second sees the first's result: a workspace can never be left without an owner.
 */
export async function lockOwners(tx: Executor, workspaceId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: member.userId })
    .from(member)
    .where(and(eq(member.workspaceId, workspaceId), eq(member.role, 'owner')))
    .for('update');
  return rows.map((row) => row.userId);
}
