import { auditLog, type Executor } from '@plinth/db';
import { systemActor, type Actor } from '../actor/index';

export interface AuditEntry {
  action: string;
  workspaceId?: string | null;
  /**
   * What the action was done to. `name` is kept with the row (a project's or key's name at the
   * time) so the log reads well after a rename or deletion; leave it out for people, who are named
   * when the log is read.
   */
  target?: { type: string; id: string; name?: string | null };
  metadata?: Record<string, unknown>;
}

/** Request facts the edge knows and the service does not. */
export interface AuditOrigin {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

/**
 * Appends one audit row. Pass the transaction that makes the change, so the change and its record
 * commit together or not at all. Rows are never updated or deleted (grants and a trigger).
 */
export async function audit(
  db: Executor,
  actor: Actor,
  entry: AuditEntry,
  origin: AuditOrigin = {},
): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    workspaceId: entry.workspaceId ?? actor.workspaceId ?? null,
    actorType: actor.type,
    actorId: actor.id,
    impersonatorId: actor.impersonatorId ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetName: entry.target?.name ?? null,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
    requestId: origin.requestId ?? null,
    metadata: entry.metadata ?? {},
  });
}

/** The actor a workspace's members see for something Plinth's staff did to their workspace. */
export const STAFF_ON_WORKSPACE = 'staff';

/**
 * Audits a staff action that touches a workspace, as two rows in the same transaction:
 * - the staff record, outside every workspace (`workspace_id` null, the workspace in
 *   `metadata.workspaceId`): the staff member, their IP and user agent, the reason — for staff;
 * - the workspace's record: the same action and target by "Plinth support" (a system actor), with
 *   only `customerMetadata` (never the reason, which is a note among staff) and no IP or user agent.
 * So a workspace's owners learn that support suspended or re-planned them, not who, from where, or
 * why in staff's own words. Without a workspace it is one ordinary row.
 */
export async function auditStaffAction(
  db: Executor,
  staff: Actor,
  entry: AuditEntry & { customerMetadata?: Record<string, unknown> },
  origin: AuditOrigin = {},
): Promise<void> {
  const { customerMetadata, workspaceId, ...rest } = entry;
  if (!workspaceId) {
    await audit(db, staff, { ...rest, workspaceId: null }, origin);
    return;
  }
  await audit(db, staff, { ...rest, workspaceId: null, metadata: { ...rest.metadata, workspaceId } }, origin);
  await audit(db, systemActor(STAFF_ON_WORKSPACE), {
    action: rest.action,
    workspaceId,
    ...(rest.target ? { target: rest.target } : {}),
    metadata: customerMetadata ?? {},
  });
}
