import { auditActionLabel, describeAuditRecord, type AuditRecord } from '@plinth/core/audit';

/** One audit record as the page shows it (and all an action sends to the browser). */
export interface AuditEntry {
  id: string;
  occurredAt: Date;
  /** The record as a sentence with names ("Ada deleted the project “Launch”"). */
  summary: string;
  action: string;
  actionLabel: string;
  ip: string | null;
  userAgent: string | null;
  /** The record's metadata as JSON, for the details disclosure; null when there is none. */
  details: string | null;
}

export function toAuditEntry(record: AuditRecord): AuditEntry {
  const metadata = record.metadata ?? {};
  return {
    id: record.id,
    occurredAt: record.occurredAt,
    summary: describeAuditRecord(record),
    action: record.action,
    actionLabel: auditActionLabel(record.action),
    ip: record.ip,
    userAgent: record.userAgent,
    details: Object.keys(metadata).length > 0 ? JSON.stringify(metadata, null, 2) : null,
  };
}
