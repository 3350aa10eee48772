// Configuration: the one zod-validated reader of process.env, and what it refuses in production.
// Everything else receives an Env value; nothing else touches process.env.
export { loadEnv, appDatabaseUrl, type Env } from './load-env';
export { envSchema, plinthRoles, DEV_APP_DB_PASSWORD, type PlinthRole } from './schema';
