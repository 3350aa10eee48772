import { createDatabase, createNotifyHub, type Database, type NotifyHub } from '@plinth/db';
import { createApiKeyUsageRecorder, type ApiKeyUsageRecorder } from '@plinth/core/api-keys';
import {
  createStripeClient,
  createSyncLimiter,
  defaultSyncConcurrency,
  stripeEndpoint,
  type StripeClient,
  type SyncLimiter,
} from '@plinth/core/billing';
import { billingEventQueues, registerBillingEventJobs } from '@plinth/core/billing-events';
import { appDatabaseUrl, type Env } from '@plinth/core/env';
import { createFlagStore, flagCatalog, type FlagStore } from '@plinth/core/flags';
import { createAuth, liveSessionIds, localeOfEmail, type Auth } from '@plinth/core/identity';
import { JobQueue, platformQueues, type QueueDefinition } from '@plinth/core/jobs';
import { createLogger, type Logger } from '@plinth/core/logger';
import {
  combineReporters,
  createSentryReporter,
  deferredReporter,
  logErrorReporter,
  PlinthMetrics,
  startMetricsPush,
  startTracing,
  instrumentPool,
  tracedMailer,
  type ErrorReporter,
} from '@plinth/core/telemetry';
import {
  createCaptureMailer,
  createSmtpMailer,
  describeMailJob,
  mailQueue,
  queueMail,
  sendMailJob,
  type Mailer,
  type MailRenderer,
} from '@plinth/core/mail';
import { pruneOutbox } from '@plinth/core/outbox';
import { idempotencyPruneQueue, pruneIdempotencyKeys } from '@plinth/core/idempotency';
import { pruneRateLimits, rateLimitPruneQueue, SyncedRateLimiter } from '@plinth/core/rate-limit';
import { createSecretBox } from '@plinth/core/secrets';
import { egressPolicyFromEnv, registerWebhookJobs, webhookQueues } from '@plinth/core/webhooks';
import {
  createS3Storage,
  fileQueues,
  passThroughScanner,
  registerFileJobs,
  type FileScanner,
  type Storage,
} from '@plinth/core/storage';
import { renderMail } from '@plinth/emails';
import {
  notificationDigestQueue,
  sendNotificationDigests,
  unsubscribeLinks,
} from '@plinth/core/notifications';
import { createRealtimeHub, type RealtimeHub } from '@plinth/core/realtime';
import { version } from './version';

/**
 * The one place infrastructure is built. Core functions receive these as arguments; nothing else
 * constructs a pool, a queue or a logger. A product adds its queues to `queues` below.
 */
export const queues: readonly QueueDefinition[] = [
  ...platformQueues,
  rateLimitPruneQueue,
  idempotencyPruneQueue,
  mailQueue,
  notificationDigestQueue,
  ...webhookQueues,
  ...fileQueues,
  // Created everywhere (the migrate command does not know whether billing is configured); their
  // workers run only when it is.
  ...billingEventQueues,
];

export interface Wiring {
  env: Env;
  logger: Logger;
  database: Database;
  jobs: JobQueue;
  auth: Auth;
  mailer: Mailer;
  renderMail: MailRenderer;
  /** The Stripe client, when STRIPE_SECRET_KEY is set; billing is off without it. */
  stripe?: StripeClient;
  /**
   * The process's one bound on concurrent customer syncs (each holds a pooled connection while it
   * calls Stripe), shared by the webhook worker, reconciliation and the pages; set with `stripe`.
   */
  billingSyncLimiter?: SyncLimiter;
  /** API keys' last use, collected in memory and written in batches (flushed on close). */
  apiKeyUsage: ApiKeyUsageRecorder;
  /** /api/v1 rate-limit counters of this node, synced with the other nodes' through Postgres. */
  rateLimiter: SyncedRateLimiter;
  /** Where 5xx answers and jobs out of retries are reported (an error log; Sentry with SENTRY_DSN). */
  errorReporter: ErrorReporter;
  /**
   * This node's one LISTEN connection (opened on first subscribe), on DATABASE_URL: LISTEN needs a
   * server session of its own, which the app role's URL may not give behind a transaction-mode
   * pooler. Features reaching every node publish with `publishNotification()` in their transaction.
   */
  notifyHub: NotifyHub;
  /** This node's realtime fan-out to its SSE clients, fed by `notifyHub` (subscribes on first use). */
  realtime: RealtimeHub;
  /** This node's flag cache: every override, reloaded when a change is NOTIFYed (loaded on first use). */
  flags: FlagStore;
  /** This node's metrics, when METRICS_PORT (start.ts serves them) or an OTLP metrics endpoint is set. */
  metrics?: PlinthMetrics;
  /**
   * Object storage on the S3 API, when S3_ENDPOINT is set (dev.ts sets it to the local server's;
   * production requires it). Absent: the file operations answer 503.
   */
  storage?: Storage;
  /** Decides when a completed file of a scanned purpose is clean (docs: README "Files"). */
  fileScanner: FileScanner;
  close(): Promise<void>;
}

export function createWiring(env: Env, ownerUrl: string, logger?: Logger): Wiring {
  const log = logger ?? createLogger({ level: env.logLevel });
  const appUrl = appDatabaseUrl(env, ownerUrl);
  const database = createDatabase(appUrl, {
    max: env.databasePoolMax,
    applicationName: `plinth-${env.role}`,
    preparedStatements: env.databasePreparedStatements,
    connectTimeoutMs: env.databaseTimeouts.connectMs,
    queryTimeoutMs: env.databaseTimeouts.queryMs,
    // Expected while the database restarts; requests meanwhile answer 503 and the pool reconnects.
    onConnectionError: (error) => log.warn({ err: error }, 'database connection lost'),
  });
  // OTEL_* set: spans for requests, their SQL and jobs, batched to the OTLP endpoint; else nothing.
  const tracing = env.tracing
    ? startTracing(
        { ...env.tracing, attributes: { 'service.version': version, 'plinth.role': env.role } },
        log,
      )
    : undefined;
  // Every statement's time goes to its request's Server-Timing, and with tracing on into a span.
  instrumentPool(database.pool);
  const runsWorkers = env.role === 'all' || env.role === 'worker';
  const errorReporter = createErrorReporter(env, log);
  // The registry exists when someone reads it: Prometheus on METRICS_PORT, or an OTLP push.
  const metrics =
    env.metrics.port === undefined && !env.metricsPush
      ? undefined
      : new PlinthMetrics({ pool: database.pool, jobsSchema: env.jobsSchema, labels: { role: env.role } });
  const metricsPush =
    metrics && env.metricsPush
      ? startMetricsPush(
          metrics,
          { ...env.metricsPush, attributes: { 'service.version': version, 'plinth.role': env.role } },
          log,
        )
      : undefined;
  const jobs = new JobQueue({
    errorReporter,
    ...(metrics ? { onAttemptFailed: (queue: string) => metrics.observeJobFailure(queue) } : {}),
    connectionString: appUrl,
    connectTimeoutMs: env.databaseTimeouts.connectMs,
    queryTimeoutMs: env.databaseTimeouts.queryMs,
    schema: env.jobsSchema,
    logger: log,
    queues,
    runsWorkers,
    pollingIntervalSeconds: env.jobsPollIntervalSeconds,
  });
  const auth = createAuth({
    database,
    logger: log,
    auth: env.auth,
    appUrl: env.appUrl,
    production: env.isProduction,
    sendMail: async (mail) => {
      await queueMail(jobs, mail);
    },
  });
  const apiKeyUsage = createApiKeyUsageRecorder({
    database,
    flushIntervalMs: env.apiKeyUsageFlushMs,
    logger: log,
  });
  const stripe = stripeFromEnv(env);
  const rateLimiter = new SyncedRateLimiter({ database, logger: log }).start();
  const notifyHub = createNotifyHub({
    connectionString: ownerUrl,
    applicationName: `plinth-${env.role}-listen`,
    onError: (error) => log.warn({ err: error }, 'notification connection lost'),
  });
  const realtime = createRealtimeHub({
    database,
    notifyHub,
    logger: log,
    // A stream ends at the keep-alive after its session does (sign-out, revoke, ban).
    liveSessions: (sessionIds) => liveSessionIds(database, sessionIds),
  });
  const flags = createFlagStore({
    database,
    hub: notifyHub,
    definitions: flagCatalog,
    environment: env.nodeEnv,
    onError: (error) => log.warn({ err: error }, 'flag overrides could not be reloaded'),
  });
  const storage = env.storage.endpoint ? createS3Storage(env.storage) : undefined;
  return {
    env,
    logger: log,
    database,
    jobs,
    auth,
    // A span per message sent when tracing is on (transport, template; never the address).
    mailer: tracedMailer(createMailer(env, database), env.mail.transport),
    renderMail,
    ...(stripe
      ? {
          stripe,
          billingSyncLimiter: createSyncLimiter(
            env.billing.syncConcurrency ?? defaultSyncConcurrency(env.databasePoolMax),
          ),
        }
      : {}),
    apiKeyUsage,
    rateLimiter,
    notifyHub,
    realtime,
    flags,
    errorReporter,
    ...(metrics ? { metrics } : {}),
    ...(storage ? { storage } : {}),
    // A product plugs its scanner here (ClamAV: README "Files"); the default passes everything.
    fileScanner: passThroughScanner,
    async close() {
      await jobs.stop(env.shutdownTimeoutMs);
      await errorReporter.flush?.(2_000);
      await tracing?.shutdown();
      // Before the pool goes: the last push reads the queue and outbox gauges.
      await metricsPush?.shutdown();
      // After the server has drained its requests, before the pool goes: the last uses land.
      await apiKeyUsage.close();
      await rateLimiter.stop();
      await realtime.close();
      await flags.close();
      await notifyHub.close();
      await database.close();
    },
  };
}

/** Handlers and schedules of the platform's own queues; runs on worker nodes only. */
export async function registerPlatformJobs(wiring: Wiring): Promise<{ stop(): Promise<void> }> {
  const { jobs, logger, database } = wiring;
  await jobs.work('dead-letter', async (data, job) => {
    // A mail job's data holds links with sign-in tokens: log only its template and masked recipient.
    logger.error({ job, data: describeMailJob(data) ?? data }, 'job moved to the dead-letter queue');
  });
  await jobs.work('maintenance.outbox-prune', async () => {
    const pruned = await pruneOutbox(database);
    logger.info({ pruned }, 'pruned published outbox events');
  });
  await jobs.schedule('maintenance.outbox-prune', '17 3 * * *');
  await jobs.work(rateLimitPruneQueue.name, async () => {
    const pruned = await pruneRateLimits(database);
    logger.info({ pruned }, 'pruned expired rate-limit counters');
  });
  await jobs.schedule(rateLimitPruneQueue.name, '41 * * * *');
  await jobs.work(idempotencyPruneQueue.name, async () => {
    const pruned = await pruneIdempotencyKeys(database);
    logger.info({ pruned }, 'pruned expired idempotency keys');
  });
  await jobs.schedule(idempotencyPruneQueue.name, '23 * * * *');
  // Daily notification digests (decision 0026): pg-boss fires a schedule on one node of the cluster.
  await jobs.work(notificationDigestQueue.name, async () => {
    const mails = await sendNotificationDigests({ database, appUrl: wiring.env.appUrl });
    logger.info({ mails }, 'notification digests queued');
  });
  await jobs.schedule(notificationDigestQueue.name, '0 7 * * *');
  await jobs.work(
    mailQueue.name,
    sendMailJob({
      mailer: wiring.mailer,
      renderMail: wiring.renderMail,
      logger,
      unsubscribeLinks: (target) =>
        unsubscribeLinks({ appUrl: wiring.env.appUrl, secret: wiring.env.auth.secret }, target),
      // Mail in the recipient's language when they have an account and chose one (decision 0039).
      recipientLocale: (to) => localeOfEmail({ database }, to),
    }),
  );
  // The webhook dispatcher (fan-out from the outbox, the delivery loop): stopped on shutdown.
  const webhooks = await registerWebhookJobs({
    database,
    jobs,
    logger: logger.child({ component: 'webhooks' }),
    appUrl: wiring.env.appUrl,
    secrets: createSecretBox(wiring.env.secretsEncryptionKey),
    egress: egressPolicyFromEnv(wiring.env),
    retentionDays: wiring.env.webhooks.deliveryRetentionDays,
  });
  if (wiring.storage) {
    await registerFileJobs({
      database,
      storage: wiring.storage,
      jobs,
      scanner: wiring.fileScanner,
      logger: logger.child({ component: 'files' }),
    });
  }
  return { stop: () => webhooks.stop(wiring.env.shutdownTimeoutMs) };
}

/**
 * The billing workers (webhook inbox, dead letters, reconciliation schedules); worker nodes only,
 * and only when billing is configured.
 */
export async function registerBillingJobs(wiring: Wiring): Promise<void> {
  if (!wiring.stripe || !wiring.billingSyncLimiter) return;
  await registerBillingEventJobs(wiring.jobs, {
    database: wiring.database,
    stripe: wiring.stripe,
    syncLimiter: wiring.billingSyncLimiter,
    jobs: wiring.jobs,
    logger: wiring.logger.child({ component: 'billing' }),
    appUrl: wiring.env.appUrl,
  });
}

/** What the API needs to accept Stripe webhooks: the client and the endpoint's signing secret. */
export function billingApiDeps(wiring: Wiring): {
  billing?: { stripe: StripeClient; webhookSecret: string };
} {
  const webhookSecret = wiring.env.billing.stripeWebhookSecret;
  if (!wiring.stripe) return {};
  if (!webhookSecret) {
    wiring.logger.warn(
      'STRIPE_WEBHOOK_SECRET is not set: /api/webhooks/stripe is off and events arrive only by reconciliation',
    );
    return {};
  }
  return { billing: { stripe: wiring.stripe, webhookSecret } };
}

/**
 * Stripe's API, or the local stand-in STRIPE_API_BASE names (loadEnv refuses that in production);
 * undefined when no key is configured, which turns billing off.
 */
export function stripeFromEnv(env: Env): StripeClient | undefined {
  const { stripeSecretKey, stripeApiBase } = env.billing;
  if (!stripeSecretKey) return undefined;
  return createStripeClient({
    secretKey: stripeSecretKey,
    ...(stripeApiBase ? stripeEndpoint(stripeApiBase) : {}),
  });
}

/** An error line with the stack for every report; Sentry too when SENTRY_DSN is set. */
function createErrorReporter(env: Env, logger: Logger): ErrorReporter {
  const log = logErrorReporter(logger);
  if (!env.sentryDsn) return log;
  const sentry = createSentryReporter({
    dsn: env.sentryDsn,
    environment: env.nodeEnv,
    release: version,
    serverName: `plinth-${env.role}`,
  });
  return combineReporters(log, deferredReporter(sentry, logger));
}

/** SMTP when configured; otherwise the captured outbox (loadEnv refuses that in production). */
function createMailer(env: Env, database: Database): Mailer {
  if (env.mail.transport === 'capture') return createCaptureMailer(database);
  if (!env.mail.smtpUrl) throw new TypeError('SMTP_URL is required when MAIL_TRANSPORT=smtp');
  return createSmtpMailer({ url: env.mail.smtpUrl, from: env.mail.from });
}
