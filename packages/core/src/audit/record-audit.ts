import { auditLog, type Executor } from '@plinth/db';
import type { Actor } from '../actor/index';

export interface AuditEntry {
  action: string;
  workspaceId?: string | null;
  target?: { type: string; id: string };
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
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
    requestId: origin.requestId ?? null,
    metadata: entry.metadata ?? {},
  });
}
