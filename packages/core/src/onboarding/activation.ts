import { sql } from 'drizzle-orm';
import type { Executor } from '@plinth/db';

/**
 * THE activation rule — change it here, and only here (docs/decisions/0036, README "Onboarding"):
 * a workspace is activated once it has at least one live project AND at least two members, in
 * whichever order those happen. It is SQL over the workspace's real rows, evaluated inside the
 * transaction of each change that can make it true (creating a project, accepting an invitation),
 * so `workspace.activated_at` is the moment it became true and is never set by a change that rolled
 * back. Call sites that can make a new rule true must call activateIfRuleMet too.
 */
const ruleMet = (workspaceId: string) => sql`
  exists (select 1 from project where workspace_id = ${workspaceId} and deleted_at is null)
  and (select count(*) from member where workspace_id = ${workspaceId}) >= 2`;

/**
 * Sets `workspace.activated_at` to now when the rule has just become true; once set it stays (a
 * later deletion does not un-activate). The workspace row is locked first, so two changes that
 * commit at once (a project and a join) are judged one after the other: the second sees the first.
 * Runs inside the caller's transaction, with app.workspace_id set (the project table is under RLS).
 */
export async function activateIfRuleMet(tx: Executor, workspaceId: string): Promise<boolean> {
  const pending = await tx.execute(
    sql`select id from workspace where id = ${workspaceId} and activated_at is null for update`,
  );
  if (pending.rows.length === 0) return false;
  // A new statement after the lock: Postgres reads with a fresh snapshot, seeing what committed.
  const updated = await tx.execute(
    sql`update workspace set activated_at = now() where id = ${workspaceId} and ${ruleMet(workspaceId)} returning id`,
  );
  return updated.rows.length > 0;
}
