// The constants entry only: the env module must stay importable from Next pages without the
// database package's server-only code (migrations, the embedded Postgres launcher).
import { APP_ROLE } from '@plinth/db/constants';
import { AppError } from '../errors/index';
import {
  DEV_APP_DB_PASSWORD,
  DEV_AUTH_SECRET,
  DEV_SECRETS_ENCRYPTION_KEY,
  envSchema,
  FAKE_STRIPE_SECRET_KEY_PREFIX,
  LOCAL_S3_ACCESS_KEY_ID,
  LOCAL_S3_SECRET_ACCESS_KEY,
  type PlinthRole,
} from './schema';

export interface Env {
  nodeEnv: 'development' | 'test' | 'production';
  isProduction: boolean;
  port: number;
  host: string;
  role: PlinthRole;
  appUrl: string;
  logLevel: string;
  /** Owner connection for migrations and seed; undefined means "start the embedded Postgres". */
  databaseUrl: string | undefined;
  /** The app-role connection, when given explicitly. */
  databaseAppUrl: string | undefined;
  appDbPassword: string;
  databasePoolMax: number;
  /**
   * Named (prepared) statements on the app pool. False behind a transaction-mode pooler (PgBouncer
   * before 1.21, or without max_prepared_statements): the next statement may run on another server
   * connection, where the name does not exist.
   */
  databasePreparedStatements: boolean;
  /** Client-side bounds on every pool, so a lost or frozen database cannot hold a request for ever. */
  databaseTimeouts: DatabaseTimeouts;
  embeddedPgPort: number;
  dataDir: string;
  /**
   * `npm run dev` only: Next serves apps/web's production build instead of compiling pages on demand
   * (what `npm run test:e2e` runs against). The rest of the dev stack (embedded Postgres, fake Stripe,
   * captured mail) is unchanged.
   */
  devServeBuild: boolean;
  jobsSchema: string;
  jobsPollIntervalSeconds: number;
  outboxRelayIntervalMs: number;
  /** How often API nodes write the keys' batched `last_used_at`. */
  apiKeyUsageFlushMs: number;
  shutdownTimeoutMs: number;
  /**
   * On SIGTERM: how long the node keeps serving with /api/health/ready answering 503 before it
   * stops accepting connections, so load balancers take it out of rotation first.
   */
  shutdownDrainDelayMs: number;
  /** A worker node serves /api/health/live and /ready on this port; undefined: no HTTP at all. */
  healthPort: number | undefined;
  /** Whether the `api` and `worker` roles migrate the database at start (off: a migration job does). */
  migrateOnStart: boolean;
  trustedProxies: string[];
  /** The /metrics listener (METRICS_PORT, METRICS_HOST); `port` undefined: no metrics listener. */
  metrics: { port: number | undefined; host: string };
  /** Sentry's DSN; errors are only logged without it. */
  sentryDsn: string | undefined;
  /** OpenTelemetry traces from the standard OTEL_* variables; undefined: tracing off. */
  tracing: TracingEnv | undefined;
  /** The metrics pushed over OTLP (OTEL_EXPORTER_OTLP_[METRICS_]ENDPOINT); undefined: no push. */
  metricsPush: MetricsPushEnv | undefined;
  /** Multiplies every /api/v1 rate limit (docs/decisions/0010-api-rate-limits.md). */
  apiRateLimitScale: number;
  /**
   * `npm run bench:pages` sets it: the web node then serves the bench's baseline page
   * (/bench/projects/<slug>, the projects list with one query and no sign-in). Off by default;
   * refused with a HOST that is not a loopback address in production.
   */
  benchPagesBaseline: boolean;
  auth: AuthEnv;
  mail: MailEnv;
  billing: BillingEnv;
  /** AES-256-GCM key (32 bytes, base64) for secrets stored in the database (webhook signing secrets). */
  secretsEncryptionKey: string;
  webhooks: WebhooksEnv;
  storage: StorageEnv;
}

export interface StorageEnv {
  /**
   * The S3 API endpoint (AWS, R2, MinIO, Backblaze, GCS's S3 endpoint). Undefined outside
   * production: `npm run dev` and the tests start the local S3 server and fill this in.
   */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** Path-style URLs (`endpoint/bucket/key`): MinIO and the local server need it; AWS and R2 do not. */
  forcePathStyle: boolean;
  /** A CDN (or public bucket) URL that serves public purposes (avatars, logos) by key. */
  publicBaseUrl: string | undefined;
  /** Where the local S3 server listens in development (0: a free port). */
  localPort: number;
}

export interface WebhooksEnv {
  /** `loopback`: outgoing webhooks may reach 127.0.0.1/::1 (a developer's local receiver); never in production. */
  allowPrivate: 'loopback' | 'none';
  /** Days a delivered or failed delivery stays in the log before the daily job deletes it. */
  deliveryRetentionDays: number;
}

export interface TracingEnv {
  tracesEndpoint: string;
  serviceName: string;
  sampler: string;
  samplerArg: number | undefined;
}

export interface MetricsPushEnv {
  metricsEndpoint: string;
  serviceName: string;
  /** OTEL_METRIC_EXPORT_INTERVAL (ms, default 60000). */
  intervalMs: number;
  /** OTEL_METRIC_EXPORT_TIMEOUT (ms, default 30000). */
  timeoutMs: number;
}

export interface DatabaseTimeouts {
  /** Waiting for a connection: a new one, or a free one from a busy pool. */
  connectMs: number;
  /** Waiting for a query's answer, on the client (pg's query_timeout). */
  queryMs: number;
  /** The app role's statement_timeout, set on the role by the migrate step; below `queryMs`. */
  statementMs: number;
}

export interface MailEnv {
  /** `capture` stores mail for /dev/mail (development, tests); `smtp` sends it. */
  transport: 'capture' | 'smtp';
  /** Set whenever transport is `smtp`. */
  smtpUrl: string | undefined;
  from: string;
  /** Where Team workspaces write for priority support (shown only to plans with the feature). */
  supportAddress: string;
}

export interface BillingEnv {
  /** Unset: billing is off (no Stripe client; pages show the catalog only). */
  stripeSecretKey: string | undefined;
  /** Verifies webhook signatures; required for /api/webhooks/stripe to accept anything. */
  stripeWebhookSecret: string | undefined;
  /** A local stand-in for Stripe's API (the fake Stripe), e.g. http://127.0.0.1:12111. */
  stripeApiBase: string | undefined;
  /** Customer syncs one process runs at once (each holds a pooled connection); unset: a third of the pool. */
  syncConcurrency?: number;
}

export interface OAuthClientEnv {
  clientId: string;
  clientSecret: string;
}

export interface AuthEnv {
  secret: string;
  /** Origins allowed to call /api/auth besides APP_URL's own. */
  trustedOrigins: string[];
  magicLinkSignUp: boolean;
  github: OAuthClientEnv | undefined;
  google: OAuthClientEnv | undefined;
  oidc: (OAuthClientEnv & { providerId: string; name: string; discoveryUrl: string }) | undefined;
}

/**
 * Parses and checks configuration. Called with `process.env` by the entry points only (this module
 * is the one place that reads it); tests call it with a plain object. In production it refuses the
 * development stand-ins: the embedded database and the well-known app-role password.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw AppError.fromZod(parsed.error, 'Invalid configuration');
  }
  const raw = parsed.data;
  const isProduction = raw.NODE_ENV === 'production';
  if (isProduction) {
    const refusals: Record<string, string> = {};
    if (!raw.DATABASE_URL) {
      refusals.DATABASE_URL = 'required in production (the embedded Postgres is for development)';
    }
    if (!raw.DATABASE_APP_URL && !raw.APP_DB_PASSWORD) {
      refusals.DATABASE_APP_URL = 'set DATABASE_APP_URL or APP_DB_PASSWORD in production';
    }
    if (raw.APP_DB_PASSWORD === DEV_APP_DB_PASSWORD) {
      refusals.APP_DB_PASSWORD = 'the development password is refused in production';
    }
    if (!raw.APP_URL) refusals.APP_URL = 'required in production';
    if (!raw.AUTH_SECRET) refusals.AUTH_SECRET = 'required in production (32+ random characters)';
    if (raw.AUTH_SECRET === DEV_AUTH_SECRET) {
      refusals.AUTH_SECRET = 'the development secret is refused in production';
    }
    if (raw.STRIPE_API_BASE && isLoopback(raw.STRIPE_API_BASE)) {
      refusals.STRIPE_API_BASE = 'a local (fake) Stripe is a development stand-in: unset it in production';
    }
    if (raw.STRIPE_SECRET_KEY?.startsWith(FAKE_STRIPE_SECRET_KEY_PREFIX)) {
      refusals.STRIPE_SECRET_KEY = 'the fake Stripe key is refused in production';
    }
    if (raw.MAIL_TRANSPORT === 'capture') {
      refusals.MAIL_TRANSPORT = 'capture is a development stand-in: set MAIL_TRANSPORT=smtp and SMTP_URL';
    }
    if (!raw.SECRETS_ENCRYPTION_KEY) {
      refusals.SECRETS_ENCRYPTION_KEY = 'required in production (openssl rand -base64 32)';
    }
    if (raw.SECRETS_ENCRYPTION_KEY === DEV_SECRETS_ENCRYPTION_KEY) {
      refusals.SECRETS_ENCRYPTION_KEY = 'the development key is refused in production';
    }
    // Without S3_ENDPOINT production has no file storage (the file operations answer 503), as it
    // has no billing without Stripe keys; the local server never starts there (dev.ts only).
    if (raw.S3_ACCESS_KEY_ID === LOCAL_S3_ACCESS_KEY_ID) {
      refusals.S3_ACCESS_KEY_ID =
        "the local S3 server's key is a development stand-in: refused in production";
    }
    if (raw.S3_SECRET_ACCESS_KEY === LOCAL_S3_SECRET_ACCESS_KEY) {
      refusals.S3_SECRET_ACCESS_KEY =
        "the local S3 server's secret is a development stand-in: refused in production";
    }
    if (raw.WEBHOOK_ALLOW_PRIVATE) {
      refusals.WEBHOOK_ALLOW_PRIVATE =
        'outgoing webhooks never reach private addresses in production: unset it';
    }
    if (raw.BENCH_PAGES_BASELINE && !isLoopbackHost(raw.HOST)) {
      refusals.BENCH_PAGES_BASELINE =
        'the bench baseline page answers without a sign-in: only on a loopback HOST (npm run bench:pages)';
    }
    if (Object.keys(refusals).length > 0) {
      throw new AppError('invalid_input', 'Refusing to start in production', { fields: refusals });
    }
  }
  if (raw.DATABASE_STATEMENT_TIMEOUT_MS >= raw.DATABASE_QUERY_TIMEOUT_MS) {
    // The server should cancel a slow statement first (its connection stays usable); the client's
    // bound is for a server that no longer answers at all.
    throw new AppError('invalid_input', 'Invalid configuration', {
      fields: {
        DATABASE_STATEMENT_TIMEOUT_MS: `must be below DATABASE_QUERY_TIMEOUT_MS (${raw.DATABASE_QUERY_TIMEOUT_MS})`,
      },
    });
  }
  if (raw.METRICS_PORT !== undefined && raw.METRICS_PORT !== 0 && raw.METRICS_PORT === raw.PORT) {
    // /metrics names routes, queues and volumes: it is for Prometheus, not for the internet.
    throw new AppError('invalid_input', 'Invalid configuration', {
      fields: { METRICS_PORT: 'must differ from PORT: metrics are never served on the public port' },
    });
  }
  if (raw.MAIL_TRANSPORT === 'smtp' && !raw.SMTP_URL) {
    throw new AppError('invalid_input', 'Invalid configuration', {
      fields: { SMTP_URL: 'required when MAIL_TRANSPORT=smtp' },
    });
  }
  return {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    port: raw.PORT,
    host: raw.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    role: raw.PLINTH_ROLE,
    appUrl: raw.APP_URL ?? `http://localhost:${raw.PORT}`,
    logLevel: raw.LOG_LEVEL,
    databaseUrl: raw.DATABASE_URL,
    databaseAppUrl: raw.DATABASE_APP_URL,
    appDbPassword: raw.APP_DB_PASSWORD ?? DEV_APP_DB_PASSWORD,
    databasePoolMax: raw.DATABASE_POOL_MAX,
    databasePreparedStatements: raw.DATABASE_PREPARED_STATEMENTS,
    databaseTimeouts: {
      connectMs: raw.DATABASE_CONNECT_TIMEOUT_MS,
      queryMs: raw.DATABASE_QUERY_TIMEOUT_MS,
      statementMs: raw.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    embeddedPgPort: raw.EMBEDDED_PG_PORT,
    dataDir: raw.PLINTH_DATA_DIR,
    devServeBuild: raw.DEV_SERVE_BUILD,
    jobsSchema: raw.JOBS_SCHEMA,
    jobsPollIntervalSeconds: raw.JOBS_POLL_INTERVAL_SECONDS,
    outboxRelayIntervalMs: raw.OUTBOX_RELAY_INTERVAL_MS,
    apiKeyUsageFlushMs: raw.API_KEY_USAGE_FLUSH_MS,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    shutdownDrainDelayMs: raw.SHUTDOWN_DRAIN_DELAY_MS ?? (isProduction ? 5_000 : 0),
    healthPort: raw.HEALTH_PORT,
    migrateOnStart: raw.MIGRATE_ON_START,
    trustedProxies: list(raw.TRUSTED_PROXIES),
    metrics: { port: raw.METRICS_PORT, host: raw.METRICS_HOST },
    sentryDsn: raw.SENTRY_DSN,
    tracing: tracingEnv(raw),
    metricsPush: metricsPushEnv(raw),
    apiRateLimitScale: raw.API_RATE_LIMIT_SCALE,
    benchPagesBaseline: raw.BENCH_PAGES_BASELINE,
    auth: {
      secret: raw.AUTH_SECRET ?? DEV_AUTH_SECRET,
      trustedOrigins: list(raw.AUTH_TRUSTED_ORIGINS),
      magicLinkSignUp: raw.MAGIC_LINK_SIGN_UP,
      github: oauthClient(raw.GITHUB_CLIENT_ID, raw.GITHUB_CLIENT_SECRET),
      google: oauthClient(raw.GOOGLE_CLIENT_ID, raw.GOOGLE_CLIENT_SECRET),
      oidc:
        raw.OIDC_DISCOVERY_URL && raw.OIDC_CLIENT_ID && raw.OIDC_CLIENT_SECRET
          ? {
              providerId: raw.OIDC_PROVIDER_ID,
              name: raw.OIDC_PROVIDER_NAME,
              discoveryUrl: raw.OIDC_DISCOVERY_URL,
              clientId: raw.OIDC_CLIENT_ID,
              clientSecret: raw.OIDC_CLIENT_SECRET,
            }
          : undefined,
    },
    mail: {
      transport: raw.MAIL_TRANSPORT,
      smtpUrl: raw.SMTP_URL,
      from: raw.MAIL_FROM,
      supportAddress: raw.SUPPORT_EMAIL,
    },
    billing: {
      stripeSecretKey: raw.STRIPE_SECRET_KEY,
      stripeWebhookSecret: raw.STRIPE_WEBHOOK_SECRET,
      stripeApiBase: raw.STRIPE_API_BASE,
      ...(raw.BILLING_SYNC_CONCURRENCY ? { syncConcurrency: raw.BILLING_SYNC_CONCURRENCY } : {}),
    },
    secretsEncryptionKey: raw.SECRETS_ENCRYPTION_KEY ?? DEV_SECRETS_ENCRYPTION_KEY,
    webhooks: {
      allowPrivate: raw.WEBHOOK_ALLOW_PRIVATE ?? 'none',
      deliveryRetentionDays: raw.WEBHOOK_DELIVERY_RETENTION_DAYS,
    },
    storage: {
      endpoint: raw.S3_ENDPOINT,
      region: raw.S3_REGION,
      bucket: raw.S3_BUCKET,
      accessKeyId: raw.S3_ACCESS_KEY_ID,
      secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
      forcePathStyle: raw.S3_FORCE_PATH_STYLE ?? false,
      publicBaseUrl: raw.S3_PUBLIC_BASE_URL?.replace(/\/+$/, ''),
      localPort: raw.LOCAL_S3_PORT,
    },
  };
}

function tracingEnv(raw: ReturnType<typeof envSchema.parse>): TracingEnv | undefined {
  if (raw.OTEL_SDK_DISABLED === 'true' || raw.OTEL_TRACES_EXPORTER === 'none') return undefined;
  const endpoint =
    raw.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (raw.OTEL_EXPORTER_OTLP_ENDPOINT
      ? `${raw.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`
      : undefined);
  if (!endpoint) return undefined;
  return {
    tracesEndpoint: endpoint,
    serviceName: raw.OTEL_SERVICE_NAME,
    sampler: raw.OTEL_TRACES_SAMPLER,
    samplerArg: raw.OTEL_TRACES_SAMPLER_ARG,
  };
}

function metricsPushEnv(raw: ReturnType<typeof envSchema.parse>): MetricsPushEnv | undefined {
  if (raw.OTEL_SDK_DISABLED === 'true' || raw.OTEL_METRICS_EXPORTER === 'none') return undefined;
  const endpoint =
    raw.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT ??
    (raw.OTEL_EXPORTER_OTLP_ENDPOINT
      ? `${raw.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/metrics`
      : undefined);
  if (!endpoint) return undefined;
  return {
    metricsEndpoint: endpoint,
    serviceName: raw.OTEL_SERVICE_NAME,
    intervalMs: raw.OTEL_METRIC_EXPORT_INTERVAL,
    timeoutMs: raw.OTEL_METRIC_EXPORT_TIMEOUT,
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** localhost, 127.0.0.0/8, ::1 and 0.0.0.0: where only a stand-in can be listening. */
/** A listening address only this machine reaches (unset is 0.0.0.0 in production). */
function isLoopbackHost(host: string | undefined): boolean {
  return host === 'localhost' || host === '::1' || (host !== undefined && /^127\.\d+\.\d+\.\d+$/.test(host));
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  );
}

function oauthClient(clientId?: string, clientSecret?: string): OAuthClientEnv | undefined {
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

/** The app-role URL: explicit, or the owner URL with the app role's name and password swapped in. */
export function appDatabaseUrl(env: Env, ownerUrl: string): string {
  if (env.databaseAppUrl) return env.databaseAppUrl;
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = env.appDbPassword;
  return url.toString();
}
