import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
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

// `npm run bench:projects [-- --connections 50 --duration 10 --warmup 2 --rounds 2]`: the projects
// list, GET /api/v1/workspaces/:slug/projects?limit=20 with a session cookie (requireSession, then
// requireMembership, then listProjects in a tenant transaction under RLS), on one API node
// (PLINTH_ROLE=api) against a raw node:http + pg baseline that sends the same statements
// (bench/raw-projects.ts), in one run on one machine. Each target runs in its own child process, the
// load in a third; rounds alternate (raw, plinth, raw, plinth, …). The person, the workspace and its 20
// projects come from the real HTTP flow, once, at setup. Prints numbers; asserts nothing.

const REQUEST_TIMEOUT_MS = 10_000;
const PROJECT_COUNT = 20;
const LIMIT = 20;
/** The acceptance line: plinth's req/s over the baseline's, in the same run. */
const TARGET_RATIO = 0.6;

type TargetKind = 'raw' | 'plinth';

const TARGETS: readonly { name: TargetKind; target: 'raw-projects' | 'plinth'; label: string }[] = [
  { name: 'raw', target: 'raw-projects', label: 'raw node:http + pg' },
  { name: 'plinth', target: 'plinth', label: 'plinth (Hono, api role)' },
];

// ---------------------------------------------------------------------------------------------
// Setup over HTTP: one person, one session, one workspace with 20 projects, the way a browser
// gets them (the person as in bench/auth.ts, from bench/signed-in-person.ts).

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
  next_cursor?: unknown;
  has_more?: unknown;
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
  if (body.next_cursor !== null || body.has_more !== false) {
    problems.push(
      `next_cursor ${JSON.stringify(body.next_cursor)}, has_more ${JSON.stringify(body.has_more)}`,
    );
  }
  if (problems.length > 0) throw new Error(`${label} ${path}: ${problems.join(', ')}`);
  const anonymous = await client.send('GET', path);
  if (anonymous.response.status !== 401) {
    throw new Error(`${label} ${path} without a cookie answered ${anonymous.response.status}, not 401`);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Output, in bench/health.ts's format.

function printTable(
  options: BenchOptions,
  path: string,
  results: Map<TargetKind, LoadResult[]>,
  loadBefore: number,
): void {
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
  const rounds = roundsLines(
    options,
    TARGETS.map(({ name }) => name),
    results,
  );
  const lines = [
    `GET ${path} (session cookie, ${PROJECT_COUNT} projects) — ${runConditions(options)}`,
    tableRow(['target', 'req/s', 'p50 ms', 'p99 ms', 'errors']),
    ...TARGETS.map(({ name, label }) => resultRow(label, chosen.get(name))),
    tableRow([
      'ratio plinth/raw',
      Number.isNaN(ratio) ? '-' : ratio.toFixed(2),
      `(target ≥ ${TARGET_RATIO.toFixed(1)}${Number.isNaN(ratio) ? '' : ratio >= TARGET_RATIO ? ': met' : ': NOT met'})`,
    ]),
    '',
    ...perRequest,
    rounds.bestOf,
    `  ratio per round: ${(results.get('plinth') ?? [])
      .map((result, index) => {
        const baseline = results.get('raw')?.[index];
        return baseline ? (result.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : '-';
      })
      .join(', ')} (each plinth round over the raw round just before it)`,
    ...rounds.perName,
    windowLine(options),
    'Both send the same statements per request: the session lookup (after the cookie HMAC check), the ' +
      'membership lookup, begin + 3 set_config as one message, the projects select, commit; both answered ' +
      'the same JSON before the rounds, and still do after each.',
    'Each target runs in its own process; the load generator (node:http, keep-alive, closed loop) in a third.',
    loadLine(loadBefore),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

const USAGE =
  'usage: npm run bench:projects -- [--connections 50] [--duration 10] [--warmup 2] [--rounds 2] ' +
  '[--pg-port 54332] [--data-dir .data/bench-projects]';

const options = parseBenchOptions({ pgPort: 54332, dataDir: '.data/bench-projects', usage: USAGE });
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
const targetProcesses: ChildHandle<TargetCommand, TargetReply>[] = [];
let load: ChildHandle<LoadCommand, LoadReply> | undefined;
const mailWorker = new SetupMailWorker();
const shutdown = new BenchShutdown(async () => {
  await Promise.all([
    load?.close(undefined, 5_000),
    ...targetProcesses.map((child) => child.close({ type: 'stop' }, 20_000)),
    stopWithin(mailWorker.stop(), 20_000, 'stopping the worker node'),
  ]);
  await stopWithin(owner?.stop(), 30_000, 'stopping Postgres');
  progress('stopped: servers, worker, load generator and Postgres');
});

try {
  const database = await openBenchDatabase(env, logger, (opened) => (owner = opened));
  await resetLoopbackAuthLimits(database);
  const ports = new Map<TargetKind, number>();
  for (const { name, target } of TARGETS) {
    const child = ChildHandle.fork<TargetCommand, TargetReply>(
      new URL('./target-server.ts', import.meta.url),
      `${name} server`,
    );
    targetProcesses.push(child);
    const { port } = await child.request(
      { type: 'start', target, ownerUrl: database.ownerUrl, envSource },
      60_000,
    );
    if (name === 'plinth' && port !== apiPort) {
      throw new Error(`api server listens on ${port}, not on APP_URL's ${apiPort}`);
    }
    ports.set(name, port);
    progress(`${name} server listening on 127.0.0.1:${port}`);
  }
  const client = new Client(baseUrl);

  const person = await mailWorker.signUpAndSignIn(client, {
    envSource,
    ownerUrl: database.ownerUrl,
    logger,
  });
  const slug = await createWorkspaceWithProjects(client, database, person);
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
  shutdown.fail(error);
} finally {
  await shutdown.stopAll();
}
exitIfAHandleLingers();
