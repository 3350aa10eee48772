import { describeAuditRecord, type AuditRecord } from '@plinth/core/audit';
import { auditSentenceParts, type AuditSentenceParts } from './audit-sentence';

/** One audit record as the page shows it (and all an action sends to the browser). */
export interface AuditEntry {
  id: string;
  occurredAt: Date;
  /**
   * Core's English sentence ("Ada deleted the project “Launch”"): what the page shows for an
   * action the catalog has no sentence for.
   */
  summary: string;
  /** The parts the page words the sentence from, in the reader's language. */
  sentence: AuditSentenceParts;
  action: string;
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
    sentence: auditSentenceParts(record),
    action: record.action,
    ip: record.ip,
    userAgent: record.userAgent,
    details: Object.keys(metadata).length > 0 ? JSON.stringify(metadata, null, 2) : null,
  };
}
