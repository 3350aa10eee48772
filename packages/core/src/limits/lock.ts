import { sql } from 'drizzle-orm';
import type { Executor } from '@plinth/db';

/**
 * The key class of the limits lock in Postgres' two-integer advisory key space (which never meets
 * the one-bigint space the migrations lock uses): "PLim" in ASCII.
 */
const LIMITS_LOCK_CLASS = 0x504c696d;

/**
 * Takes the workspace's limits lock until the transaction ends. Every check that counts something
 * and then adds to it (projects, seats on invite, on resend, on accept, the invitation mail quota,
 * Checkout's seat floor) calls this first, in the same transaction as its write: the next such check
 * for the workspace waits here and then counts what this one wrote. Without it, 20 requests at once
 * each counted "room for one more" and all wrote (20 project creates on free, limit 3, made 7).
 *
 * One lock for every limit of a workspace, not one per limit: checks are short, and an invitation
 * (seats and mail quota) needs two of them at once without an order to get wrong.
 */
export async function lockWorkspaceLimits(tx: Executor, workspaceId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${sql.raw(String(LIMITS_LOCK_CLASS))}, hashtext(${workspaceId}))`,
  );
}
