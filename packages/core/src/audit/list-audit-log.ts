import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  apiKey,
  auditLog,
  user,
  withTenant,
  type AuditLogRow,
  type Database,
  type Executor,
} from '@plinth/db';
import { assertCan } from '../access/index';
import type { Actor } from '../actor/index';
import { requireFeature } from '../entitlements/index';
import { AppError, parseInput } from '../errors/index';

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
  /** Events at or after this instant. */
  from: z.coerce.date({ error: 'Use a date like 2026-12-01.' }).optional(),
  /** Events before this instant (exclusive). */
  to: z.coerce.date({ error: 'Use a date like 2026-12-31.' }).optional(),
  cursor: z.uuid('Invalid cursor.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListAuditLogInput = z.input<typeof listAuditLogInput>;
type AuditFilters = Pick<z.output<typeof listAuditLogInput>, 'actorId' | 'action' | 'from' | 'to'>;

/** An audit row with the names it is read with. */
export interface AuditRecord extends AuditLogRow {
  /**
   * The acting person's name (their email when they gave none), or the acting key's name; null for
   * the platform's own actors and for an actor no longer known.
   */
  actorName: string | null;
  /** True when the acting person has since deleted their account (their name is gone with it). */
  actorDeleted: boolean;
  /** A person target's current name, else the name stored with the row. */
  targetName: string | null;
  targetDeleted: boolean;
}

const actorUser = alias(user, 'actor_user');
const targetUser = alias(user, 'target_user');
const actorKey = alias(apiKey, 'actor_key');
// Audit ids are text (a system actor is a name): uuids are cast only for rows of a uuid kind, so the
// joins probe the primary keys.
const asUuid = (kind: SQL, column: typeof auditLog.actorId | typeof auditLog.targetId) =>
  sql`case when ${kind} then ${column}::uuid end`;

const recordColumns = {
  row: auditLog,
  actorUserName: actorUser.name,
  actorUserEmail: actorUser.email,
  actorUserDeleted: actorUser.deletedAt,
  actorKeyName: actorKey.name,
  targetUserName: targetUser.name,
  targetUserEmail: targetUser.email,
  targetUserDeleted: targetUser.deletedAt,
};

type JoinedRow = {
  row: AuditLogRow;
  actorUserName: string | null;
  actorUserEmail: string | null;
  actorUserDeleted: Date | null;
  actorKeyName: string | null;
  targetUserName: string | null;
  targetUserEmail: string | null;
  targetUserDeleted: Date | null;
};

function toRecord(joined: JoinedRow): AuditRecord {
  const { row } = joined;
  const personTarget = row.targetType === 'user';
  return {
    ...row,
    actorName:
      row.actorType === 'user'
        ? joined.actorUserName || joined.actorUserEmail
        : row.actorType === 'api_key'
          ? joined.actorKeyName
          : null,
    actorDeleted: joined.actorUserDeleted !== null,
    targetName: personTarget ? joined.targetUserName || joined.targetUserEmail : row.targetName,
    targetDeleted: personTarget && joined.targetUserDeleted !== null,
  };
}

function conditions(workspaceId: string, filters: AuditFilters, cursor?: string, upTo?: string) {
  return and(
    eq(auditLog.workspaceId, workspaceId),
    filters.actorId ? eq(auditLog.actorId, filters.actorId) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.from ? gte(auditLog.occurredAt, filters.from) : undefined,
    filters.to ? lt(auditLog.occurredAt, filters.to) : undefined,
    cursor ? lt(auditLog.id, cursor) : undefined,
    upTo ? lte(auditLog.id, upTo) : undefined,
  );
}

export function checkRange(filters: AuditFilters): void {
  if (filters.from && filters.to && filters.to <= filters.from) {
    throw new AppError('invalid_input', 'Invalid input.', {
      fields: { to: 'Choose an end after the start.' },
    });
  }
}

/** One page of a workspace's audit records, newest first, inside the caller's tenant transaction. */
export async function readAuditPage(
  tx: Executor,
  workspaceId: string,
  filters: AuditFilters,
  page: { cursor?: string; limit: number; upTo?: string },
): Promise<AuditRecord[]> {
  const rows = await tx
    .select(recordColumns)
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, asUuid(sql`${auditLog.actorType} = 'user'`, auditLog.actorId)))
    .leftJoin(actorKey, eq(actorKey.id, asUuid(sql`${auditLog.actorType} = 'api_key'`, auditLog.actorId)))
    .leftJoin(targetUser, eq(targetUser.id, asUuid(sql`${auditLog.targetType} = 'user'`, auditLog.targetId)))
    .where(conditions(workspaceId, filters, page.cursor, page.upTo))
    .orderBy(desc(auditLog.id))
    .limit(page.limit);
  return rows.map(toRecord);
}

/**
 * How many records match, counting no further than `atMost`, and the newest one's id (exact when
 * the count is below `atMost`): reading up to it later leaves out what was written since.
 */
export async function countAuditRecords(
  tx: Executor,
  workspaceId: string,
  filters: AuditFilters,
  atMost: number,
): Promise<{ count: number; newestId: string | null }> {
  const result = await tx.execute<{ count: number; newest_id: string | null }>(
    sql`select count(*)::int as count, max(id::text) as newest_id from (select ${auditLog.id} as id
        from ${auditLog} where ${conditions(workspaceId, filters)} limit ${atMost}) matched`,
  );
  return { count: result.rows[0]!.count, newestId: result.rows[0]!.newest_id };
}

/** A workspace's audit trail for its owners and admins, newest first, filterable by actor/action/date. */
export async function listAuditLog(
  deps: { database: Database },
  actor: Actor & { workspaceId: string },
  input: ListAuditLogInput = {},
): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
  assertCan(actor, 'audit.read');
  const { cursor, limit, ...filters } = parseInput(listAuditLogInput, input);
  checkRange(filters);
  const rows = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    // The audit log is sold with Pro and Team: the rows are kept on every plan, read on those.
    await requireFeature(tx, actor, 'audit_log');
    return readAuditPage(tx, actor.workspaceId, filters, { cursor, limit: limit + 1 });
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
