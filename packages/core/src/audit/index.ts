// Audit: the append-only record of privileged actions; write it in the transaction of the change.
export { audit, type AuditEntry, type AuditOrigin } from './record-audit';
export { listAuditLog, listAuditLogInput, type ListAuditLogInput } from './list-audit-log';
