import type { FlagStore } from '@plinth/core/flags';
import type { FileScanner, Storage } from '@plinth/core/storage';
import type { Database } from '@plinth/db';
import type { ApiKeyUsageRecorder } from '@plinth/core/api-keys';
import type { BillingDeps } from '@plinth/core/billing';
import type { Env } from '@plinth/core/env';
import type { Auth } from '@plinth/core/identity';
import type { JobQueue } from '@plinth/core/jobs';
import type { Logger } from '@plinth/core/logger';
import type { ErrorReporter, PlinthMetrics } from '@plinth/core/telemetry';
import type { ApiRateLimits, SyncedRateLimiter } from '@plinth/core/rate-limit';
import type { EgressPolicy } from '@plinth/core/webhooks';
import type { RealtimeHub } from '@plinth/core/realtime';

/** What the API needs from the process; built once in apps/server, and by each test for itself. */
export interface ApiDeps {
  env: Env;
  database: Database;
  logger: Logger;
  version: string;
  /** better-auth; absent in tests that exercise only the platform routes. */
  auth?: Auth;
  /** The job queue (mail goes out through it); required with `auth`. */
  jobs?: JobQueue;
  /** Stripe webhook verification; the webhook route exists only when billing is configured. */
  billing?: { stripe: BillingDeps['stripe']; webhookSecret: string };
  /** Batches API keys' `last_used_at`; without it, key requests record no last use. */
  apiKeyUsage?: ApiKeyUsageRecorder;
  /** The node's /api/v1 rate-limit counters (the wiring's, stopped on close); built here when absent. */
  rateLimiter?: SyncedRateLimiter;
  /** The /api/v1 limits; defaults (times API_RATE_LIMIT_SCALE) when absent. */
  apiRateLimits?: ApiRateLimits;
  /** Where webhook endpoints may point; from env when absent (tests inject a resolver). */
  webhookEgress?: EgressPolicy;
  /** Told of every 5xx; a structured error log (logErrorReporter) when absent. */
  errorReporter?: ErrorReporter;
  /** This node's realtime fan-out for GET /api/v1/me/events; without it that answers 503. */
  realtime?: RealtimeHub;
  /** The node's metrics (METRICS_PORT); requests are counted only when present. */
  metrics?: PlinthMetrics;
  /**
   * The node's flag cache, reloaded on every change through the notify hub (the wiring's); without
   * it one is built that loads the overrides once (tests that never change them).
   */
  flags?: FlagStore;
  /** Object storage (S3 API); the files operations answer 503 without it. */
  storage?: Storage;
  /** Scans completed files of scanned purposes when no job queue is given (tests). */
  fileScanner?: FileScanner;
}

export interface ApiEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** The client's address: the socket peer, or X-Forwarded-For behind TRUSTED_PROXIES. */
    clientIp: string;
    /** The envelope's error code once handleError answered; the metrics count errors by it. */
    errorCode?: string;
  };
}
