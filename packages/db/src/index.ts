// @plinth/db owns the schema, connections and the tenant transaction (this entry: safe to import
// anywhere on the server) and, under @plinth/db/admin, migrations, roles and the embedded Postgres.
// It imports nothing of ours; core and the apps build on it.
export * from './schema/index';
export { createDatabase, type Database, type DatabaseOptions, type Executor } from './client';
export {
  enterTenant,
  readInTenant,
  readInTenantPrepared,
  type NamedStatement,
  type InlineValue,
  withClientTransaction,
  withTenant,
  withTenantClient,
  type TenantActor,
  type TenantTx,
} from './tenant';
export { APP_ROLE } from './constants';
export { classifyDatabaseError, isConnectionLost, sqlStateOf, type DatabaseFailure } from './errors';
export { uuidv7, isUuid } from './ids';
export {
  assertChannel,
  createNotifyHub,
  maxNotificationPayloadBytes,
  publishNotification,
  type NotifyHub,
  type NotifyHubOptions,
} from './notify-hub';
