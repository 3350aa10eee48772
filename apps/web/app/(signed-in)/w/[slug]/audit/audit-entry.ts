import type { AuditLogRow } from '@plinth/db';

/** One audit row as the page shows it (and all an action sends to the browser). */
export interface AuditEntry {
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string;
  impersonatorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: string | null;
}

export function toAuditEntry(row: AuditLogRow): AuditEntry {
  const metadata = row.metadata ?? {};
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    actorType: row.actorType,
    actorId: row.actorId,
    impersonatorId: row.impersonatorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    details: Object.keys(metadata).length > 0 ? JSON.stringify(metadata) : null,
  };
}

/** The actions core records for a workspace today, offered as filter suggestions. */
export const knownAuditActions = [
  'workspace.created',
  'workspace.renamed',
  'workspace.deleted',
  'workspace.restored',
  'workspace.ownership_transferred',
  'member.role_changed',
  'member.removed',
  'member.left',
  'invitation.sent',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'project.created',
  'project.updated',
  'project.deleted',
] as const;
