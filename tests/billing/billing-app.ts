import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll } from 'vitest';
import { createApi } from '@plinth/api';
import { createStripeClient, createSyncLimiter } from '@plinth/core/billing';
import {
  registerBillingEventJobs,
  stripeEventQueue,
  type BillingEventsDeps,
  type SyncCustomer,
} from '@plinth/core/billing-events';
import { JobQueue } from '@plinth/core/jobs';
import { createLogger } from '@plinth/core/logger';
import { createCaptureMailer, mailQueue, sendMailJob } from '@plinth/core/mail';
import { startOutboxRelay } from '@plinth/core/outbox';
import { EVENTS_TOPIC } from '@plinth/core/events';
import { session, webhookEvent } from '@plinth/db';
import { renderMail } from '@plinth/emails';
import { drainMailQueue, installTestQueues, type TestDatabase } from '@plinth/testing';
import { createRequestListener } from '../../apps/server/src/request-listener';
import { queues } from '../../apps/server/src/wiring';

/**
 * Tests retry quickly: the same policy shape as production (backoff, then the dead letter), with
 * one-second steps and two retries, written into the test's own database the way migrate does.
 */
export const fastStripeEventQueue = { ...stripeEventQueue, retryLimit: 2, retryDelaySeconds: 1 };

export interface BillingAppOptions {
  /** The Stripe client the API and worker use (a client pointed at the fake, usually). */
  stripe: () => Stripe;
  webhookSecret: () => string;
  /** The clock entitlements are judged by (the fake's clock). */
  now?: () => Date;
  /** Run a worker node processing the inbox and sending mail (default true). */
  worker?: boolean;
  /** Wraps syncCustomer in the worker, to inject failures. */
  syncCustomer?: SyncCustomer;
}

export interface BillingApp {
  url: string;
  webhookUrl: string;
  /** The deps the worker runs with; tests call reconcileStripe(app.deps) directly. */
  deps: BillingEventsDeps;
  /** Polls until `probe` returns a value other than undefined. */
  until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs?: number): Promise<T>;
  /** Waits until every inbox row has left `pending` and the mail it queued has been sent. */
  drained(timeoutMs?: number): Promise<void>;
  inbox(eventId: string): Promise<typeof webhookEvent.$inferSelect | undefined>;
  /** A session cookie for a user, as better-auth would have set it. */
  sessionCookie(userId: string): Promise<string>;
}

/**
 * The billing slice of Plinth as production runs it: the real API (Hono app behind the node:http
 * listener) with the webhook route, and a worker node on pg-boss processing the inbox and sending
 * mail into the capture transport, all on the test's own database.
 */
export function useBillingApp(testDb: TestDatabase, options: BillingAppOptions): BillingApp {
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  let server: Server | undefined;
  const queuesStarted: JobQueue[] = [];
  const relays: { stop(): Promise<void> }[] = [];
  const state = { url: '', deps: undefined as BillingEventsDeps | undefined };

  beforeAll(async () => {
    await installTestQueues(testDb, [fastStripeEventQueue]);
    const jobQueue = (runsWorkers: boolean) => {
      const jobs = new JobQueue({
        connectionString: testDb.appUrl,
        schema: testDb.env.jobsSchema,
        logger,
        queues,
        runsWorkers,
        pollingIntervalSeconds: 0.5,
      });
      queuesStarted.push(jobs);
      return jobs;
    };
    const apiJobs = jobQueue(false);
    await apiJobs.start();
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const env = { ...testDb.env, appUrl: state.url };
    const api = createApi({
      env,
      database: testDb.app,
      logger,
      version: 'test',
      jobs: apiJobs,
      billing: { stripe: options.stripe(), webhookSecret: options.webhookSecret() },
    });
    server.on('request', createRequestListener({ api, production: false, devServer: false }));

    const workerJobs = jobQueue(true);
    const deps: BillingEventsDeps = {
      database: testDb.app,
      stripe: options.stripe(),
      syncLimiter: createSyncLimiter(4),
      jobs: workerJobs,
      logger,
      appUrl: state.url,
      ...(options.now ? { now: options.now } : {}),
      ...(options.syncCustomer ? { syncCustomer: options.syncCustomer } : {}),
    };
    state.deps = deps;
    if (options.worker ?? true) {
      await workerJobs.start();
      await registerBillingEventJobs(workerJobs, deps, { schedule: false });
      await workerJobs.work(
        mailQueue.name,
        sendMailJob({ mailer: createCaptureMailer(testDb.app), renderMail, logger }),
      );
      // Billing mail is a notification: it leaves through the outbox, as on a worker node.
      const relay = startOutboxRelay(
        { database: testDb.app, jobs: workerJobs, logger, consumedElsewhere: [EVENTS_TOPIC] },
        100,
      );
      relays.push(relay);
    }
  });

  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server!.close(resolve));
    }
    await Promise.all(relays.map((relay) => relay.stop()));
    await Promise.all(queuesStarted.map((jobs) => jobs.stop(2_000)));
  });

  const until: BillingApp['until'] = async (probe, what, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    get url() {
      return state.url;
    },
    get webhookUrl() {
      return `${state.url}/api/webhooks/stripe`;
    },
    get deps() {
      if (!state.deps) throw new Error('billing app not started: use it inside a test');
      return state.deps;
    },
    until,
    async drained(timeoutMs = 30_000) {
      await until(
        async () => {
          const { rows } = await testDb.owner.pool.query<{ n: number }>(
            `select count(*)::int as n from webhook_event where status = 'pending'`,
          );
          return rows[0]!.n === 0 ? true : undefined;
        },
        'the inbox to drain',
        timeoutMs,
      );
      // Mail the processing queued (side effects) is out too: relayed from the outbox, then sent.
      await until(
        async () => {
          const { rows } = await testDb.owner.pool.query<{ n: number }>(
            `select count(*)::int as n from outbox where published_at is null and topic = 'mail.send'`,
          );
          return rows[0]!.n === 0 ? true : undefined;
        },
        'the outbox to relay mail',
        timeoutMs,
      );
      await drainMailQueue(testDb, timeoutMs);
    },
    async inbox(eventId) {
      const [row] = await testDb.owner.db.select().from(webhookEvent).where(eq(webhookEvent.id, eventId));
      return row;
    },
    async sessionCookie(userId) {
      const token = randomBytes(24).toString('base64url');
      await testDb.owner.db
        .insert(session)
        .values({ userId, token, expiresAt: new Date(Date.now() + 3600_000) });
      const signature = createHmac('sha256', testDb.env.auth.secret).update(token).digest('base64');
      return `plinth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
    },
  };
}

/** A Stripe client that never leaves the process: the webhook helpers work offline. */
export function offlineStripe(): Stripe {
  return createStripeClient({ secretKey: 'sk_test_offline', host: '127.0.0.1', port: 9, protocol: 'http' });
}
