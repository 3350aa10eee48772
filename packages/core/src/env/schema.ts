import { z } from 'zod';

export const plinthRoles = ['all', 'web', 'api', 'worker'] as const;
export type PlinthRole = (typeof plinthRoles)[number];

/** Development-only default for the auth secret; refused in production. */
export const DEV_AUTH_SECRET = 'plinth-development-auth-secret-not-for-production';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** The secret key the fake Stripe accepts (development and tests); refused in production. */
export const FAKE_STRIPE_SECRET_KEY_PREFIX = 'sk_test_fake';

/**
 * Development-only key for encrypting secrets at rest (webhook signing secrets): 32 bytes, base64.
 * Refused in production, where SECRETS_ENCRYPTION_KEY must be a random key of its own.
 */
export const DEV_SECRETS_ENCRYPTION_KEY = 'cGxpbnRoLWRldi1zZWNyZXRzLWtleS1ub3QtZm9yLXA=';

/**
 * The local S3 server's credentials (`npm run dev` and the tests start it when S3_ENDPOINT is unset);
 * refused in production.
 */
export const LOCAL_S3_ACCESS_KEY_ID = 'plinth-local-s3';
export const LOCAL_S3_SECRET_ACCESS_KEY = 'plinth-local-s3-secret-development-only';

/** Development-only default for the app role's password; refused in production. */
export const DEV_APP_DB_PASSWORD = 'plinth-app-dev';

const port = z.coerce.number().int().min(0).max(65535);
const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL');

/** Every variable Plinth reads. `.env.example` documents each one; keep the two in step. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  // Unset: 127.0.0.1 outside production (the dev mail outbox holds sign-in links), 0.0.0.0 in it.
  HOST: z.string().min(1).optional(),
  PLINTH_ROLE: z.enum(plinthRoles).default('all'),
  APP_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_APP_URL: postgresUrl.optional(),
  APP_DB_PASSWORD: z.string().min(12).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_PREPARED_STATEMENTS: flag.default(true),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  EMBEDDED_PG_PORT: port.default(54320),
  PLINTH_DATA_DIR: z.string().min(1).default('.data'),
  // npm run dev only: pages from the production build of apps/web instead of on-demand compiles.
  DEV_SERVE_BUILD: flag.default(false),
  JOBS_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('pgboss'),
  JOBS_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  API_KEY_USAGE_FLUSH_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // Unset: 5000 in production, 0 otherwise.
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).optional(),
  HEALTH_PORT: port.optional(),
  MIGRATE_ON_START: flag.default(true),
  TRUSTED_PROXIES: z.string().default(''),
  // The Prometheus listener: unset means no /metrics at all; never the public PORT.
  METRICS_PORT: port.optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  // Errors (5xx, jobs out of retries) also go to Sentry when set.
  SENTRY_DSN: z.string().url().optional(),
  // OpenTelemetry traces, by the standard variables: off (and no span made) without an endpoint.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).optional(),
  OTEL_TRACES_EXPORTER: z.string().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('plinth'),
  OTEL_TRACES_SAMPLER: z
    .enum([
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ])
    .default('parentbased_always_on'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  // The same registry /metrics serves, pushed over OTLP when an endpoint is set.
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: z.string().url().optional(),
  OTEL_METRICS_EXPORTER: z.string().optional(),
  OTEL_METRIC_EXPORT_INTERVAL: z.coerce.number().int().min(100).default(60_000),
  OTEL_METRIC_EXPORT_TIMEOUT: z.coerce.number().int().min(100).default(30_000),
  API_RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  // npm run bench:pages only: serves its baseline page (/bench/projects/<slug>); loopback HOST only.
  BENCH_PAGES_BASELINE: flag.default(false),
  // Identity (better-auth)
  AUTH_SECRET: z.string().min(32).optional(),
  AUTH_TRUSTED_ORIGINS: z.string().default(''),
  MAGIC_LINK_SIGN_UP: flag.default(true),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_PROVIDER_ID: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,30}$/)
    .default('oidc'),
  OIDC_PROVIDER_NAME: z.string().min(1).default('Single sign-on'),
  OIDC_DISCOVERY_URL: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  // Mail
  MAIL_TRANSPORT: z.enum(['capture', 'smtp']).default('capture'),
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default('Plinth <no-reply@localhost>'),
  SUPPORT_EMAIL: z.email().default('support@localhost'),
  // Billing (Stripe)
  STRIPE_SECRET_KEY: z
    .string()
    .regex(
      /^(sk|rk)_(test|live)_\w+$/,
      'must be a Stripe secret key (sk_test_…, sk_live_…) or restricted key',
    )
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
    .optional(),
  STRIPE_API_BASE: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL')
    .optional(),
  BILLING_SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(100).optional(),
  // Secrets at rest and outgoing webhooks
  SECRETS_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32 && /^[A-Za-z0-9+/]{43}=$/.test(value), {
      message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
    })
    .optional(),
  WEBHOOK_ALLOW_PRIVATE: z.enum(['loopback']).optional(),
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // File storage (any S3-compatible service); unset S3_ENDPOINT outside production: the local server
  S3_ENDPOINT: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL')
    .optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be an S3 bucket name (3-63 lowercase letters, digits, dots, dashes)',
    )
    .default('plinth-files'),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  S3_FORCE_PATH_STYLE: flag.optional(),
  S3_PUBLIC_BASE_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL')
    .optional(),
  // The local S3 server's data directory and port in development (0: any free port)
  LOCAL_S3_PORT: port.default(0),
});

export type RawEnv = z.infer<typeof envSchema>;
