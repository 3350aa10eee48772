import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { openOwnerDatabase, type OwnerDatabase } from '../apps/server/src/local-database';
import { prepareDatabase } from '../apps/server/src/prepare-database';
import { startPlinth, type RunningPlinth } from '../apps/server/src/start';
import {
  ChildHandle,
  type LoadCommand,
  type LoadReply,
  type LoadResult,
  type TargetCommand,
  type TargetReply,
} from './ipc';

// `npm run bench:auth [-- --connections 50 --duration 10 --warmup 2 --rounds 2]`: what session
// authentication costs per request. One API node (PLINTH_ROLE=api) in a child process serves, in
// alternating rounds, GET /api/health (no auth, one `select 1`), GET /api/v1/me with a session cookie
// (requireSession: better-auth reads the session from Postgres, then the actor) and GET
// /api/auth/get-session with the same cookie (better-auth's own endpoint). The person and the session
// come from the real HTTP flow, once, at setup: sign-up, the verification link from the captured mail
// (GET /api/dev/mail, delivered by a worker node that runs only during setup), sign-in. Prints numbers;
// asserts nothing.

const REQUEST_TIMEOUT_MS = 10_000;
const MAIL_TIMEOUT_MS = 30_000;
const SESSION_COOKIE = 'plinth.session_token';

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

interface BenchOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  rounds: number;
  pgPort: number;
  dataDir: string;
  getSession: boolean;
}

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '2' },
      'pg-port': { type: 'string', default: '54331' },
      'data-dir': { type: 'string', default: '.data/bench-auth' },
      'no-get-session': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const number = (name: string, raw: string, min: number, max: number, integer = true): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
    }
    return value;
  };
  return {
    connections: number('connections', values.connections, 1, 1000),
    durationSeconds: number('duration', values.duration, 1, 600, false),
    warmupSeconds: number('warmup', values.warmup, 0, 60, false),
    rounds: number('rounds', values.rounds, 1, 10),
    pgPort: number('pg-port', values['pg-port'], 1024, 65535),
    dataDir: values['data-dir'],
    getSession: !values['no-get-session'],
  };
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A port free on 127.0.0.1 now: APP_URL (better-auth's baseURL) must name it before the node starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Setup over HTTP: one person, one session, the way a browser gets them.

interface SignedIn {
  email: string;
  /** `plinth.session_token=…`, as a Cookie header. */
  cookie: string;
}

class Client {
  constructor(readonly baseUrl: string) {}

  /** One request to our node; never follows redirects, always has a deadline. */
  async send(
    method: 'GET' | 'POST',
    path: string,
    options: { cookie?: string; body?: unknown } = {},
  ): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = { 'user-agent': 'plinth-bench/1.0' };
    // /api/auth refuses a state-changing request without a trusted Origin, as a browser sends it.
    if (method === 'POST') headers.origin = this.baseUrl;
    if (options.cookie) headers.cookie = options.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      redirect: 'manual',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { response, text: await response.text() };
  }

  async json<T>(
    method: 'GET' | 'POST',
    path: string,
    expected: number,
    options?: { cookie?: string; body?: unknown },
  ) {
    const { response, text } = await this.send(method, path, options);
    if (response.status !== expected) {
      throw new Error(
        `${method} ${path}: expected ${expected}, got ${response.status}: ${text.slice(0, 300)}`,
      );
    }
    return { response, body: (text ? JSON.parse(text) : null) as T };
  }
}

function sessionCookie(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    if (pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return undefined;
}

/** The verification link from the captured mail to `email`, read through GET /api/dev/mail. */
async function verificationLink(client: Client, email: string): Promise<URL> {
  const deadline = Date.now() + MAIL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { body } = await client.json<{ messages: { text: string }[] }>(
      'GET',
      `/api/dev/mail?to=${encodeURIComponent(email)}`,
      200,
    );
    for (const message of body.messages) {
      const match = /https?:\/\/\S+/.exec(message.text);
      if (!match) continue;
      const link = new URL(match[0].replace(/[).,]+$/, ''));
      // Only our own node on 127.0.0.1 is ever requested.
      if (link.origin === client.baseUrl && link.pathname === '/api/auth/verify-email') return link;
    }
    await sleep(250);
  }
  throw new Error(
    `no verification mail to ${email} within ${MAIL_TIMEOUT_MS} ms (is the worker delivering?)`,
  );
}

/** Sign-up, the verification link, sign-in: the real flow, once. */
async function signUpAndSignIn(client: Client): Promise<SignedIn> {
  const email = `bench-${Date.now()}-${randomBytes(3).toString('hex')}@example.test`;
  const password = `bench-${randomBytes(12).toString('base64url')}`;
  await client.json('POST', '/api/auth/sign-up/email', 200, {
    body: { email, password, name: 'Bench Person' },
  });
  progress(`signed up ${email}; waiting for the verification mail`);
  const link = await verificationLink(client, email);
  const verified = await client.send('GET', `${link.pathname}${link.search}`);
  if (verified.response.status !== 302) {
    throw new Error(`verification link answered ${verified.response.status}: ${verified.text.slice(0, 300)}`);
  }
  const { response } = await client.json('POST', '/api/auth/sign-in/email', 200, {
    body: { email, password },
  });
  const cookie = sessionCookie(response);
  if (!cookie) throw new Error(`sign-in set no ${SESSION_COOKIE} cookie`);
  progress(`verified and signed in ${email}`);
  return { email, cookie };
}

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

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const milliseconds = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(1));

function describe(result: LoadResult): string {
  const failure = result.firstError ? ` (first: ${result.firstError})` : '';
  return (
    `${integer.format(result.requestsPerSecond)} req/s, p50 ${milliseconds(result.p50Ms)} ms, ` +
    `p99 ${milliseconds(result.p99Ms)} ms, ${result.errors} errors${failure}`
  );
}

function best(results: LoadResult[]): LoadResult | undefined {
  if (results.length === 0) return undefined;
  return results.reduce((top, result) => (result.requestsPerSecond > top.requestsPerSecond ? result : top));
}

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
  const row = (cells: string[]) => {
    const [label = '', rate = '', p50 = '', p99 = '', errors = ''] = cells;
    return `${label.padEnd(27)}${rate.padEnd(10)}${p50.padEnd(9)}${p99.padEnd(9)}${errors}`.trimEnd();
  };
  const chosen = new Map(endpoints.map(({ name }) => [name, best(results.get(name) ?? [])]));
  const baseline = chosen.get('health');
  const costs: string[] = [];
  for (const endpoint of endpoints) {
    const result = chosen.get(endpoint.name);
    if (!baseline || !result || endpoint.name === 'health') continue;
    const what = endpoint.name === 'me' ? 'session auth' : 'better-auth get-session';
    costs.push(...costLine(what, endpoint, result, baseline));
  }
  const lines = [
    `Session auth on the plinth API node (Hono, api role) — ${options.connections} connections, ` +
      `${options.durationSeconds} s, Node ${process.version}, ${os.availableParallelism()} CPUs`,
    row(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'errors']),
    ...endpoints.map(({ name, label }) => {
      const result = chosen.get(name);
      if (!result) return row([label, '-']);
      return row([
        label,
        integer.format(result.requestsPerSecond),
        milliseconds(result.p50Ms),
        milliseconds(result.p99Ms),
        String(result.errors),
      ]);
    }),
    '',
    ...costs,
    '',
    `Each row is the best of ${options.rounds} alternating rounds (${endpoints.map(({ name }) => name).join(', ')}, …) ` +
      'by req/s, with that round’s p50/p99/errors.',
    ...endpoints.map(
      ({ name }) =>
        `  ${name} rounds: ` +
        (results.get(name) ?? [])
          .map((result) => `${integer.format(result.requestsPerSecond)} req/s (${result.errors} errors)`)
          .join(', '),
    ),
    `req/s counts 200 responses inside the ${options.durationSeconds} s window, after a ` +
      `${options.warmupSeconds} s warm-up on the same keep-alive connections.`,
    '/api/v1/me and /api/auth/get-session send one session cookie (the real sign-up, verify, sign-in flow at ' +
      'setup); the session still signs in after every round.',
    options.connections > 1
      ? `1000 / req/s is the machine's time per request once the node is saturated; at ${options.connections} ` +
        'connections p50 is mostly queueing (--connections 1 shows unloaded latency).'
      : '1000 / req/s is the mean latency at 1 connection; p50 is unloaded latency.',
    'The server runs in its own process; the load generator (node:http, keep-alive, closed loop) in another.',
    `1-minute load average when the run began: ${loadBefore.toFixed(2)}; other work on the machine moves the numbers.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function stopWithin(task: Promise<void> | undefined, timeoutMs: number, what: string): Promise<void> {
  if (!task) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      progress(`${what} did not finish within ${timeoutMs} ms`);
      resolve();
    }, timeoutMs);
  });
  await Promise.race([
    task.catch((error: unknown) => progress(`${what} failed: ${String(error)}`)),
    timedOut,
  ]);
  clearTimeout(timer);
}

/**
 * Our scratch cluster only: the loopback address's sign-up and sign-in counters, so that running the
 * bench more than 10 times an hour does not hit the per-IP sign-up limit. Never on a DATABASE_URL.
 */
async function resetLoopbackAuthLimits(owner: OwnerDatabase): Promise<void> {
  if (!owner.embedded) return;
  const client = new pg.Client({ connectionString: owner.ownerUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`delete from rate_limit where key like 'sign-up.ip:%' or key like 'sign-in.ip:%'`);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------

const USAGE =
  'usage: npm run bench:auth -- [--connections 50] [--duration 10] [--warmup 2] [--rounds 2] ' +
  '[--pg-port 54331] [--data-dir .data/bench-auth] [--no-get-session]';

let options: BenchOptions;
try {
  options = parseOptions();
} catch (error) {
  progress(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const endpoints = ALL_ENDPOINTS.filter(({ name }) => name !== 'get-session' || options.getSession);
// Taken before we start anything: how busy the machine already was.
const loadBefore = os.loadavg()[0] ?? Number.NaN;
const apiPort = await freePort();
const baseUrl = `http://127.0.0.1:${apiPort}`;
const envSource: Record<string, string | undefined> = {
  ...process.env,
  PLINTH_ROLE: 'api',
  NODE_ENV: 'test',
  PORT: String(apiPort),
  HOST: '127.0.0.1',
  APP_URL: baseUrl,
  LOG_LEVEL: 'silent',
  MAIL_TRANSPORT: 'capture',
  PLINTH_DATA_DIR: options.dataDir,
  EMBEDDED_PG_PORT: String(options.pgPort),
};
const env = loadEnv(envSource);
const logger = createLogger({ level: env.logLevel });

let owner: OwnerDatabase | undefined;
let target: ChildHandle<TargetCommand, TargetReply> | undefined;
let load: ChildHandle<LoadCommand, LoadReply> | undefined;
let worker: RunningPlinth | undefined;
let shutdown: Promise<void> | undefined;

/** Idempotent: the end of a run and Ctrl-C both come here. */
function stopAll(): Promise<void> {
  shutdown ??= (async () => {
    await Promise.all([
      load?.close(undefined, 5_000),
      target?.close({ type: 'stop' }, 20_000),
      stopWithin(worker?.stop(), 20_000, 'stopping the worker node'),
    ]);
    await stopWithin(owner?.stop(), 30_000, 'stopping Postgres');
    progress('stopped: server, worker, load generator and Postgres');
  })();
  return shutdown;
}

// One Ctrl-C may arrive twice (the terminal signals the whole process group and tsx relays it), so
// repeats within two seconds are the same request, as in apps/server/src/signals.ts; a later one exits
// at once.
let interruptedAt: number | undefined;
const onSignal = (signal: NodeJS.Signals) => {
  if (interruptedAt !== undefined) {
    if (Date.now() - interruptedAt < 2_000) return;
    progress(`${signal} again: exiting now`);
    process.exit(130);
  }
  interruptedAt = Date.now();
  process.exitCode = 130;
  progress(`${signal}: stopping (again to exit at once)`);
  // Should we exit before Postgres has stopped, the launcher's exit handler still stops it.
  void stopAll().finally(() => process.exit(130));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

progress(
  env.databaseUrl
    ? 'using DATABASE_URL (migrations are applied to it)'
    : `starting embedded Postgres in ${env.dataDir}/postgres on port ${env.embeddedPgPort}`,
);
try {
  owner = await openOwnerDatabase(env, logger);
  await prepareDatabase(env, owner.ownerUrl);
  await resetLoopbackAuthLimits(owner);
  target = ChildHandle.fork<TargetCommand, TargetReply>(
    new URL('./target-server.ts', import.meta.url),
    'api server',
  );
  const { port } = await target.request(
    { type: 'start', target: 'plinth', ownerUrl: owner.ownerUrl, envSource },
    60_000,
  );
  if (port !== apiPort) throw new Error(`api server listens on ${port}, not on APP_URL's ${apiPort}`);
  const client = new Client(baseUrl);
  await probeHealth(client);
  progress(`api server listening on ${baseUrl}`);

  // Mail goes through the job queue; a worker node delivers it into the captured outbox. It runs
  // here, for setup only, and is stopped before any load.
  worker = await startPlinth(
    loadEnv({ ...envSource, PLINTH_ROLE: 'worker', JOBS_POLL_INTERVAL_SECONDS: '0.5' }),
    owner.ownerUrl,
    { logger, dev: false },
  );
  const person = await signUpAndSignIn(client);
  await worker.stop();
  worker = undefined;
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
  if (interruptedAt === undefined) {
    process.exitCode = 1;
    progress(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  }
} finally {
  await stopAll();
}
// Everything is closed; should a stray handle remain, it must not keep the bench alive.
setTimeout(() => {
  progress('a handle is still open after shutdown; exiting anyway');
  process.exit(process.exitCode ?? 0);
}, 5_000).unref();
