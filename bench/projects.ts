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

// `npm run bench:projects [-- --connections 50 --duration 10 --warmup 2 --rounds 2]`: the projects
// list, GET /api/v1/workspaces/:slug/projects?limit=20 with a session cookie (requireSession, then
// requireMembership, then listProjects in a tenant transaction under RLS), on one API node
// (PLINTH_ROLE=api) against a raw node:http + pg baseline that sends the same statements
// (bench/raw-projects.ts), in one run on one machine. Each target runs in its own child process, the
// load in a third; rounds alternate (raw, plinth, raw, plinth, …). The person, the workspace and its 20
// projects come from the real HTTP flow, once, at setup. Prints numbers; asserts nothing.

const REQUEST_TIMEOUT_MS = 10_000;
const MAIL_TIMEOUT_MS = 30_000;
const SESSION_COOKIE = 'plinth.session_token';
const PROJECT_COUNT = 20;
const LIMIT = 20;
/** The acceptance line: plinth's req/s over the baseline's, in the same run. */
const TARGET_RATIO = 0.6;

type TargetKind = 'raw' | 'plinth';

const TARGETS: readonly { name: TargetKind; target: 'raw-projects' | 'plinth'; label: string }[] = [
  { name: 'raw', target: 'raw-projects', label: 'raw node:http + pg' },
  { name: 'plinth', target: 'plinth', label: 'plinth (Hono, api role)' },
];

interface BenchOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  rounds: number;
  pgPort: number;
  dataDir: string;
}

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '2' },
      'pg-port': { type: 'string', default: '54332' },
      'data-dir': { type: 'string', default: '.data/bench-projects' },
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
// Setup over HTTP: one person, one session, one workspace with 20 projects, the way a browser
// gets them (as in bench/auth.ts).

interface SignedIn {
  email: string;
  /** `plinth.session_token=…`, as a Cookie header. */
  cookie: string;
}

class Client {
  constructor(readonly baseUrl: string) {}

  /** One request to a node on 127.0.0.1; never follows redirects, always has a deadline. */
  async send(
    method: 'GET' | 'POST',
    path: string,
    options: { cookie?: string; body?: unknown } = {},
  ): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = { 'user-agent': 'plinth-bench/1.0' };
    // A cookie-authenticated change must carry a trusted Origin, as a browser sends it.
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
    return { response, text, body: (text ? JSON.parse(text) : null) as T };
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

/**
 * A workspace of the person's own, on the team plan, with PROJECT_COUNT projects. The plan is
 * stubbed in workspace metadata until billing lands (packages/core/src/entitlements), so it is set
 * with the owner connection; the free plan's 3 projects would stop the setup.
 */
async function createWorkspaceWithProjects(
  client: Client,
  owner: OwnerDatabase,
  person: SignedIn,
): Promise<string> {
  const slug = `bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await client.json('POST', '/api/v1/workspaces', 201, {
    cookie: person.cookie,
    body: { name: 'Bench Projects', slug },
  });
  const db = new pg.Client({ connectionString: owner.ownerUrl, connectionTimeoutMillis: 5_000 });
  await db.connect();
  try {
    const { rowCount } = await db.query(
      `update workspace set metadata = '{"plan":"team"}' where slug = $1 and deleted_at is null`,
      [slug],
    );
    if (rowCount !== 1) throw new Error(`workspace ${slug} not found to set its plan`);
  } finally {
    await db.end();
  }
  for (let index = 1; index <= PROJECT_COUNT; index += 1) {
    await client.json('POST', `/api/v1/workspaces/${slug}/projects`, 201, {
      cookie: person.cookie,
      body: { name: `Project ${String(index).padStart(2, '0')}`, description: `Bench project ${index}` },
    });
  }
  progress(`created workspace ${slug} (team plan) with ${PROJECT_COUNT} projects`);
  return slug;
}

interface ProjectList {
  items?: { id?: unknown }[];
  nextCursor?: unknown;
}

/**
 * Before load and after each round: the target answers 200 with LIMIT items and no next cursor, and
 * refuses a request without the cookie. Returns the body, so that the two targets can be compared.
 */
async function probeTarget(label: string, port: number, path: string, cookie: string): Promise<string> {
  const client = new Client(`http://127.0.0.1:${port}`);
  const { response, text, body } = await client.json<ProjectList>('GET', path, 200, { cookie });
  const problems: string[] = [];
  if (!response.headers.get('content-type')?.startsWith('application/json')) problems.push('not JSON');
  if (!Array.isArray(body.items) || body.items.length !== LIMIT) {
    problems.push(`${Array.isArray(body.items) ? body.items.length : 'no'} items, not ${LIMIT}`);
  }
  if (body.nextCursor !== null) problems.push(`nextCursor ${JSON.stringify(body.nextCursor)}`);
  if (problems.length > 0) throw new Error(`${label} ${path}: ${problems.join(', ')}`);
  const anonymous = await client.send('GET', path);
  if (anonymous.response.status !== 401) {
    throw new Error(`${label} ${path} without a cookie answered ${anonymous.response.status}, not 401`);
  }
  return text;
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

function printTable(
  options: BenchOptions,
  path: string,
  results: Map<TargetKind, LoadResult[]>,
  loadBefore: number,
): void {
  const row = (cells: string[]) => {
    const [label = '', rate = '', p50 = '', p99 = '', errors = ''] = cells;
    return `${label.padEnd(27)}${rate.padEnd(10)}${p50.padEnd(9)}${p99.padEnd(9)}${errors}`.trimEnd();
  };
  const chosen = new Map(TARGETS.map(({ name }) => [name, best(results.get(name) ?? [])]));
  const raw = chosen.get('raw');
  const plinth = chosen.get('plinth');
  const ratio = raw && plinth ? plinth.requestsPerSecond / raw.requestsPerSecond : Number.NaN;
  const perRequest =
    raw && plinth
      ? [
          // In a closed loop at saturation, 1 / req/s is the machine's time per request.
          `1000 / req/s: plinth ${(1000 / plinth.requestsPerSecond).toFixed(3)} ms vs raw ` +
            `${(1000 / raw.requestsPerSecond).toFixed(3)} ms ` +
            `(+${(1000 / plinth.requestsPerSecond - 1000 / raw.requestsPerSecond).toFixed(3)} ms per request)`,
        ]
      : [];
  const lines = [
    `GET ${path} (session cookie, ${PROJECT_COUNT} projects) — ${options.connections} connections, ` +
      `${options.durationSeconds} s, Node ${process.version}, ${os.availableParallelism()} CPUs`,
    row(['target', 'req/s', 'p50 ms', 'p99 ms', 'errors']),
    ...TARGETS.map(({ name, label }) => {
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
    row([
      'ratio plinth/raw',
      Number.isNaN(ratio) ? '-' : ratio.toFixed(2),
      `(target ≥ ${TARGET_RATIO.toFixed(1)}${Number.isNaN(ratio) ? '' : ratio >= TARGET_RATIO ? ': met' : ': NOT met'})`,
    ]),
    '',
    ...perRequest,
    `Each row is the best of ${options.rounds} alternating rounds (${TARGETS.map(({ name }) => name).join(', ')}, …) ` +
      'by req/s, with that round’s p50/p99/errors.',
    `  ratio per round: ${(results.get('plinth') ?? [])
      .map((result, index) => {
        const baseline = results.get('raw')?.[index];
        return baseline ? (result.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : '-';
      })
      .join(', ')} (each plinth round over the raw round just before it)`,
    ...TARGETS.map(
      ({ name }) =>
        `  ${name} rounds: ` +
        (results.get(name) ?? [])
          .map((result) => `${integer.format(result.requestsPerSecond)} req/s (${result.errors} errors)`)
          .join(', '),
    ),
    `req/s counts 200 responses inside the ${options.durationSeconds} s window, after a ` +
      `${options.warmupSeconds} s warm-up on the same keep-alive connections.`,
    'Both send the same statements per request: the session lookup (after the cookie HMAC check), the ' +
      'membership lookup, begin + 3 set_config as one message, the projects select, commit; both answered ' +
      'the same JSON before the rounds, and still do after each.',
    'Each target runs in its own process; the load generator (node:http, keep-alive, closed loop) in a third.',
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
  'usage: npm run bench:projects -- [--connections 50] [--duration 10] [--warmup 2] [--rounds 2] ' +
  '[--pg-port 54332] [--data-dir .data/bench-projects]';

let options: BenchOptions;
try {
  options = parseOptions();
} catch (error) {
  progress(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
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
const targetProcesses: ChildHandle<TargetCommand, TargetReply>[] = [];
let load: ChildHandle<LoadCommand, LoadReply> | undefined;
let worker: RunningPlinth | undefined;
let shutdown: Promise<void> | undefined;

/** Idempotent: the end of a run and Ctrl-C both come here. */
function stopAll(): Promise<void> {
  shutdown ??= (async () => {
    await Promise.all([
      load?.close(undefined, 5_000),
      ...targetProcesses.map((child) => child.close({ type: 'stop' }, 20_000)),
      stopWithin(worker?.stop(), 20_000, 'stopping the worker node'),
    ]);
    await stopWithin(owner?.stop(), 30_000, 'stopping Postgres');
    progress('stopped: servers, worker, load generator and Postgres');
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
  const ports = new Map<TargetKind, number>();
  for (const { name, target } of TARGETS) {
    const child = ChildHandle.fork<TargetCommand, TargetReply>(
      new URL('./target-server.ts', import.meta.url),
      `${name} server`,
    );
    targetProcesses.push(child);
    const { port } = await child.request(
      { type: 'start', target, ownerUrl: owner.ownerUrl, envSource },
      60_000,
    );
    if (name === 'plinth' && port !== apiPort) {
      throw new Error(`api server listens on ${port}, not on APP_URL's ${apiPort}`);
    }
    ports.set(name, port);
    progress(`${name} server listening on 127.0.0.1:${port}`);
  }
  const client = new Client(baseUrl);

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
  const slug = await createWorkspaceWithProjects(client, owner, person);
  const path = `/api/v1/workspaces/${slug}/projects?limit=${LIMIT}`;

  // Both answer the same bytes: the same rows, the same shape, the same order.
  const answers = new Map<TargetKind, string>();
  for (const { name, label } of TARGETS) {
    answers.set(name, await probeTarget(label, ports.get(name) ?? 0, path, person.cookie));
  }
  if (answers.get('raw') !== answers.get('plinth')) {
    throw new Error(
      `the targets answer differently:\n  raw:    ${answers.get('raw')?.slice(0, 300)}\n` +
        `  plinth: ${answers.get('plinth')?.slice(0, 300)}`,
    );
  }
  progress(`both targets answer 200 with the same ${LIMIT} projects`);

  load = ChildHandle.fork<LoadCommand, LoadReply>(
    new URL('./load-generator.ts', import.meta.url),
    'load generator',
  );
  const results = new Map<TargetKind, LoadResult[]>(TARGETS.map(({ name }) => [name, []]));
  const runMs = (options.warmupSeconds + options.durationSeconds) * 1000;
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const { name, label } of TARGETS) {
      const port = ports.get(name) ?? 0;
      const result = await load.request(
        {
          type: 'run',
          port,
          path,
          headers: { cookie: person.cookie },
          connections: options.connections,
          warmupMs: options.warmupSeconds * 1000,
          durationMs: options.durationSeconds * 1000,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
        },
        runMs + REQUEST_TIMEOUT_MS + 10_000,
      );
      results.get(name)?.push(result);
      progress(`round ${round}/${options.rounds}  ${label.padEnd(25)} ${describe(result)}`);
      // The session, the membership and the projects are still all there.
      await probeTarget(label, port, path, person.cookie);
      // Let the finished run's sockets close before the next target is loaded.
      await sleep(500);
    }
  }
  printTable(options, path, results, loadBefore);
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
