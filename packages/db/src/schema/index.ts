export * from './workspace';
export * from './identity';
export * from './project';
export * from './invitation';
export * from './audit-log';
export * from './outbox';
export { tenantTable, TENANT_SETTING } from './tenant-table';
export * from './platform';
