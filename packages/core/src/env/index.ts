// Configuration: the one zod-validated reader of process.env, and what it refuses in production.
// Everything else receives an Env value; nothing else touches process.env.
export {
  loadEnv,
  appDatabaseUrl,
  type AuthEnv,
  type BillingEnv,
  type DatabaseTimeouts,
  type Env,
  type MailEnv,
  type StorageEnv,
  type OAuthClientEnv,
  type WebhooksEnv,
} from './load-env';
export {
  envSchema,
  plinthRoles,
  DEV_APP_DB_PASSWORD,
  DEV_AUTH_SECRET,
  DEV_SECRETS_ENCRYPTION_KEY,
  FAKE_STRIPE_SECRET_KEY_PREFIX,
  LOCAL_S3_ACCESS_KEY_ID,
  LOCAL_S3_SECRET_ACCESS_KEY,
  type PlinthRole,
} from './schema';
