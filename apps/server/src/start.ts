import { storageBrowserOrigins, storageImageOrigins } from '@plinth/core/storage';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApi } from '@plinth/api';
import type { Env } from '@plinth/core/env';
import type { Logger } from '@plinth/core/logger';
import { createSessionReader } from '@plinth/core/identity';
import { EVENTS_TOPIC } from '@plinth/core/events';
import { startOutboxRelay } from '@plinth/core/outbox';
import { startMetricsServer } from '@plinth/core/telemetry';
import { provideServerContext } from '@plinth/core/server-context';
import { startHeartbeat } from '@plinth/core/system';
import { healthProbes, type NodeState } from './health';
import { createNextHandler } from './next-handler';
import { createRequestListener } from './request-listener';
import { version } from './version';
import {
  billingApiDeps,
  createWiring,
  registerBillingJobs,
  registerPlatformJobs,
  type Wiring,
} from './wiring';

export interface RunningPlinth {
  /** Base URL when this node serves HTTP. */
  url: string | undefined;
  server: Server | undefined;
  /** A worker node's probe server (HEALTH_PORT), when it has one. */
  healthUrl: string | undefined;
  /** The node's own state: `draining` turns true at the start of stop(). */
  state: NodeState;
  /** Where Prometheus scrapes `/metrics` (METRICS_PORT), when set. */
  metricsUrl?: string;
  /** The node's infrastructure (pool, queues, rate limiter), for tests that need a sync point. */
  wiring: Wiring;
  stop(): Promise<void>;
}

/**
 * Starts what PLINTH_ROLE asks for: `all` serves API and pages and runs workers; `api`, `web` and
 * `worker` run one part each so production can scale and isolate them. The database must already
 * be prepared (prepareDatabase) by the owner role.
 */
export async function startPlinth(
  env: Env,
  ownerUrl: string,
  options: { logger?: Logger; dev?: boolean } = {},
): Promise<RunningPlinth> {
  const wiring = createWiring(env, ownerUrl, options.logger);
  const { logger } = wiring;
  const servesApi = env.role === 'all' || env.role === 'api';
  const servesWeb = env.role === 'all' || env.role === 'web';
  const runsWorkers = env.role === 'all' || env.role === 'worker';
  const dev = options.dev ?? env.nodeEnv === 'development';
  const cleanups: (() => Promise<void>)[] = [];
  const state: NodeState = { draining: false };
  const health = healthProbes({ database: wiring.database, state, version });

  try {
    await wiring.jobs.start();
    let metricsUrl: string | undefined;
    if (wiring.metrics && env.metrics.port !== undefined) {
      // Its own listener (METRICS_HOST, 127.0.0.1 by default), never the public port.
      const listener = await startMetricsServer(wiring.metrics, {
        ...env.metrics,
        port: env.metrics.port,
        logger,
      });
      cleanups.push(() => listener.close());
      metricsUrl = listener.url;
    }
    // Every node reports its role, version and start in node_heartbeat (/admin/system lists them);
    // stopped, and the row marked stopped, before the pool closes.
    const heartbeat = await startHeartbeat(wiring, { role: env.role, version });
    cleanups.push(() => heartbeat.stop());
    if (runsWorkers) {
      const platform = await registerPlatformJobs(wiring);
      cleanups.push(() => platform.stop());
      await registerBillingJobs(wiring);
      // Webhook events leave the outbox through the webhook dispatcher, not the relay.
      const relay = startOutboxRelay(
        { ...wiring, consumedElsewhere: [EVENTS_TOPIC] },
        env.outboxRelayIntervalMs,
      );
      cleanups.push(() => relay.stop());
    }

    let server: Server | undefined;
    let url: string | undefined;
    if (servesApi || servesWeb) {
      if (servesWeb) {
        // Pages and server actions in this process use the same wiring as the API.
        provideServerContext({
          env,
          logger: wiring.logger.child({ component: 'web' }),
          database: wiring.database,
          jobs: wiring.jobs,
          flags: wiring.flags,
          readSession: createSessionReader({
            database: wiring.database,
            secret: env.auth.secret,
            production: env.isProduction,
          }),
          // Billing pages and actions use the same Stripe client as the webhook worker.
          ...(wiring.stripe ? { stripe: wiring.stripe } : {}),
          ...(wiring.billingSyncLimiter ? { billingSyncLimiter: wiring.billingSyncLimiter } : {}),
          ...(wiring.storage ? { storage: wiring.storage } : {}),
        });
      }
      const web = servesWeb
        ? await createNextHandler({ dev, hostname: env.host, port: env.port })
        : undefined;
      if (web) cleanups.push(() => web.close());
      const api = servesApi ? createApi({ ...wiring, version, ...billingApiDeps(wiring) }) : undefined;
      server = createServer(
        createRequestListener({
          api,
          web: web?.handle,
          production: env.isProduction,
          devServer: dev,
          connectSources: storageBrowserOrigins(env.storage),
          imageSources: storageImageOrigins(env.storage),
          trustedProxies: env.trustedProxies,
          health,
        }),
      );
      url = await listenBounded(server, env.port, env.host);
    }
    // A worker has no HTTP server; with HEALTH_PORT it answers the two probes (and 404 otherwise).
    let healthUrl: string | undefined;
    if (!server && env.healthPort !== undefined) {
      const probes = createServer(
        createRequestListener({ production: env.isProduction, devServer: false, health }),
      );
      healthUrl = await listenBounded(probes, env.healthPort, env.host);
      cleanups.push(() => new Promise<void>((resolve) => probes.close(() => resolve())));
    }
    logger.info({ role: env.role, url, healthUrl, version }, 'plinth started');

    let stopping: Promise<void> | undefined;
    return {
      url,
      server,
      healthUrl,
      state,
      ...(metricsUrl ? { metricsUrl } : {}),
      wiring,
      stop: () =>
        (stopping ??= (async () => {
          // Readiness answers 503 from here on; the node keeps serving while balancers notice.
          state.draining = true;
          if (server && env.shutdownDrainDelayMs > 0) {
            logger.info({ delayMs: env.shutdownDrainDelayMs }, 'draining: readiness is now 503');
            await new Promise((resolve) => setTimeout(resolve, env.shutdownDrainDelayMs));
          }
          await stop(server, env.shutdownTimeoutMs, cleanups, wiring.close, logger);
        })()),
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    await wiring.close().catch(() => {});
    throw error;
  }
}

/** Listens with the timeouts every server here gets; resolves with its URL. */
async function listenBounded(server: Server, port: number, host: string): Promise<string> {
  // Past these, a slow client cannot hold a socket open forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  server.keepAliveTimeout = 5_000;
  await listen(server, port, host);
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Graceful shutdown: stop accepting connections, let in-flight requests finish (closing idle
 * keep-alive sockets at once), force the rest after the timeout, then stop workers and the pool.
 */
async function stop(
  server: Server | undefined,
  timeoutMs: number,
  cleanups: (() => Promise<void>)[],
  closeWiring: () => Promise<void>,
  logger: Logger,
): Promise<void> {
  logger.info('shutting down');
  if (server) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    await closed;
    clearTimeout(force);
  }
  for (const cleanup of cleanups.reverse()) await cleanup();
  await closeWiring();
  logger.info('stopped');
}
