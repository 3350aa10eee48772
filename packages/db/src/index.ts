// @plinth/db owns the schema, migrations, connections, roles and the tenant transaction.
// It imports nothing of ours; core and the apps build on it.
export * from './schema/index';
export { createDatabase, type Database, type DatabaseOptions, type Executor } from './client';
export { withTenant, type TenantActor, type TenantTx } from './tenant';
export { migrateDatabase, MIGRATIONS_FOLDER } from './migrate';
export { APP_ROLE, APPEND_ONLY_TABLES, applyAccessRules, ensureAppRole, setAppRolePassword } from './roles';
export { startEmbeddedPostgres, type EmbeddedPostgresHandle, type EmbeddedPostgresOptions } from './embedded';
export { uuidv7, isUuid } from './ids';
export { ensureDatabaseExists, withDatabaseName } from './databases';
