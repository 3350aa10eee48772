// @plinth/db/admin: what the owner role and the tooling do — migrations, roles and grants, the
// embedded Postgres, creating databases. Kept out of the runtime entry so pages and server actions
// that import @plinth/db never bundle the migration files or the process launcher.
export { migrateDatabase, MIGRATIONS_FOLDER } from './migrate';
export {
  readMigrationStatus,
  shippedMigrations,
  type MigrationState,
  type MigrationStatus,
  type ShippedMigration,
} from './migration-status';
export { APP_ROLE, APPEND_ONLY_TABLES, applyAccessRules, ensureAppRole, setAppRolePassword } from './roles';
export {
  embeddedPasswordFile,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedPostgresExit,
  type EmbeddedPostgresHandle,
  type EmbeddedPostgresOptions,
  type EmbeddedPostgresRefusal,
} from './embedded';
export { describePortHolder, findPortHolder, freePort, isPortFree, type PortHolder } from './local-ports';
export { ensureDatabaseExists, withDatabaseName } from './databases';
