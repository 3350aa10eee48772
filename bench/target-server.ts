import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { Session as InspectorSession } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { appDatabaseUrl, loadEnv, type Env } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { startPlinth } from '../apps/server/src/start';
import { version } from '../apps/server/src/version';
import type { CpuReply, ProfileReply, TargetCommand, TargetName, TargetReply } from './ipc';
import { startRawApiServer } from './raw-api';

// Child process of bench/health.ts, bench/auth.ts and bench/api.ts: serves one target (plinth:
// the whole API; raw: GET /api/health; raw-api: the projects list, in raw-api.ts), each
// target in its own process so neither shares a heap, a JIT or an event loop with the other or with
// the load.

interface RunningTarget {
  port: number;
  stop(): Promise<void>;
}

let running: RunningTarget | undefined;
let stopping: Promise<void> | undefined;

function reply(message: TargetReply | CpuReply | ProfileReply): void {
  process.send?.(message);
}

async function startTarget(target: TargetName, env: Env, ownerUrl: string): Promise<RunningTarget> {
  if (target === 'plinth') {
    const logger = createLogger({ level: env.logLevel });
    const plinth = await startPlinth(env, ownerUrl, { logger, dev: false });
    if (!plinth.server) throw new Error(`PLINTH_ROLE=${env.role} serves no HTTP`);
    return { port: (plinth.server.address() as AddressInfo).port, stop: () => plinth.stop() };
  }
  if (target === 'raw-api') return startRawApiServer(env, ownerUrl);
  if (target === 'raw-api-one') return startRawApiServer(env, ownerUrl, { oneRoundTrip: true });
  return startRawServer(env, ownerUrl);
}

/**
 * The baseline: the same work as our health route (one `select 1` on an app-role pool of the same
 * size, the same JSON) with nothing but node:http around it.
 */
async function startRawServer(env: Env, ownerUrl: string): Promise<RunningTarget> {
  const pool = new pg.Pool({
    connectionString: appDatabaseUrl(env, ownerUrl),
    max: env.databasePoolMax,
    application_name: 'plinth-bench-raw',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => {});
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/api/health') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
      return;
    }
    pool.query('select 1').then(
      () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'ok', db: 'ok', version }));
      },
      () => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'degraded', db: 'down', version }));
      },
    );
  });
  // The same socket limits as startPlinth sets on ours.
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  server.keepAliveTimeout = 5_000;
  await listen(server, env.host);
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await pool.end();
    },
  };
}

function listen(server: Server, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stopAndExit(): Promise<void> {
  stopping ??= (async () => {
    // A target that will not stop must still not outlive the bench.
    setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await running?.stop();
    } finally {
      if (process.connected) process.disconnect();
      process.exit(0);
    }
  })();
  return stopping;
}

// V8's sampling profiler, on this process's own inspector session: only while a bench asks for it
// (bench/pages.ts --cpu-prof), so an ordinary run pays nothing for it.
let profiler: InspectorSession | undefined;

async function profile(command: Extract<TargetCommand, { type: 'profile' }>): Promise<ProfileReply> {
  if (command.action === 'start') {
    if (profiler) throw new Error('a profile is already running');
    const session = new InspectorSession();
    session.connect();
    await session.post('Profiler.enable');
    // 1 ms between samples, not V8's default of about 0.1 ms: coarse enough that the profiler's own
    // cost stays small beside a render of tens of milliseconds, fine enough for tens of thousands
    // of samples over a round.
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
    profiler = session;
    return { type: 'profile' };
  }
  if (!profiler) throw new Error('no profile is running');
  const session = profiler;
  profiler = undefined;
  const { profile: result } = await session.post('Profiler.stop');
  session.disconnect();
  await writeFile(command.file, JSON.stringify(result));
  return { type: 'profile', file: command.file };
}

process.on('message', (message: TargetCommand) => {
  if (message.type === 'profile') {
    profile(message).then(reply, (error: unknown) =>
      reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return;
  }
  if (message.type === 'stop') {
    void stopAndExit();
    return;
  }
  if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    reply({ type: 'cpu', userMicros: user, systemMicros: system, rssBytes: process.memoryUsage.rss() });
    return;
  }
  if (running) {
    reply({ type: 'failed', message: 'already started' });
    return;
  }
  startTarget(message.target, loadEnv(message.envSource), message.ownerUrl).then(
    (target) => {
      running = target;
      reply({ type: 'listening', port: target.port });
    },
    (error: unknown) =>
      reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
// The parent went away (or closed the channel): stop rather than linger.
process.on('disconnect', () => void stopAndExit());
