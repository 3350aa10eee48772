import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import type { OwnerDatabase } from '../apps/server/src/local-database';
import {
  benchEnvSource,
  freePort,
  grantTeamPlan,
  openBenchDatabase,
  resetLoopbackAuthLimits,
} from './bench-database';
import { parseBenchOptions, type BenchOptions } from './cli-options';
import { profileLines, summariseProfiles } from './cpu-profile';
import { postgresTicks, postmasterPid } from './postgres-cpu';
import {
  ChildHandle,
  type CpuReply,
  type LoadCommand,
  type LoadReply,
  type LoadResult,
  type ProfileReply,
  type TargetCommand,
  type TargetReply,
} from './ipc';
import {
  best,
  describe,
  integer,
  loadAverageNow,
  loadLine,
  milliseconds,
  resultRow,
  runConditions,
  tableRow,
  windowLine,
} from './report-format';
import { BenchShutdown, exitIfAHandleLingers, progress, stopWithin } from './run-lifecycle';
import { Client, SetupMailWorker, type SignedIn } from './signed-in-person';

// `npm run bench [-- --connections 50 --duration 10 --warmup 2 --rounds 2]`: issue 6's number. The
// projects list, GET /api/v1/workspaces/{slug}/projects?limit=20, authenticated by API key and by
// session, on one API node (PLINTH_ROLE=api, the whole middleware chain: request id, logger,
// security headers, rate limits, actor, tenant, validation, the handler) against a raw node:http +
// pg baseline (bench/raw-api.ts) that sends the same statements with the same safety and answers
// the same bytes. Each target runs in its own child process, the load in a third; rounds alternate
// (raw session, plinth session, raw key, plinth key, …). The person, the workspace, its 20 projects
// and the key come from the real HTTP flow, once, at setup. Prints numbers; asserts nothing.

const REQUEST_TIMEOUT_MS = 10_000;
const PROJECT_COUNT = 20;
const LIMIT = 20;
/** The issue's acceptance lines: plinth's req/s over the baseline's, and p99, in the same run. */
const TARGET_RATIO = 0.85;
/** Issue 18: plinth's req/s over the one-round-trip baseline's (the same checks in one message). */
const TARGET_RATIO_ONE = 0.65;
const TARGET_P99_MS = 30;
/** Load per row before the measured rounds, discarded. */
const WARM_UP_PASS_MS = 5_000;

type Auth = 'session' | 'key';
/**
 * Issue 12's rows, all the same API node by API key, each in its own process: `plinth` has
 * METRICS_PORT and OTEL_* unset (off/off); `again` is a second, identical off/off node (two nodes
 * that differ in nothing: the noise of this run, against which "OTEL unset costs nothing" is read);
 * `metrics` sets METRICS_PORT (scraped every 2 s); `observed` sets METRICS_PORT and OTEL_* (10 %
 * of traces sampled, exported to a local OTLP sink).
 */
type Server = 'raw' | 'raw1' | 'plinth' | 'again' | 'metrics' | 'observed';
type RowName = `${Server}-${Auth}`;

const ALL_ROWS: readonly { name: RowName; server: Server; auth: Auth; label: string }[] = [
  { name: 'raw-session', server: 'raw', auth: 'session', label: 'raw (session)' },
  { name: 'raw1-session', server: 'raw1', auth: 'session', label: 'raw 1 trip (session)' },
  { name: 'plinth-session', server: 'plinth', auth: 'session', label: 'plinth (session)' },
  { name: 'raw-key', server: 'raw', auth: 'key', label: 'raw (API key)' },
  { name: 'raw1-key', server: 'raw1', auth: 'key', label: 'raw 1 trip (API key)' },
  { name: 'plinth-key', server: 'plinth', auth: 'key', label: 'plinth (API key)' },
  { name: 'again-key', server: 'again', auth: 'key', label: 'plinth again (key)' },
  { name: 'metrics-key', server: 'metrics', auth: 'key', label: 'plinth+metrics' },
  { name: 'observed-key', server: 'observed', auth: 'key', label: 'plinth+metr+trace' },
];

const ALL_SERVERS: readonly { server: Server; target: 'raw-api' | 'raw-api-one' | 'plinth' }[] = [
  { server: 'raw', target: 'raw-api' },
  { server: 'raw1', target: 'raw-api-one' },
  { server: 'plinth', target: 'plinth' },
  { server: 'again', target: 'plinth' },
  { server: 'metrics', target: 'plinth' },
  { server: 'observed', target: 'plinth' },
];
/** Issue 12: metrics and tracing (10 %) on may cost at most 5 % of req/s against the same node with both off. */
const TARGET_OBSERVED_RATIO = 0.95;

// ---------------------------------------------------------------------------------------------
// Setup over HTTP: one person and session (bench/signed-in-person.ts), a workspace on the team plan
// with PROJECT_COUNT projects, and a read-only API key minted through the API.

async function createWorkspaceWithProjects(
  client: Client,
  owner: OwnerDatabase,
  person: SignedIn,
): Promise<{ slug: string; apiKey: string }> {
  const slug = `bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await client.json('POST', '/api/v1/workspaces', 201, {
    cookie: person.cookie,
    body: { name: 'Bench Projects', slug },
  });
  await grantTeamPlan(owner, slug);
  for (let index = 1; index <= PROJECT_COUNT; index += 1) {
    await client.json('POST', `/api/v1/workspaces/${slug}/projects`, 201, {
      cookie: person.cookie,
      body: { name: `Project ${String(index).padStart(2, '0')}`, description: `Bench project ${index}` },
    });
  }
  const { body } = await client.json<{ secret?: unknown }>(
    'POST',
    `/api/v1/workspaces/${slug}/api-keys`,
    201,
    {
      cookie: person.cookie,
      body: { name: 'bench', scopes: ['project.read'] },
    },
  );
  if (typeof body.secret !== 'string') throw new Error('the API key route returned no secret');
  progress(`created workspace ${slug} (team plan) with ${PROJECT_COUNT} projects and a read-only API key`);
  return { slug, apiKey: body.secret };
}

interface ProjectList {
  items?: { id?: unknown }[];
  next_cursor?: unknown;
  has_more?: unknown;
}

/**
 * Before load and after each round: 200 with LIMIT items and no next page, and 401 without
 * credentials. Returns the body, so that the two servers can be compared byte for byte.
 */
async function probe(label: string, port: number, path: string, headers: Record<string, string>) {
  const client = new Client(`http://127.0.0.1:${port}`);
  const response = await fetch(`${client.baseUrl}${path}`, {
    headers,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${label} ${path}: ${response.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as ProjectList;
  const problems: string[] = [];
  if (!response.headers.get('content-type')?.startsWith('application/json')) problems.push('not JSON');
  if (!Array.isArray(body.items) || body.items.length !== LIMIT) {
    problems.push(`${Array.isArray(body.items) ? body.items.length : 'no'} items, not ${LIMIT}`);
  }
  if (body.next_cursor !== null || body.has_more !== false) problems.push('a next page');
  if (problems.length > 0) throw new Error(`${label} ${path}: ${problems.join(', ')}`);
  const anonymous = await client.send('GET', path);
  if (anonymous.response.status !== 401) {
    throw new Error(`${label} ${path} without credentials answered ${anonymous.response.status}, not 401`);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// CPU per request: the server process's (process.cpuUsage()) and Postgres's (every process of the
// embedded cluster, from /proc), over a whole run divided by its answers. Unlike req/s, this barely
// moves when other work competes for the machine, so it shows the cost of our framework even on a
// busy shared machine.

interface CpuSample {
  serverMicros: number;
  /** Clock ticks (1/100 s) of the cluster's processes; undefined without an embedded cluster. */
  postgresTicks: number | undefined;
}

interface CpuPerRequest {
  serverMs: number;
  postgresMs: number | undefined;
}

type TargetHandle = ChildHandle<TargetCommand, TargetReply | CpuReply | ProfileReply>;

const cpu = new Map<LoadResult, CpuPerRequest>();
const children = new Map<Server, TargetHandle>();

async function cpuSnapshot(child: TargetHandle, postmaster: number | undefined): Promise<CpuSample> {
  const reply = await child.request({ type: 'cpu' }, 5_000);
  if (reply.type !== 'cpu') throw new Error('the server did not report its CPU time');
  return {
    serverMicros: reply.userMicros + reply.systemMicros,
    postgresTicks: await postgresTicks(postmaster),
  };
}

function perRequest(before: CpuSample, after: CpuSample, answered: number): CpuPerRequest {
  const postgres =
    before.postgresTicks === undefined || after.postgresTicks === undefined
      ? undefined
      : ((after.postgresTicks - before.postgresTicks) * 10) / answered;
  return {
    serverMs: (after.serverMicros - before.serverMicros) / 1000 / answered,
    postgresMs: postgres,
  };
}

/** Mean over a row's rounds: CPU per request is steady from round to round, unlike req/s. */
function meanCpu(rounds: LoadResult[]): CpuPerRequest | undefined {
  const samples = rounds.map((round) => cpu.get(round)).filter((sample) => sample !== undefined);
  if (samples.length === 0) return undefined;
  const serverMs = samples.reduce((sum, sample) => sum + sample.serverMs, 0) / samples.length;
  const withPostgres = samples.filter((sample) => sample.postgresMs !== undefined);
  const postgresMs =
    withPostgres.length === samples.length
      ? withPostgres.reduce((sum, sample) => sum + (sample.postgresMs ?? 0), 0) / samples.length
      : undefined;
  return { serverMs, postgresMs };
}

function cpuLines(results: Map<RowName, LoadResult[]>): string[] {
  const lines = ['CPU per request (mean over the rounds; server process + Postgres):'];
  const format = (value: CpuPerRequest | undefined) =>
    value
      ? `${value.serverMs.toFixed(3)} ms` +
        (value.postgresMs === undefined ? '' : ` + ${value.postgresMs.toFixed(3)} ms Postgres`)
      : '-';
  const total = (value: CpuPerRequest | undefined) =>
    value ? value.serverMs + (value.postgresMs ?? 0) : NaN;
  const ratioText = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(2));
  for (const auth of ['session', 'key'] as const) {
    const raw = meanCpu(results.get(`raw-${auth}`) ?? []);
    const raw1 = meanCpu(results.get(`raw1-${auth}`) ?? []);
    const plinth = meanCpu(results.get(`plinth-${auth}`) ?? []);
    lines.push(
      `  ${auth === 'session' ? 'session' : 'API key'}: raw ${format(raw)}; raw 1 trip ${format(raw1)}; ` +
        `plinth ${format(plinth)}; raw/plinth ${ratioText(total(raw) / total(plinth))}, ` +
        `raw 1 trip/plinth ${ratioText(total(raw1) / total(plinth))}`,
    );
  }
  lines.push(
    '  (a CPU ratio is what the req/s ratio tends to when the machine runs nothing else and the CPU is the limit)',
  );
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Output, in bench/health.ts's format.

/**
 * Issue 12's rows against the off/off node of the same run: best round over best round, the ratio
 * of each round to the off/off round just before it, and CPU per request (which moves far less than
 * req/s on a shared machine). `again` is an off/off node too: its ratio is the run's noise.
 */
function observedLines(results: Map<RowName, LoadResult[]>): string[] {
  const off = best(results.get('plinth-key') ?? []);
  const offCpu = meanCpu(results.get('plinth-key') ?? []);
  const rows: { name: RowName; label: string; note: (ratio: number) => string }[] = [
    {
      name: 'again-key',
      label: 'OTEL unset: again / off',
      note: () =>
        'two identical nodes with OTEL_* and METRICS_PORT unset: the noise of this run; tracing code with ' +
        'OTEL_* unset is one undefined check per request and per statement, within this',
    },
    { name: 'metrics-key', label: 'metrics only / off', note: () => 'METRICS_PORT set, scraped every 2 s' },
    {
      name: 'observed-key',
      label: 'trace 10 %+metrics / off',
      note: (ratio) =>
        `target ≥ ${TARGET_OBSERVED_RATIO}: ${ratio >= TARGET_OBSERVED_RATIO ? 'met' : 'NOT met'}; ` +
        'parentbased_traceidratio 0.1 to a local OTLP sink, metrics scraped every 2 s',
    },
  ];
  const lines: string[] = [];
  for (const { name, label, note } of rows) {
    const on = best(results.get(name) ?? []);
    const ratio = off && on ? on.requestsPerSecond / off.requestsPerSecond : Number.NaN;
    lines.push(
      tableRow([
        label,
        Number.isNaN(ratio) ? '-' : ratio.toFixed(2),
        Number.isNaN(ratio) ? '' : `(${note(ratio)})`,
      ]),
    );
  }
  lines.push('', 'Issue 12, by API key, against off/off (METRICS_PORT and OTEL_* unset) in the same run:');
  for (const { name, label } of rows) {
    const perRound = (results.get(name) ?? [])
      .map((result, index) => {
        const baseline = results.get('plinth-key')?.[index];
        return baseline ? (result.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : '-';
      })
      .join(', ');
    // The server process's CPU only: what metrics and tracing add is spent there (Postgres's share
    // is counted over every backend of the cluster, including the other nodes' idle ones).
    const serverMs = meanCpu(results.get(name) ?? [])?.serverMs ?? NaN;
    const offMs = offCpu?.serverMs ?? NaN;
    lines.push(
      `  ${label}: req/s ratio per round ${perRound}; server CPU per request ${serverMs.toFixed(3)} ms vs ` +
        `${offMs.toFixed(3)} ms off (+${(((serverMs - offMs) / offMs) * 100).toFixed(1)} %)`,
    );
  }
  lines.push(`  scrapes of /metrics during the run: ${scrapes}, failed: ${scrapeFailures}`);
  return lines;
}

function verdict(ratio: number, target: number, p99: number): string {
  if (Number.isNaN(ratio)) return '';
  const ratioMet = ratio >= target;
  const p99Met = p99 < TARGET_P99_MS;
  return (
    `(target ≥ ${target.toFixed(2)}: ${ratioMet ? 'met' : 'NOT met'}; ` +
    `plinth p99 ${milliseconds(p99)} ms, target < ${TARGET_P99_MS}: ${p99Met ? 'met' : 'NOT met'})`
  );
}

function printTable(
  options: BenchOptions,
  path: string,
  results: Map<RowName, LoadResult[]>,
  loadBefore: number,
): void {
  const chosen = new Map(ROWS.map(({ name }) => [name, best(results.get(name) ?? [])]));
  const ratioLines: string[] = [];
  const perRequest: string[] = [];
  for (const auth of ['session', 'key'] as const) {
    const plinth = chosen.get(`plinth-${auth}`);
    for (const { server, target, name } of [
      { server: 'raw', target: TARGET_RATIO, name: 'raw' },
      { server: 'raw1', target: TARGET_RATIO_ONE, name: 'raw 1 trip' },
    ] as const) {
      const raw = chosen.get(`${server}-${auth}`);
      const ratio = raw && plinth ? plinth.requestsPerSecond / raw.requestsPerSecond : Number.NaN;
      const label = `ratio/${name}, ${auth === 'session' ? 'session' : 'key'}`;
      ratioLines.push(
        tableRow([
          label,
          Number.isNaN(ratio) ? '-' : ratio.toFixed(2),
          verdict(ratio, target, plinth?.p99Ms ?? NaN),
        ]),
      );
      if (raw && plinth) {
        // In a closed loop at saturation, 1 / req/s is the machine's time per request.
        perRequest.push(
          `1000 / req/s, ${auth === 'session' ? 'session' : 'API key'}: plinth ` +
            `${(1000 / plinth.requestsPerSecond).toFixed(3)} ms vs ${server === 'raw' ? 'raw' : 'raw 1 trip'} ` +
            `${(1000 / raw.requestsPerSecond).toFixed(3)} ms ` +
            `(+${(1000 / plinth.requestsPerSecond - 1000 / raw.requestsPerSecond).toFixed(3)} ms per request)`,
        );
      }
    }
  }
  const perRound = (auth: Auth, server: 'raw' | 'raw1' = 'raw') =>
    (results.get(`plinth-${auth}`) ?? [])
      .map((result, index) => {
        const baseline = results.get(`${server}-${auth}`)?.[index];
        return baseline ? (result.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : '-';
      })
      .join(', ');
  const lines = [
    `GET ${path} (${PROJECT_COUNT} projects) — ${runConditions(options)}`,
    tableRow(['target', 'req/s', 'p50 ms', 'p99 ms', 'errors']),
    ...ROWS.map(({ name, label }) => resultRow(label, chosen.get(name))),
    ...ratioLines,
    '',
    ...perRequest,
    ...cpuLines(results),
    ...(quick ? [] : observedLines(results)),
    `Each row is the best of ${options.rounds} alternating rounds (${ROWS.map(({ name }) => name).join(', ')}, …) ` +
      'by req/s, with that round’s p50/p99/errors.',
    `  ratio per round vs same statements, session: ${perRound('session')}; API key: ${perRound('key')}; ` +
      `vs 1 round trip, session: ${perRound('session', 'raw1')}; API key: ${perRound('key', 'raw1')} ` +
      '(each plinth round over the raw rounds of the same pass)',
    windowLine(options),
    'raw sends the statements plinth sent before issue 18 — API key: the key lookup (workspace, creator membership ' +
      'and ban checks in one prepared statement); session: the session lookup after the cookie HMAC check, then the ' +
      'membership lookup; then begin + 3 set_config as one message, the projects select, commit — all three answered the ' +
      'same bytes before the rounds, and still do after each. Plinth now sends two round trips (ADR 0024: the key ' +
      'lookup, or the session joined to its membership; then begin + settings + the select + commit as four statements in one write, ' +
      "the settings and the select named (pg's pipeline mode). Plinth also runs its rate limits (in memory, synced " +
      'every 500 ms; API_RATE_LIMIT_SCALE=1000 so they never refuse), request ids, logging (silent) and security headers.',
    'raw 1 trip sends the same checks folded into one simple-protocol message per request (begin; the lookup ' +
      'whose select list makes the three transaction-local set_config calls; the projects select under the same ' +
      'forced RLS; commit) and answers the same bytes.',
    'raw = a bare node:http server and a pg.Pool (bench/raw-api.ts); plinth = one API node (PLINTH_ROLE=api). ' +
      'Each runs in its own process; the load generator (node:http, keep-alive, closed loop) in a third.',
    loadLine(loadBefore),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * --cpu-prof: where each profiled node's CPU went, per row over its measured rounds: self time per
 * package and per function, in µs per request (over every answer of those rounds, warm-up included,
 * as the CPU lines count them).
 */
async function profileReport(
  directory: string,
  profiles: Map<RowName, string[]>,
  results: Map<RowName, LoadResult[]>,
): Promise<string[]> {
  const lines = [
    '',
    `CPU profiles (--cpu-prof; V8's sampler at 1 ms in the ${PROFILED.join(' and ')} nodes, which itself adds ` +
      `CPU to the figures above): ${directory}`,
  ];
  for (const { name, label } of ROWS) {
    const files = profiles.get(name) ?? [];
    if (files.length === 0) continue;
    const answers = (results.get(name) ?? []).reduce(
      (sum, round) => sum + (round.answered ?? round.requests),
      0,
    );
    lines.push(`  ${label}, ${files.length} round(s), ${integer.format(answers)} answers:`);
    lines.push(...profileLines(await summariseProfiles(files, 20), Math.max(1, answers), '    ', 'request'));
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------

const USAGE =
  'usage: npm run bench -- [--connections 50] [--duration 10] [--warmup 2] [--rounds 2] ' +
  '[--pg-port 54333] [--data-dir .data/bench-api] [--cpu-prof] [--quick]';

const options = parseBenchOptions({
  pgPort: 54333,
  dataDir: '.data/bench-api',
  usage: USAGE,
  switches: ['cpu-prof', 'quick'] as const,
});
/** --quick: issue 18's six rows only (raw, raw 1 trip and plinth, by session and by key). */
const quick = options.switches.quick;
const issue18 = (server: Server) => server === 'raw' || server === 'raw1' || server === 'plinth';
const ROWS = quick ? ALL_ROWS.filter(({ server }) => issue18(server)) : ALL_ROWS;
const SERVERS = quick ? ALL_SERVERS.filter(({ server }) => issue18(server)) : ALL_SERVERS;
/** --cpu-prof: V8's sampling profiler in these nodes over every measured round of their rows. */
const PROFILED: readonly Server[] = ['raw', 'plinth'];
const profiling = options.switches['cpu-prof'];
const loadBefore = loadAverageNow();
const apiPort = await freePort();
const baseUrl = `http://127.0.0.1:${apiPort}`;
const envSource = benchEnvSource(options, {
  PORT: String(apiPort),
  APP_URL: baseUrl,
  MAIL_TRANSPORT: 'capture',
  // The limiter runs on every request, but the load must measure the API, not 429s.
  API_RATE_LIMIT_SCALE: '1000',
});
// Issue 12's nodes: each its own port; the metrics and observed nodes a metrics listener that a
// scraper polls during the run; the observed node tracing at 10 % to a local OTLP sink (answers
// 200, keeps nothing) so the export costs what it costs.
const metricsPorts = { metrics: await freePort(), observed: await freePort() };
const otlpSink = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});
await new Promise<void>((resolve) => otlpSink.listen(0, '127.0.0.1', resolve));
// Off means unset here, whatever the shell running the bench exports.
const off = Object.fromEntries(
  Object.keys(process.env)
    .filter((name) => name.startsWith('OTEL_') || name.startsWith('METRICS_'))
    .map((name) => [name, undefined]),
);
const envSources: Record<Server, Record<string, string | undefined>> = {
  raw: envSource,
  raw1: envSource,
  plinth: { ...envSource, ...off },
  again: { ...envSource, ...off, PORT: String(await freePort()) },
  metrics: {
    ...envSource,
    ...off,
    PORT: String(await freePort()),
    METRICS_PORT: String(metricsPorts.metrics),
    METRICS_HOST: '127.0.0.1',
  },
  observed: {
    ...envSource,
    ...off,
    PORT: String(await freePort()),
    METRICS_PORT: String(metricsPorts.observed),
    METRICS_HOST: '127.0.0.1',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(otlpSink.address() as AddressInfo).port}`,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: '0.1',
  },
};
const env = loadEnv(envSource);
const logger = createLogger({ level: env.logLevel });

let owner: OwnerDatabase | undefined;
let scraper: NodeJS.Timeout | undefined;
let scrapes = 0;
let scrapeFailures = 0;
const targetProcesses: TargetHandle[] = [];
let load: ChildHandle<LoadCommand, LoadReply> | undefined;
const mailWorker = new SetupMailWorker();
const shutdown = new BenchShutdown(async () => {
  clearInterval(scraper);
  otlpSink.close();
  otlpSink.closeAllConnections();
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
  const ports = new Map<Server, number>();
  for (const { server, target } of SERVERS) {
    const child = ChildHandle.fork<TargetCommand, TargetReply | CpuReply | ProfileReply>(
      new URL('./target-server.ts', import.meta.url),
      `${server} server`,
    );
    targetProcesses.push(child);
    const started = await child.request(
      {
        type: 'start',
        target,
        ownerUrl: database.ownerUrl,
        envSource: envSources[server],
      },
      60_000,
    );
    if (started.type !== 'listening') throw new Error(`${server} server did not start`);
    const { port } = started;
    children.set(server, child);
    if (server === 'plinth' && port !== apiPort) {
      throw new Error(`api server listens on ${port}, not on APP_URL's ${apiPort}`);
    }
    ports.set(server, port);
    progress(`${server} server listening on 127.0.0.1:${port}`);
  }
  const client = new Client(baseUrl);
  const person = await mailWorker.signUpAndSignIn(client, {
    envSource,
    ownerUrl: database.ownerUrl,
    logger,
  });
  const { slug, apiKey } = await createWorkspaceWithProjects(client, database, person);
  const listPath = `/api/v1/workspaces/${slug}/projects?limit=${LIMIT}`;
  const headersFor: Record<Auth, Record<string, string>> = {
    session: { cookie: person.cookie },
    key: { authorization: `Bearer ${apiKey}` },
  };

  // Both servers answer the same bytes, by either credential.
  for (const auth of ['session', 'key'] as const) {
    const answers = new Map<Server, string>();
    for (const { server } of SERVERS) {
      answers.set(
        server,
        await probe(`${server} (${auth})`, ports.get(server) ?? 0, listPath, headersFor[auth]),
      );
    }
    if (SERVERS.some(({ server }) => answers.get(server) !== answers.get('raw'))) {
      throw new Error(
        `the servers answer differently (${auth}):\n  raw:    ${answers.get('raw')?.slice(0, 300)}\n` +
          `  plinth: ${answers.get('plinth')?.slice(0, 300)}`,
      );
    }
  }
  progress(`all servers answer 200 with the same ${LIMIT} projects, by session and by API key`);
  // Prometheus scrapes every 15 s by default; scraping every 2 s here puts the scrape cost in the row.
  if (!quick)
    scraper = setInterval(() => {
      for (const port of Object.values(metricsPorts)) {
        fetch(`http://127.0.0.1:${port}/metrics`)
          .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error('not 200'))))
          .then(() => (scrapes += 1))
          .catch(() => (scrapeFailures += 1));
      }
    }, 2_000);

  load = ChildHandle.fork<LoadCommand, LoadReply>(
    new URL('./load-generator.ts', import.meta.url),
    'load generator',
  );
  const results = new Map<RowName, LoadResult[]>(ROWS.map(({ name }) => [name, []]));
  const postmaster = database.embedded ? await postmasterPid(env.dataDir) : undefined;
  const runMs = (options.warmupSeconds + options.durationSeconds) * 1000;
  // A first pass over every row, discarded: the servers' JIT, pools and prepared statements warm up
  // here (plinth runs much more JavaScript than raw, and its first round was always its worst).
  for (const { server, auth, label } of ROWS) {
    await load.request(
      {
        type: 'run',
        port: ports.get(server) ?? 0,
        path: listPath,
        headers: headersFor[auth],
        connections: options.connections,
        warmupMs: WARM_UP_PASS_MS,
        durationMs: 500,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
      },
      WARM_UP_PASS_MS + REQUEST_TIMEOUT_MS + 10_000,
    );
    progress(`warmed up ${label}`);
  }
  // --cpu-prof: one profile per profiled node, row and round, in a directory of this run's own.
  const profileDir = profiling
    ? path.resolve(options.dataDir, 'profiles', new Date().toISOString().replaceAll(':', '-'))
    : undefined;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const profiles = new Map<RowName, string[]>();
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const { name, server, auth, label } of ROWS) {
      const port = ports.get(server) ?? 0;
      const profiled = profileDir !== undefined && PROFILED.includes(server);
      if (profiled) await children.get(server)!.request({ type: 'profile', action: 'start' }, 10_000);
      const before = await cpuSnapshot(children.get(server)!, postmaster);
      const result = await load.request(
        {
          type: 'run',
          port,
          path: listPath,
          headers: headersFor[auth],
          connections: options.connections,
          warmupMs: options.warmupSeconds * 1000,
          durationMs: options.durationSeconds * 1000,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
        },
        runMs + REQUEST_TIMEOUT_MS + 10_000,
      );
      const after = await cpuSnapshot(children.get(server)!, postmaster);
      if (profiled) {
        const file = path.join(profileDir, `${name}-round${round}.cpuprofile`);
        await children.get(server)!.request({ type: 'profile', action: 'stop', file }, 60_000);
        profiles.set(name, [...(profiles.get(name) ?? []), file]);
      }
      results.get(name)?.push(result);
      cpu.set(result, perRequest(before, after, result.answered ?? result.requests));
      progress(`round ${round}/${options.rounds}  ${label.padEnd(17)} ${describe(result)}`);
      // The credentials, the membership and the projects are still all there.
      await probe(label, port, listPath, headersFor[auth]);
      // Let the finished run's sockets close before the next target is loaded.
      await sleep(500);
    }
  }
  printTable(options, listPath, results, loadBefore);
  if (profileDir)
    process.stdout.write(`${(await profileReport(profileDir, profiles, results)).join('\n')}\n`);
} catch (error) {
  shutdown.fail(error);
} finally {
  await shutdown.stopAll();
}
exitIfAHandleLingers();
