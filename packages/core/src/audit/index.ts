// Audit: the append-only record of privileged actions; write it in the transaction of the change.
export {
  audit,
  auditStaffAction,
  STAFF_ON_WORKSPACE,
  type AuditEntry,
  type AuditOrigin,
} from './record-audit';
export { listAuditLog, listAuditLogInput, type AuditRecord, type ListAuditLogInput } from './list-audit-log';
export {
  auditActionLabel,
  auditActorLabel,
  describeAuditRecord,
  workspaceAuditActions,
  type DescribableAuditRecord,
} from './describe-audit';
export {
  AUDIT_EXPORT_MAX_ROWS,
  csvCell,
  exportAuditLog,
  exportAuditLogInput,
  type AuditExport,
  type AuditRef,
  type ExportAuditLogInput,
} from './export-audit-log';
