import { fork, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { systemActor } from '@plinth/core/actor';
import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { emitEvent } from '@plinth/core/events';
import { createLogger } from '@plinth/core/logger';
import { tryDecodeId } from '@plinth/core/public-ids';
import { createSecretBox } from '@plinth/core/secrets';
import { createWebhookEndpoint } from '@plinth/core/webhooks';
import { createDatabase, member, user, withTenant, workspace, type Database } from '@plinth/db';
import { startWebhookReceiver, type WebhookReceiver } from '@plinth/testing';
import type { OwnerDatabase } from '../apps/server/src/local-database';
import { benchEnvSource, openBenchDatabase } from './bench-database';
import { parseBenchOptions } from './cli-options';
import { integer, loadAverageNow, loadLine, milliseconds, tableRow } from './report-format';
import { BenchShutdown, exitIfAHandleLingers, progress, stopWithin } from './run-lifecycle';

// `npm run bench:webhooks-out`: 10 000 events, each fanned out to 3 endpoints on 3 local receivers
// (verifying every signature with the standardwebhooks library), emitted at a steady rate by
// committed transactions through the outbox; one worker node in its own process delivers them.
// Two runs in the same process: a baseline with three healthy receivers, then one where the third
// receiver never answers (every attempt waits for the 15 s timeout); then the ceiling beside them:
// the worker process sends as many signed POSTs from memory (no database, no queue) through the
// same egress. BENCH_SAMPLE=1 prints the queue's depth every 2 s. Reports deliveries/s, p50/p99
// from commit to receipt per receiver, and the worker's CPU per delivery. Prints; asserts nothing.

const USAGE = 'usage: npm run bench:webhooks-out [-- --pg-port 54335 --data-dir .data/bench-webhooks-out]';
const options = parseBenchOptions({ pgPort: 54335, dataDir: '.data/bench-webhooks-out', usage: USAGE });
const EVENTS = 10_000;
const EVENTS_PER_SECOND = 400; // 1 200 deliveries/s offered across the three endpoints
const TICK_MS = 50;
const DRAIN_TIMEOUT_MS = 120_000;
const SECRETS_KEY = Buffer.alloc(32, 3).toString('base64');
const loadBefore = loadAverageNow();
const logger = createLogger({ level: 'silent' });

let owner: OwnerDatabase | undefined;
let database: Database | undefined;
let worker: ChildProcess | undefined;
const receivers: WebhookReceiver[] = [];
const shutdown = new BenchShutdown(async () => {
  if (worker?.connected) {
    const exited = new Promise<void>((resolve) => worker!.once('exit', () => resolve()));
    worker.send('stop');
    await stopWithin(exited, 15_000, 'stopping the worker');
  }
  worker?.kill('SIGKILL');
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await database?.close();
  await stopWithin(owner?.stop(), 30_000, 'stopping Postgres');
  progress('stopped: worker, receivers and Postgres');
});

function ask<T>(child: ChildProcess, message: string | object, key: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (reply: Record<string, unknown>) => {
      if (key in reply) {
        child.off('message', listener);
        resolve(reply[key] as T);
      }
    };
    child.on('message', listener);
    child.send(message);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface RunResult {
  label: string;
  deliveries: number;
  seconds: number;
  cpuMsPerDelivery: number;
  latencies: { p50: number; p99: number; received: number }[];
}

async function run(label: string, slowThird: boolean): Promise<RunResult> {
  const db = database!;
  const tag = `${Date.now().toString(36)}${slowThird ? 's' : 'b'}`;
  const [person] = await db.db
    .insert(user)
    .values({ name: 'Bench', email: `bench-${tag}@example.test`, emailVerified: true })
    .returning();
  const [place] = await db.db
    .insert(workspace)
    .values({ name: `Bench ${tag}`, slug: `bench-out-${tag}` })
    .returning();
  await db.db.insert(member).values({ workspaceId: place!.id, userId: person!.id, role: 'owner' });
  const actor = { type: 'user' as const, id: person!.id, workspaceId: place!.id, role: 'owner' as const };
  const mine: WebhookReceiver[] = [];
  for (let index = 0; index < 3; index++) {
    const receiver = await startWebhookReceiver({ mode: slowThird && index === 2 ? 'timeout' : 'ok' });
    receivers.push(receiver);
    const { secret } = await createWebhookEndpoint(
      {
        database: db,
        secrets: createSecretBox(SECRETS_KEY),
        egress: { requireHttps: false, allowPrivate: 'loopback' },
      },
      actor,
      { url: receiver.url, eventTypes: ['ping'] },
    );
    receiver.setSecrets({ current: secret });
    mine.push(receiver);
  }
  const committedAt = new Map<string, number>();
  const cpuBefore = await ask<number>(worker!, 'cpu', 'cpu');
  const started = performance.now();
  const startedWall = Date.now();
  progress(`${label}: emitting ${integer.format(EVENTS)} events at ${EVENTS_PER_SECOND}/s`);
  let emitted = 0;
  while (emitted < EVENTS) {
    const due = Math.min(EVENTS, Math.floor(((Date.now() - startedWall) / 1000) * EVENTS_PER_SECOND) + 1);
    if (due > emitted) {
      const ids: string[] = [];
      await withTenant(db, place!.id, systemActor('bench'), async (tx) => {
        for (let n = emitted; n < due; n++)
          ids.push(await emitEvent(tx, actor, 'ping', { message: `event ${n}` }));
      });
      const now = Date.now();
      for (const id of ids) committedAt.set(id, now);
      emitted = due;
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const healthy = slowThird ? mine.slice(0, 2) : mine;
  const sampler = process.env.BENCH_SAMPLE
    ? setInterval(() => {
        void db.pool
          .query(
            `select (select count(*) from outbox where published_at is null and topic = 'webhooks.event')::int as outbox,
                    (select count(*) from webhook_dispatch where due_at <= now())::int as due,
                    (select count(*) from webhook_dispatch where lease_until > now())::int as leased`,
          )
          .then(({ rows }) =>
            progress(
              `sample ${JSON.stringify(rows[0])} received ${mine.map((r) => r.processed.size).join('/')}`,
            ),
          );
      }, 2_000)
    : undefined;
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (healthy.some((receiver) => receiver.processed.size < EVENTS) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const cpuAfter = await ask<number>(worker!, 'cpu', 'cpu');
  const deliveries = mine.reduce((sum, receiver) => sum + receiver.processed.size, 0);
  const latencies = mine.map((receiver) => {
    const values = [...receiver.processed.values()]
      .map((entry) => {
        const id = tryDecodeId('msg', entry.webhookId);
        const at = id ? committedAt.get(id) : undefined;
        return at === undefined ? NaN : entry.receivedAt - at;
      })
      .filter((value) => !Number.isNaN(value))
      .sort((a, b) => a - b);
    return { p50: percentile(values, 50), p99: percentile(values, 99), received: values.length };
  });
  progress(
    `${label}: ${deliveries} deliveries in ${seconds.toFixed(1)} s; p99 ms per receiver ${latencies.map((l) => l.p99.toFixed(0)).join(' / ')}`,
  );
  // The attempts to the slow receiver keep their timeouts running; the next run has its own.
  return {
    label,
    deliveries,
    seconds,
    cpuMsPerDelivery: (cpuAfter - cpuBefore) / 1000 / Math.max(1, deliveries),
    latencies,
  };
}

/**
 * The ceiling in the same run: the worker process sends the same number of signed POSTs straight
 * from memory through the same egress to three fresh healthy receivers (no database, no queue).
 */
async function rawCeiling(): Promise<{ deliveries: number; seconds: number; cpuMsPerDelivery: number }> {
  const targets: { url: string; secret: string }[] = [];
  const mine: WebhookReceiver[] = [];
  for (let index = 0; index < 3; index++) {
    const secret = `whsec_${Buffer.alloc(24, index + 1).toString('base64')}`;
    const receiver = await startWebhookReceiver({ secrets: { current: secret } });
    receivers.push(receiver);
    mine.push(receiver);
    targets.push({ url: receiver.url, secret });
  }
  progress(`ceiling: ${integer.format(EVENTS * 3)} signed POSTs from memory, no database`);
  const raw = await ask<{ seconds: number; cpuMicros: number }>(
    worker!,
    { raw: targets, count: EVENTS },
    'raw',
  );
  const deliveries = mine.reduce((sum, receiver) => sum + receiver.processed.size, 0);
  return {
    deliveries,
    seconds: raw.seconds,
    cpuMsPerDelivery: raw.cpuMicros / 1000 / Math.max(1, deliveries),
  };
}

try {
  const env = loadEnv(
    benchEnvSource(options, { PLINTH_ROLE: 'worker', SECRETS_ENCRYPTION_KEY: SECRETS_KEY }),
  );
  const opened = await openBenchDatabase(env, logger, (it) => (owner = it));
  const appUrl = appDatabaseUrl(env, opened.ownerUrl);
  database = createDatabase(appUrl, { max: 10 });
  // Our scratch cluster only: each run starts from an empty delivery queue. Endpoints (and their
  // deliveries) of earlier runs, whose receivers are gone, would otherwise be retried beside this one's.
  if (opened.embedded) {
    const client = new pg.Client({ connectionString: opened.ownerUrl });
    await client.connect();
    await client.query('truncate webhook_endpoint cascade').finally(() => client.end());
  }
  worker = fork(new URL('./webhooks-out-worker.ts', import.meta.url).pathname, {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_APP_DATABASE_URL: appUrl,
      BENCH_JOBS_SCHEMA: env.jobsSchema,
      BENCH_SECRETS_KEY: SECRETS_KEY,
    },
  });
  await ask(worker, 'hello', 'ready');
  const baseline = await run('baseline: 3 healthy', false);
  const slow = await run('third times out', true);
  const ceiling = await rawCeiling();
  const rows = [baseline, slow].flatMap((result) =>
    result.latencies.map((latency, index) =>
      tableRow([
        index === 0 ? result.label : '',
        `recv ${index + 1}${result === slow && index === 2 ? ' ✗' : ''}`,
        integer.format(latency.received),
        milliseconds(latency.p50),
        milliseconds(latency.p99),
      ]),
    ),
  );
  const healthyP99 = (result: RunResult) => Math.max(result.latencies[0]!.p99, result.latencies[1]!.p99);
  const lines = [
    `Outgoing webhooks: ${integer.format(EVENTS)} events × 3 endpoints, offered at ${EVENTS_PER_SECOND} events/s (${EVENTS_PER_SECOND * 3} deliveries/s), one worker process (≤ ${process.env.BENCH_CONCURRENCY ?? 128} attempts in flight, ≤ ${process.env.BENCH_PER_ENDPOINT ?? 32} per endpoint)`,
    tableRow(['run', 'receiver', 'received', 'p50 ms', 'p99 ms']),
    ...rows,
    tableRow(['run', 'deliv/s', 'CPU ms', 'seconds']),
    ...[baseline, slow, { ...ceiling, label: 'ceiling: POSTs, no db' }].map((result) =>
      tableRow([
        result.label,
        integer.format(result.deliveries / result.seconds),
        result.cpuMsPerDelivery.toFixed(3),
        milliseconds(result.seconds),
      ]),
    ),
    `healthy receivers' p99: ${milliseconds(healthyP99(baseline))} ms baseline, ${milliseconds(healthyP99(slow))} ms beside a timing-out receiver (${((healthyP99(slow) / healthyP99(baseline) - 1) * 100).toFixed(0)} %)`,
    'recv 3 ✗: the receiver that never answers; CPU ms: worker CPU per delivery.',
    'ceiling: the same number of signed POSTs sent by the worker process from memory through the same egress (16 at a time per receiver, no database, not paced): what HTTP alone allows here.',
    "latency: from the commit of the event's transaction to its receipt (first copy per webhook-id); deliveries/s: received by all receivers over the run, from the first emit to the last receipt at the healthy ones (emission paces it: at most the offered rate).",
    loadLine(loadBefore),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  shutdown.fail(error);
} finally {
  await shutdown.stopAll();
}
exitIfAHandleLingers();
