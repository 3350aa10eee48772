import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, withTenant, type AuditLogRow, type Database } from '@plinth/db';
import { assertCan } from '../access/index';
import type { Actor } from '../actor/index';
import { parseInput } from '../errors/index';

export const listAuditLogInput = z.strictObject({
  /** A user or key uuid, or a system actor's name (`stripe-webhook`): printable ASCII only. */
  actorId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\x21-\x7e]+$/, 'Choose an actor from the list.')
    .optional(),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z0-9_.]+$/, 'Use an action like project.deleted.')
    .optional(),
  cursor: z.uuid('Invalid cursor.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListAuditLogInput = z.input<typeof listAuditLogInput>;

/** A workspace's audit trail for its owners and admins, newest first, filterable by actor/action. */
export async function listAuditLog(
  deps: { database: Database },
  actor: Actor & { workspaceId: string },
  input: ListAuditLogInput = {},
): Promise<{ items: AuditLogRow[]; nextCursor: string | null }> {
  assertCan(actor, 'audit.read');
  const { actorId, action, cursor, limit } = parseInput(listAuditLogInput, input);
  const rows = await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.workspaceId, actor.workspaceId),
          actorId ? eq(auditLog.actorId, actorId) : undefined,
          action ? eq(auditLog.action, action) : undefined,
          cursor ? lt(auditLog.id, cursor) : undefined,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(limit + 1),
  );
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
