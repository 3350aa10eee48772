import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type Stripe from 'stripe';
import {
  createStripeClient,
  createSyncLimiter,
  startCheckout,
  syncCatalog,
  syncCustomer,
} from '@plinth/core/billing';
import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { APP_ROLE, createDatabase, member, user, workspace, type Database } from '@plinth/db';
import { startFakeStripe, type FakeStripe } from '@plinth/testing/fake-stripe';
import type { OwnerDatabase } from '../apps/server/src/local-database';
import { startPlinth, type RunningPlinth } from '../apps/server/src/start';
import { benchEnvSource, openBenchDatabase } from './bench-database';
import { parseBenchOptions, type BenchOptions } from './cli-options';
import { ChildHandle, type LoadResult } from './ipc';
import {
  best,
  describe,
  integer,
  loadAverageNow,
  loadLine,
  milliseconds,
  resultRow,
  roundsLines,
  runConditions,
  tableRow,
  windowLine,
} from './report-format';
import { BenchShutdown, exitIfAHandleLingers, progress, stopWithin } from './run-lifecycle';
import type { WebhookTargetCommand, WebhookTargetName, WebhookTargetReply } from './webhook-target';

// `npm run bench:webhooks [-- --connections 50 --duration 10 --warmup 2 --rounds 2]`:
// 1. ingest — signed Stripe events POSTed to /api/webhooks/stripe of an API node (verify the raw
//    body, insert into the inbox, queue the job, answer) against a raw node:http + pg baseline that
//    stores the same row from the same JSON without verifying or queueing anything; rounds alternate.
// 2. processing — a worker node drains what the plinth rounds stored (pg-boss, re-sync per customer
//    from the fake Stripe, one sync covering a customer's pending events), beside a naive baseline:
//    one syncCustomer per event, no queue, at the worker's concurrency.
// Prints numbers; asserts nothing.

const WEBHOOK_PATH = '/api/webhooks/stripe';
const REQUEST_TIMEOUT_MS = 10_000;
const RAW_INBOX_TABLE = 'bench_webhook_event';
const PROCESSING_TIMEOUT_MS = 180_000;
const NAIVE_SAMPLE = 300;
const TARGETS: readonly { name: WebhookTargetName; label: string }[] = [
  { name: 'raw', label: 'raw node:http + pg insert' },
  { name: 'plinth', label: 'plinth webhook (api role)' },
];

interface Template {
  /** The event's JSON with `__EVENT_ID__` where its id goes. */
  body: string;
}

/** Workspaces with a Stripe customer and a subscription at the fake; one event template each. */
async function seedCustomers(
  database: Database,
  fake: FakeStripe,
  stripe: Stripe,
  appUrl: string,
  count: number,
): Promise<Template[]> {
  const run = randomBytes(3).toString('hex');
  for (let n = 0; n < count; n++) {
    const [person] = await database.db
      .insert(user)
      .values({ name: `Bench ${n}`, email: `bench-${run}-${n}@example.test`, emailVerified: true })
      .returning();
    const [place] = await database.db
      .insert(workspace)
      .values({ name: `Bench ${run} ${n}`, slug: `bench-${run}-${n}` })
      .returning();
    await database.db.insert(member).values({ workspaceId: place!.id, userId: person!.id, role: 'owner' });
    const { sessionId } = await startCheckout(
      { database, stripe, appUrl },
      { type: 'user', id: person!.id, workspaceId: place!.id, role: 'owner' },
      { lookupKey: 'team_monthly', quantity: 1 + (n % 5) },
    );
    await fake.completeCheckout(sessionId);
  }
  // The real payloads the fake made: a subscription update, with its items, prices and periods.
  return fake
    .events()
    .filter((event) => event.type === 'customer.subscription.created')
    .slice(-count)
    .map((event) => ({ body: JSON.stringify({ ...event, id: '__EVENT_ID__' }) }));
}

/** Closed-loop load of signed POSTs, each with a new event id, over keep-alive connections. */
async function runLoad(
  port: number,
  options: BenchOptions,
  templates: Template[],
  sign: (payload: string) => string,
  prefix: string,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const start = performance.now() + options.warmupSeconds * 1000;
  const end = start + options.durationSeconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let counter = 0;
  const post = (body: string) =>
    new Promise<string | undefined>((resolve) => {
      const request = http.request(
        {
          agent,
          host: '127.0.0.1',
          port,
          path: WEBHOOK_PATH,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'stripe-signature': sign(body),
          },
        },
        (response) => {
          response.on('end', () =>
            resolve(response.statusCode === 200 ? undefined : `HTTP ${response.statusCode}`),
          );
          response.resume();
        },
      );
      request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error('timeout')));
      request.on('error', (error) => resolve(error.message));
      request.end(body);
    });
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) {
        counter += 1;
        const template = templates[counter % templates.length]!;
        const body = template.body.replace('__EVENT_ID__', `evt_${prefix}${counter.toString(36)}`);
        const began = performance.now();
        const failure = await post(body);
        const finished = performance.now();
        if (finished >= start && finished < end) {
          if (failure === undefined) latencies.push(finished - began);
          else {
            errors += 1;
            firstError ??= failure;
          }
        }
        if (failure !== undefined) await sleep(10);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  const elapsedMs = end - start;
  return {
    type: 'result',
    requests: latencies.length,
    errors,
    elapsedMs,
    requestsPerSecond: (latencies.length * 1000) / elapsedMs,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    firstError,
  };
}

async function countPending(database: Database): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `select count(*)::int as n from webhook_event where status = 'pending'`,
  );
  return rows[0]!.n;
}

const USAGE =
  'usage: npm run bench:webhooks -- [--connections 50] [--duration 10] [--warmup 2] [--rounds 2] ' +
  '[--pg-port 54334] [--data-dir .data/bench-webhooks]';

const options = parseBenchOptions({ pgPort: 54334, dataDir: '.data/bench-webhooks', usage: USAGE });
const CUSTOMERS = 20;
const loadBefore = loadAverageNow();
const logger = createLogger({ level: 'silent' });

let owner: OwnerDatabase | undefined;
let fake: FakeStripe | undefined;
let database: Database | undefined;
let worker: RunningPlinth | undefined;
const targets: ChildHandle<WebhookTargetCommand, WebhookTargetReply>[] = [];
const shutdown = new BenchShutdown(async () => {
  await stopWithin(worker?.stop(), 20_000, 'stopping the worker');
  await Promise.all(targets.map((child) => child.close({ type: 'stop' }, 20_000)));
  await database?.close();
  await fake?.close();
  await stopWithin(owner?.stop(), 30_000, 'stopping Postgres');
  progress('stopped: servers, worker, fake Stripe and Postgres');
});

try {
  fake = await startFakeStripe({ delivery: 'manual' });
  const stripeEnv = {
    PORT: '0',
    STRIPE_SECRET_KEY: fake.secretKey,
    STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
    STRIPE_API_BASE: fake.url,
  };
  const envSource = benchEnvSource(options, stripeEnv);
  const env = loadEnv(envSource);
  const opened = await openBenchDatabase(env, logger, (it) => (owner = it));
  const ownerDb = createDatabase(opened.ownerUrl, { max: 2 });
  try {
    // A scratch cluster: earlier runs' customers are gone with their fake, so is their backlog.
    if (opened.embedded) {
      await ownerDb.pool.query(`truncate webhook_event, billing_effect`);
      await ownerDb.pool.query(`delete from ${env.jobsSchema}.job where name like 'billing.%'`);
    }
    await ownerDb.pool.query(`drop table if exists ${RAW_INBOX_TABLE}`);
    await ownerDb.pool.query(`create table ${RAW_INBOX_TABLE} (like webhook_event including all)`);
    await ownerDb.pool.query(`grant select, insert on ${RAW_INBOX_TABLE} to ${APP_ROLE}`);
  } finally {
    await ownerDb.close();
  }
  database = createDatabase(appDatabaseUrl(env, opened.ownerUrl), { max: 10 });
  const stripe = createStripeClient({
    secretKey: fake.secretKey,
    host: fake.host,
    port: fake.port,
    protocol: 'http',
  });
  progress(`seeding ${CUSTOMERS} workspaces with a Team subscription at the fake Stripe`);
  await syncCatalog({ database, stripe, appUrl: 'http://127.0.0.1' });
  const templates = await seedCustomers(database, fake, stripe, 'http://127.0.0.1', CUSTOMERS);
  const sign = (payload: string) => fake!.signPayload(payload);

  const ports = new Map<WebhookTargetName, number>();
  for (const { name } of TARGETS) {
    const child = ChildHandle.fork<WebhookTargetCommand, WebhookTargetReply>(
      new URL('./webhook-target.ts', import.meta.url),
      `${name} server`,
    );
    targets.push(child);
    const reply = await child.request(
      { type: 'start', target: name, ownerUrl: opened.ownerUrl, envSource },
      60_000,
    );
    ports.set(name, reply.port);
    progress(`${name} server listening on 127.0.0.1:${reply.port}`);
  }

  const results = new Map<WebhookTargetName, LoadResult[]>(TARGETS.map(({ name }) => [name, []]));
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const { name, label } of TARGETS) {
      const result = await runLoad(ports.get(name)!, options, templates, sign, `b${round}${name[0]}`);
      results.get(name)!.push(result);
      progress(`round ${round}/${options.rounds}  ${label.padEnd(27)} ${describe(result)}`);
      await sleep(500);
    }
  }

  // Processing: first the naive baseline on a sample, then the worker drains the whole backlog.
  const pending = await countPending(database);
  const { rows: sample } = await database.pool.query<{ customer_id: string }>(
    `select customer_id from webhook_event where status = 'pending' order by received_at limit ${NAIVE_SAMPLE}`,
  );
  progress(`processing: naive syncCustomer per event on ${sample.length} events`);
  const naiveStarted = performance.now();
  let next = 0;
  const naiveDeps = { database: database!, stripe, syncLimiter: createSyncLimiter(4) };
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < sample.length) await syncCustomer(naiveDeps, sample[next++]!.customer_id);
    }),
  );
  const naiveRate = (sample.length * 1000) / (performance.now() - naiveStarted);

  progress(`processing: a worker node drains ${pending} pending events`);
  const workerStarted = performance.now();
  worker = await startPlinth({ ...env, role: 'worker', jobsPollIntervalSeconds: 0.5 }, opened.ownerUrl, {
    logger,
  });
  let left = pending;
  while (left > 0 && performance.now() - workerStarted < PROCESSING_TIMEOUT_MS) {
    await sleep(200);
    left = await countPending(database);
  }
  const workerMs = performance.now() - workerStarted;
  // Rows covered by another event's sync are done at once; their own jobs still run (as no-ops).
  let jobsLeft = 1;
  while (jobsLeft > 0 && performance.now() - workerStarted < PROCESSING_TIMEOUT_MS) {
    const { rows } = await database.pool.query<{ n: number }>(
      `select count(*)::int as n from ${env.jobsSchema}.job
       where name = 'billing.stripe-event' and state in ('created', 'retry', 'active')`,
    );
    jobsLeft = rows[0]!.n;
    if (jobsLeft > 0) await sleep(200);
  }
  const drainedMs = performance.now() - workerStarted;
  const { rows: syncs } = await database.pool.query<{ n: number }>(
    `select count(*)::int as n from webhook_event where attempts > 0`,
  );

  const chosen = new Map(TARGETS.map(({ name }) => [name, best(results.get(name) ?? [])]));
  const raw = chosen.get('raw');
  const plinth = chosen.get('plinth');
  const rounds = roundsLines(
    options,
    TARGETS.map(({ name }) => name),
    results,
  );
  const processed = pending - left;
  const lines = [
    `POST ${WEBHOOK_PATH} (signed events into the inbox) — ${runConditions(options)}`,
    tableRow(['target', 'events/s', 'p50 ms', 'p99 ms', 'errors']),
    ...TARGETS.map(({ name, label }) => resultRow(label, chosen.get(name))),
    tableRow([
      'ratio plinth/raw',
      raw && plinth ? (plinth.requestsPerSecond / raw.requestsPerSecond).toFixed(2) : '-',
    ]),
    '',
    rounds.bestOf,
    ...rounds.perName,
    windowLine(options),
    `Bodies: real customer.subscription.created payloads of ${CUSTOMERS} customers (~${integer.format(templates[0]!.body.length)} bytes), a new event id per request, signed per request.`,
    'Targets run in their own processes; the load (node:http keep-alive, closed loop) runs in the bench process.',
    '',
    `Processing the plinth rounds' backlog (${integer.format(pending)} events, ${CUSTOMERS} customers)`,
    tableRow(['processing', 'events/s', 'seconds', 'syncs']),
    tableRow([
      'worker: inbox processed',
      integer.format((processed * 1000) / workerMs),
      milliseconds(workerMs / 1000),
      integer.format(syncs[0]!.n),
    ]),
    tableRow([
      'worker: every job done',
      integer.format((pending * 1000) / drainedMs),
      milliseconds(drainedMs / 1000),
      jobsLeft > 0 ? `${jobsLeft} jobs left` : '',
    ]),
    tableRow(['naive: sync per event', integer.format(naiveRate), '-', `${sample.length} (sample)`]),
    ...(left > 0 ? [`The worker left ${left} events pending after ${PROCESSING_TIMEOUT_MS / 1000} s.`] : []),
    'worker: one worker node (PLINTH_ROLE=worker, poll 0.5 s, 20 jobs per fetch, 4 syncs at a time);',
    'each sync re-fetches the customer from the fake Stripe (in this process) and marks its earlier',
    'pending events processed with it ("inbox processed"); their jobs are cancelled or finish as no-ops',
    '("every job done"). With one event per customer the rate falls to the sync rate (the naive row).',
    'naive: syncCustomer once per event, 4 at a time, no queue (what processing costs without coalescing).',
    loadLine(loadBefore),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  shutdown.fail(error);
} finally {
  await shutdown.stopAll();
}
exitIfAHandleLingers();
