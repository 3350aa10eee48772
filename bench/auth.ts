import { setTimeout as sleep } from 'node:timers/promises';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import type { OwnerDatabase } from '../apps/server/src/local-database';
import { benchEnvSource, freePort, openBenchDatabase, resetLoopbackAuthLimits } from './bench-database';
import { parseBenchOptions, type BenchOptions } from './cli-options';
import {
  ChildHandle,
  type LoadCommand,
  type LoadReply,
  type LoadResult,
  type TargetCommand,
  type TargetReply,
} from './ipc';
import {
  best,
  describe,
  loadAverageNow,
  loadLine,
  resultRow,
  roundsLines,
  runConditions,
  tableRow,
  windowLine,
} from './report-format';
import { BenchShutdown, exitIfAHandleLingers, progress, stopWithin } from './run-lifecycle';
import { Client, SetupMailWorker, type SignedIn } from './signed-in-person';

// `npm run bench:auth [-- --connections 50 --duration 10 --warmup 2 --rounds 2]`: what session
// authentication costs per request. One API node (PLINTH_ROLE=api) in a child process serves, in
// alternating rounds, GET /api/health (no auth, one `select 1`), GET /api/v1/me with a session cookie
// (requireSession: better-auth reads the session from Postgres, then the actor) and GET
// /api/auth/get-session with the same cookie (better-auth's own endpoint). The person and the session
// come from the real HTTP flow, once, at setup: sign-up, the verification link from the captured mail
// (GET /api/dev/mail, delivered by a worker node that runs only during setup), sign-in. Prints numbers;
// asserts nothing.

const REQUEST_TIMEOUT_MS = 10_000;

type EndpointName = 'health' | 'me' | 'get-session';

interface Endpoint {
  name: EndpointName;
  path: string;
  label: string;
  /** Sent with the session cookie. */
  authenticated: boolean;
}

const ALL_ENDPOINTS: readonly Endpoint[] = [
  { name: 'health', path: '/api/health', label: 'GET /api/health', authenticated: false },
  { name: 'me', path: '/api/v1/me', label: 'GET /api/v1/me', authenticated: true },
  {
    name: 'get-session',
    path: '/api/auth/get-session',
    label: 'GET /api/auth/get-session',
    authenticated: true,
  },
];

/** Before and after load: health is healthy, the cookie signs in on both endpoints, none is refused. */
async function probeHealth(client: Client): Promise<void> {
  const { response, body } = await client.json<{ status?: unknown; db?: unknown }>('GET', '/api/health', 200);
  if (body.status !== 'ok' || body.db !== 'ok' || !response.headers.get('x-request-id')) {
    throw new Error(`/api/health is not healthy: ${JSON.stringify(body)}`);
  }
}

async function probeSession(client: Client, person: SignedIn): Promise<void> {
  const me = await client.json<{ email?: unknown }>('GET', '/api/v1/me', 200, { cookie: person.cookie });
  if (me.body.email !== person.email) throw new Error(`/api/v1/me answered ${JSON.stringify(me.body)}`);
  // better-auth answers 200 with `null` for no session: check the body, not only the status.
  const session = await client.json<{ user?: { email?: unknown } } | null>(
    'GET',
    '/api/auth/get-session',
    200,
    {
      cookie: person.cookie,
    },
  );
  if (session.body?.user?.email !== person.email) {
    throw new Error(`/api/auth/get-session answered ${JSON.stringify(session.body)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Output, in bench/health.ts's format.

const signed = (value: number, digits: number): string =>
  Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(digits)}` : '-';

/** "X ms per request at p50 / Y% of throughput", and the server time per request it implies. */
function costLine(what: string, endpoint: Endpoint, result: LoadResult, baseline: LoadResult): string[] {
  const p50Ms = result.p50Ms - baseline.p50Ms;
  const throughputLost = (1 - result.requestsPerSecond / baseline.requestsPerSecond) * 100;
  // In a closed loop at saturation, 1 / req/s is the machine's time per request: the difference is
  // what the endpoint's extra work costs, free of the queueing that dominates p50 at many connections.
  const serviceMs = 1000 / result.requestsPerSecond;
  const baselineServiceMs = 1000 / baseline.requestsPerSecond;
  return [
    `${what} costs ${signed(p50Ms, 2)} ms per request at p50 / ${throughputLost.toFixed(1)}% of throughput ` +
      `(${endpoint.label} vs GET /api/health)`,
    `  1000 / req/s: ${serviceMs.toFixed(3)} ms vs ${baselineServiceMs.toFixed(3)} ms ` +
      `(${signed(serviceMs - baselineServiceMs, 3)} ms per request)`,
  ];
}

function printTable(
  options: BenchOptions,
  endpoints: readonly Endpoint[],
  results: Map<EndpointName, LoadResult[]>,
  loadBefore: number,
): void {
  const chosen = new Map(endpoints.map(({ name }) => [name, best(results.get(name) ?? [])]));
  const baseline = chosen.get('health');
  const costs: string[] = [];
  for (const endpoint of endpoints) {
    const result = chosen.get(endpoint.name);
    if (!baseline || !result || endpoint.name === 'health') continue;
    const what = endpoint.name === 'me' ? 'session auth' : 'better-auth get-session';
    costs.push(...costLine(what, endpoint, result, baseline));
  }
  const rounds = roundsLines(
    options,
    endpoints.map(({ name }) => name),
    results,
  );
  const lines = [
    `Session auth on the plinth API node (Hono, api role) — ${runConditions(options)}`,
    tableRow(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'errors']),
    ...endpoints.map(({ name, label }) => resultRow(label, chosen.get(name))),
    '',
    ...costs,
    '',
    rounds.bestOf,
    ...rounds.perName,
    windowLine(options),
    '/api/v1/me and /api/auth/get-session send one session cookie (the real sign-up, verify, sign-in flow at ' +
      'setup); the session still signs in after every round.',
    options.connections > 1
      ? `1000 / req/s is the machine's time per request once the node is saturated; at ${options.connections} ` +
        'connections p50 is mostly queueing (--connections 1 shows unloaded latency).'
      : '1000 / req/s is the mean latency at 1 connection; p50 is unloaded latency.',
    'The server runs in its own process; the load generator (node:http, keep-alive, closed loop) in another.',
    loadLine(loadBefore),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

const USAGE =
  'usage: npm run bench:auth -- [--connections 50] [--duration 10] [--warmup 2] [--rounds 2] ' +
  '[--pg-port 54331] [--data-dir .data/bench-auth] [--no-get-session]';

const options = parseBenchOptions({
  pgPort: 54331,
  dataDir: '.data/bench-auth',
  usage: USAGE,
  switches: ['no-get-session'],
});
const getSession = !options.switches['no-get-session'];
const endpoints = ALL_ENDPOINTS.filter(({ name }) => name !== 'get-session' || getSession);
const loadBefore = loadAverageNow();
const apiPort = await freePort();
const baseUrl = `http://127.0.0.1:${apiPort}`;
const envSource = benchEnvSource(options, {
  PORT: String(apiPort),
  APP_URL: baseUrl,
  MAIL_TRANSPORT: 'capture',
});
const env = loadEnv(envSource);
const logger = createLogger({ level: env.logLevel });

let owner: OwnerDatabase | undefined;
let target: ChildHandle<TargetCommand, TargetReply> | undefined;
let load: ChildHandle<LoadCommand, LoadReply> | undefined;
const mailWorker = new SetupMailWorker();
const shutdown = new BenchShutdown(async () => {
  await Promise.all([
    load?.close(undefined, 5_000),
    target?.close({ type: 'stop' }, 20_000),
    stopWithin(mailWorker.stop(), 20_000, 'stopping the worker node'),
  ]);
  await stopWithin(owner?.stop(), 30_000, 'stopping Postgres');
  progress('stopped: server, worker, load generator and Postgres');
});

try {
  const database = await openBenchDatabase(env, logger, (opened) => (owner = opened));
  await resetLoopbackAuthLimits(database);
  const { ownerUrl } = database;
  target = ChildHandle.fork<TargetCommand, TargetReply>(
    new URL('./target-server.ts', import.meta.url),
    'api server',
  );
  const { port } = await target.request({ type: 'start', target: 'plinth', ownerUrl, envSource }, 60_000);
  if (port !== apiPort) throw new Error(`api server listens on ${port}, not on APP_URL's ${apiPort}`);
  const client = new Client(baseUrl);
  await probeHealth(client);
  progress(`api server listening on ${baseUrl}`);

  const person = await mailWorker.signUpAndSignIn(client, { envSource, ownerUrl, logger });
  await probeSession(client, person);
  const refused = await client.send('GET', '/api/v1/me');
  if (refused.response.status !== 401)
    throw new Error(`/api/v1/me without a cookie answered ${refused.response.status}`);

  load = ChildHandle.fork<LoadCommand, LoadReply>(
    new URL('./load-generator.ts', import.meta.url),
    'load generator',
  );
  const results = new Map<EndpointName, LoadResult[]>(endpoints.map(({ name }) => [name, []]));
  const runMs = (options.warmupSeconds + options.durationSeconds) * 1000;
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const endpoint of endpoints) {
      const result = await load.request(
        {
          type: 'run',
          port: apiPort,
          path: endpoint.path,
          ...(endpoint.authenticated ? { headers: { cookie: person.cookie } } : {}),
          connections: options.connections,
          warmupMs: options.warmupSeconds * 1000,
          durationMs: options.durationSeconds * 1000,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
        },
        runMs + REQUEST_TIMEOUT_MS + 10_000,
      );
      results.get(endpoint.name)?.push(result);
      progress(`round ${round}/${options.rounds}  ${endpoint.label.padEnd(25)} ${describe(result)}`);
      // A 200 from get-session may be an anonymous `null`: the session must still sign in.
      if (endpoint.authenticated) await probeSession(client, person);
      // Let the finished run's sockets close before the next endpoint is loaded.
      await sleep(500);
    }
  }
  printTable(options, endpoints, results, loadBefore);
} catch (error) {
  shutdown.fail(error);
} finally {
  await shutdown.stopAll();
}
exitIfAHandleLingers();
