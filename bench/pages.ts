import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import type { OwnerDatabase } from '../apps/server/src/local-database';
import {
  benchEnvSource,
  freePort,
  grantTeamPlan,
  openBenchDatabase,
  resetLoopbackAuthLimits,
} from './bench-database';
import { parseBenchOptions } from './cli-options';
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
  loadAverageNow,
  loadLine,
  resultRow,
  runConditions,
  tableRow,
  windowLine,
} from './report-format';
import { BenchShutdown, exitIfAHandleLingers, progress, stopWithin } from './run-lifecycle';
import { Client } from './signed-in-person';

// `npm run bench:pages [-- --all] [--connections 50 --duration 10 --warmup 2 --rounds 2]` (after
// `npm run build`): issue 18's page number. The signed-in projects page, GET /w/{slug}/projects
// (20 projects), server-rendered by the production build of apps/web (`next build`; NODE_ENV=
// production, PLINTH_ROLE=web beside an api node, or one PLINTH_ROLE=all node with --all), against
// a baseline page of the same app and the same node: /bench/projects/{slug}, the same ProjectList
// from ONE message to Postgres and no sign-in (apps/web/app/bench, served only with
// BENCH_PAGES_BASELINE, which this script sets). Prints req/s, p50/p99, server CPU per render (the
// nodes' process CPU time over the run / its answers), the ratio to the baseline, RSS per node at
// idle and after the run, and whether issue 18's targets are met. Loopback only; asserts nothing.
// With --cpu-prof, each node runs V8's sampling profiler over every measured round, writes one
// .cpuprofile per node, page and round (open them in Chrome DevTools or speedscope), and the report
// adds each page's top self time per package and per function, per node.

const REQUEST_TIMEOUT_MS = 10_000;
const PROJECT_COUNT = 20;
const SESSION_COOKIE = '__Secure-plinth.session_token';
/** Issue 18: server CPU per signed-in render, and req/s over the baseline page's, in the same run. */
const TARGET_CPU_MS = 8;
const TARGET_RATIO = 0.8;
const WARM_UP_PASS_MS = 5_000;

const USAGE =
  'usage: npm run bench:pages -- [--all] [--connections 50] [--duration 10] [--warmup 2] [--rounds 2] ' +
  '[--pg-port 54351] [--data-dir .data/bench-pages] [--cpu-prof]';
const options = parseBenchOptions({
  pgPort: 54351,
  dataDir: '.data/bench-pages',
  usage: USAGE,
  switches: ['all', 'cpu-prof'] as const,
});
const single = options.switches.all;
const profiling = options.switches['cpu-prof'];
const repoRoot = path.resolve(import.meta.dirname, '..');
if (!existsSync(path.join(repoRoot, 'apps/web/.next/BUILD_ID'))) {
  progress(
    'apps/web/.next/BUILD_ID is missing: run `npm run build` first (the bench serves the production build)',
  );
  process.exit(1);
}

type Node = 'web' | 'api';
type Row = 'baseline' | 'signed-in';
const ROWS: readonly { name: Row; label: string }[] = [
  { name: 'baseline', label: 'baseline page (no auth)' },
  { name: 'signed-in', label: 'signed-in projects page' },
];

// ---------------------------------------------------------------------------------------------
// CPU and memory of the nodes, asked over IPC (process.cpuUsage(), process.memoryUsage.rss()), and
// of the embedded cluster's processes (from /proc), before and after each run.

interface Sample {
  micros: Map<Node, number>;
  rssMiB: Map<Node, number>;
  postgresTicks: number | undefined;
}

const nodes = new Map<Node, ChildHandle<TargetCommand, TargetReply | CpuReply | ProfileReply>>();

async function sample(postmaster: number | undefined): Promise<Sample> {
  const micros = new Map<Node, number>();
  const rssMiB = new Map<Node, number>();
  for (const [name, child] of nodes) {
    const reply = await child.request({ type: 'cpu' }, 5_000);
    if (reply.type !== 'cpu') throw new Error(`the ${name} node did not report its CPU time`);
    micros.set(name, reply.userMicros + reply.systemMicros);
    rssMiB.set(name, (reply.rssBytes ?? Number.NaN) / 1024 / 1024);
  }
  return { micros, rssMiB, postgresTicks: await postgresTicks(postmaster) };
}

interface CpuPerRender {
  /** Per node, ms of process CPU per answer. */
  nodes: Map<Node, number>;
  postgresMs: number | undefined;
}

function perRender(before: Sample, after: Sample, answered: number): CpuPerRender {
  const perNode = new Map<Node, number>();
  for (const [name, micros] of after.micros) {
    perNode.set(name, (micros - (before.micros.get(name) ?? micros)) / 1000 / answered);
  }
  const postgresMs =
    before.postgresTicks === undefined || after.postgresTicks === undefined
      ? undefined
      : ((after.postgresTicks - before.postgresTicks) * 10) / answered;
  return { nodes: perNode, postgresMs };
}

const serverMs = (value: CpuPerRender): number => [...value.nodes.values()].reduce((sum, ms) => sum + ms, 0);

function meanCpu(rounds: CpuPerRender[]): CpuPerRender | undefined {
  if (rounds.length === 0) return undefined;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const perNode = new Map<Node, number>();
  for (const name of rounds[0]!.nodes.keys()) {
    perNode.set(name, mean(rounds.map((round) => round.nodes.get(name) ?? 0)));
  }
  const postgres = rounds.map((round) => round.postgresMs);
  return {
    nodes: perNode,
    postgresMs: postgres.every((value) => value !== undefined) ? mean(postgres) : undefined,
  };
}

function cpuText(value: CpuPerRender | undefined): string {
  if (!value) return '-';
  const parts = [...value.nodes].map(([name, ms]) => `${name} ${ms.toFixed(2)} ms`);
  const total = value.nodes.size > 1 ? ` = ${serverMs(value).toFixed(2)} ms server` : '';
  const postgres = value.postgresMs === undefined ? '' : ` (+ ${value.postgresMs.toFixed(2)} ms Postgres)`;
  return `${parts.join(' + ')}${total}${postgres}`;
}

// ---------------------------------------------------------------------------------------------
// Setup, on the production nodes: sign-up through /api/auth, the address confirmed in the database
// (production sends mail by SMTP, and nothing here delivers it), sign-in, a workspace on the team
// plan with its projects created through the API.

async function ownerQuery(owner: OwnerDatabase, text: string, values: unknown[]): Promise<number> {
  const db = new pg.Client({ connectionString: owner.ownerUrl, connectionTimeoutMillis: 5_000 });
  await db.connect();
  try {
    return (await db.query(text, values)).rowCount ?? 0;
  } finally {
    await db.end();
  }
}

async function signIn(client: Client, owner: OwnerDatabase): Promise<string> {
  const email = `bench-${Date.now()}-${randomBytes(3).toString('hex')}@example.test`;
  const password = `bench-${randomBytes(12).toString('base64url')}`;
  await client.json('POST', '/api/auth/sign-up/email', 200, {
    body: { email, password, name: 'Bench Person' },
  });
  if ((await ownerQuery(owner, `update "user" set email_verified = true where email = $1`, [email])) !== 1) {
    throw new Error(`the signed-up person ${email} is not in the database`);
  }
  const { response } = await client.json('POST', '/api/auth/sign-in/email', 200, {
    body: { email, password },
  });
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    if (pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) {
      progress(`signed up, confirmed and signed in ${email}`);
      return pair;
    }
  }
  throw new Error(`sign-in set no ${SESSION_COOKIE} cookie`);
}

async function createWorkspace(client: Client, owner: OwnerDatabase, cookie: string): Promise<string> {
  const slug = `bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await client.json('POST', '/api/v1/workspaces', 201, { cookie, body: { name: 'Bench Projects', slug } });
  await grantTeamPlan(owner, slug);
  for (let index = 1; index <= PROJECT_COUNT; index += 1) {
    await client.json('POST', `/api/v1/workspaces/${slug}/projects`, 201, {
      cookie,
      body: { name: `Project ${String(index).padStart(2, '0')}`, description: `Bench project ${index}` },
    });
  }
  progress(`created workspace ${slug} (team plan) with ${PROJECT_COUNT} projects`);
  return slug;
}

/**
 * Both pages answer 200 with every project's name (the signed-in one sends a stranger to sign in);
 * answers the page's size in bytes, since every byte of HTML and of its RSC payload is rendered,
 * escaped and written on each request.
 */
async function probe(
  webUrl: string,
  pagePath: string,
  headers: Record<string, string>,
  saveAs?: string,
): Promise<number> {
  const response = await fetch(`${webUrl}${pagePath}`, {
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${pagePath}: ${response.status} ${html.slice(0, 300)}`);
  const missing = Array.from(
    { length: PROJECT_COUNT },
    (_, index) => `Project ${String(index + 1).padStart(2, '0')}`,
  ).filter((name) => !html.includes(name));
  if (missing.length > 0) throw new Error(`${pagePath}: the page lacks ${missing.join(', ')}`);
  if (saveAs) await writeFile(saveAs, html);
  return Buffer.byteLength(html);
}

// ---------------------------------------------------------------------------------------------

const loadBefore = loadAverageNow();
const apiPort = await freePort();
const webPort = single ? apiPort : await freePort();
const apiUrl = `http://127.0.0.1:${apiPort}`;
const webUrl = `http://127.0.0.1:${webPort}`;
// The bench's own cluster (embedded, test mode) for the owner connection and migrations.
const setupEnv = loadEnv(benchEnvSource(options, {}));
const logger = createLogger({ level: 'warn' });

let owner: OwnerDatabase | undefined;
let load: ChildHandle<LoadCommand, LoadReply> | undefined;
const shutdown = new BenchShutdown(async () => {
  await Promise.all([
    load?.close(undefined, 5_000),
    ...[...nodes.values()].map((child) => child.close({ type: 'stop' }, 20_000)),
  ]);
  await stopWithin(owner?.stop(), 30_000, 'stopping Postgres');
  progress('stopped: nodes, load generator and Postgres');
});

try {
  const database = await openBenchDatabase(setupEnv, logger, (opened) => (owner = opened));
  await resetLoopbackAuthLimits(database);
  // Production nodes, as an operator starts them, on the bench's cluster.
  const production: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    APP_URL: apiUrl,
    DATABASE_URL: database.ownerUrl,
    DATABASE_APP_URL: appDatabaseUrl(setupEnv, database.ownerUrl),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: 'smtp://127.0.0.1:1',
    SHUTDOWN_DRAIN_DELAY_MS: '0',
    MIGRATE_ON_START: 'false',
    API_RATE_LIMIT_SCALE: '1000',
  };
  const processEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  const started: { node: Node; role: string; port: number; extra: Record<string, string> }[] = single
    ? [{ node: 'web', role: 'all', port: apiPort, extra: { BENCH_PAGES_BASELINE: 'true' } }]
    : [
        { node: 'api', role: 'api', port: apiPort, extra: {} },
        { node: 'web', role: 'web', port: webPort, extra: { BENCH_PAGES_BASELINE: 'true' } },
      ];
  for (const { node, role, port, extra } of started) {
    const child = ChildHandle.fork<TargetCommand, TargetReply | CpuReply | ProfileReply>(
      new URL('./target-server.ts', import.meta.url),
      `${role} node`,
      // The node's variables in its environment too, as an operator starts it: code that reads
      // loadEnv() itself (Next's side of the node) sees the same configuration.
      { ...processEnv, ...production, ...extra, PLINTH_ROLE: role, PORT: String(port) } as NodeJS.ProcessEnv,
    );
    nodes.set(node, child);
    const reply = await child.request(
      {
        type: 'start',
        target: 'plinth',
        ownerUrl: database.ownerUrl,
        envSource: { ...production, ...extra, PLINTH_ROLE: role, PORT: String(port) },
      },
      120_000,
    );
    if (reply.type !== 'listening' || reply.port !== port)
      throw new Error(`the ${role} node did not start on ${port}`);
    progress(`PLINTH_ROLE=${role} node (production) listening on 127.0.0.1:${port}`);
  }
  const postmaster = database.embedded ? await postmasterPid(setupEnv.dataDir) : undefined;
  await sleep(2_000);
  const idle = await sample(postmaster);

  const client = new Client(apiUrl);
  const cookie = await signIn(client, database);
  const slug = await createWorkspace(client, database, cookie);
  const paths: Record<Row, string> = {
    baseline: `/bench/projects/${slug}`,
    'signed-in': `/w/${slug}/projects`,
  };
  const headersFor: Record<Row, Record<string, string>> = { baseline: {}, 'signed-in': { cookie } };
  const htmlBytes = new Map<Row, number>();
  // Each page's HTML as this run answered it, to read what the bytes are (the RSC payload included).
  const htmlDir = path.resolve(options.dataDir, 'html');
  await mkdir(htmlDir, { recursive: true });
  for (const { name } of ROWS) {
    htmlBytes.set(
      name,
      await probe(webUrl, paths[name], headersFor[name], path.join(htmlDir, `${name}.html`)),
    );
  }
  // Without the cookie: no project, and the way to sign in (a redirect, or, once the streamed shell
  // has answered 200 under the page's loading.tsx, Next's redirect inside the stream).
  const stranger = await fetch(`${webUrl}${paths['signed-in']}`, { redirect: 'manual' });
  const strangerHtml = await stranger.text();
  const toSignIn =
    (stranger.headers.get('location') ?? '').startsWith('/sign-in') ||
    strangerHtml.includes('/sign-in?next=');
  if (!toSignIn || strangerHtml.includes('Project 01')) {
    throw new Error(
      `without a session the signed-in page answered ${stranger.status}, not the way to sign in`,
    );
  }
  progress('both pages render the 20 projects; the signed-in one sends a stranger to sign in');

  load = ChildHandle.fork<LoadCommand, LoadReply>(
    new URL('./load-generator.ts', import.meta.url),
    'load generator',
  );
  const results = new Map<Row, LoadResult[]>(ROWS.map(({ name }) => [name, []]));
  const cpu = new Map<Row, CpuPerRender[]>(ROWS.map(({ name }) => [name, []]));
  // A first pass, discarded: JIT, pools, prepared statements and Next's module cache warm up.
  for (const { name, label } of ROWS) {
    await load.request(
      {
        type: 'run',
        port: webPort,
        path: paths[name],
        headers: headersFor[name],
        connections: options.connections,
        warmupMs: WARM_UP_PASS_MS,
        durationMs: 500,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
      },
      WARM_UP_PASS_MS + REQUEST_TIMEOUT_MS + 10_000,
    );
    progress(`warmed up ${label}`);
  }
  const runMs = (options.warmupSeconds + options.durationSeconds) * 1000;
  // --cpu-prof: one profile per node, page and round, in a directory of this run's own.
  const profileDir = profiling
    ? path.resolve(options.dataDir, 'profiles', new Date().toISOString().replaceAll(':', '-'))
    : undefined;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const profiles = new Map<string, string[]>();
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const { name, label } of ROWS) {
      if (profileDir) {
        for (const child of nodes.values()) await child.request({ type: 'profile', action: 'start' }, 10_000);
      }
      const before = await sample(postmaster);
      const result = await load.request(
        {
          type: 'run',
          port: webPort,
          path: paths[name],
          headers: headersFor[name],
          connections: options.connections,
          warmupMs: options.warmupSeconds * 1000,
          durationMs: options.durationSeconds * 1000,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
        },
        runMs + REQUEST_TIMEOUT_MS + 10_000,
      );
      const after = await sample(postmaster);
      if (profileDir) {
        for (const [node, child] of nodes) {
          const file = path.join(profileDir, `${single ? 'all' : node}-${name}-round${round}.cpuprofile`);
          await child.request({ type: 'profile', action: 'stop', file }, 60_000);
          profiles.set(`${node} ${name}`, [...(profiles.get(`${node} ${name}`) ?? []), file]);
        }
      }
      results.get(name)!.push(result);
      cpu.get(name)!.push(perRender(before, after, result.answered ?? result.requests));
      progress(`round ${round}/${options.rounds}  ${label.padEnd(24)} ${describe(result)}`);
      await probe(webUrl, paths[name], headersFor[name]);
      await sleep(500);
    }
  }
  const afterRun = await sample(postmaster);

  const chosen = new Map(ROWS.map(({ name }) => [name, best(results.get(name) ?? [])]));
  const baseline = chosen.get('baseline');
  const signedIn = chosen.get('signed-in');
  const ratio = baseline && signedIn ? signedIn.requestsPerSecond / baseline.requestsPerSecond : Number.NaN;
  const signedInCpu = meanCpu(cpu.get('signed-in') ?? []);
  const baselineCpu = meanCpu(cpu.get('baseline') ?? []);
  const cpuMs = signedInCpu ? serverMs(signedInCpu) : Number.NaN;
  const perRound = (results.get('signed-in') ?? [])
    .map((result, index) => {
      const other = results.get('baseline')?.[index];
      return other ? (result.requestsPerSecond / other.requestsPerSecond).toFixed(2) : '-';
    })
    .join(', ');
  // Per round, the web node's ms per render, and its ratio to the baseline's in the same round:
  // other work on the machine moves both; a round's ratio moves less than either.
  const webMs = (row: Row) => (cpu.get(row) ?? []).map((round) => round.nodes.get('web') ?? Number.NaN);
  const webPerRound = (row: Row) =>
    webMs(row)
      .map((ms) => ms.toFixed(2))
      .join(', ');
  const cpuRatioPerRound = () =>
    webMs('signed-in')
      .map((ms, index) => (ms / (webMs('baseline')[index] ?? Number.NaN)).toFixed(2))
      .join(', ');
  const rss = (value: Sample) =>
    [...value.rssMiB].map(([name, mib]) => `${single ? 'all' : name} ${mib.toFixed(0)} MiB`).join(', ');
  const lines = [
    `GET /w/{slug}/projects (${PROJECT_COUNT} projects), production build, ` +
      `${single ? 'PLINTH_ROLE=all' : 'PLINTH_ROLE=web (+ an api node)'} — ${runConditions(options)}`,
    tableRow(['page', 'req/s', 'p50 ms', 'p99 ms', 'errors']),
    ...ROWS.map(({ name, label }) => resultRow(label, chosen.get(name))),
    tableRow([
      'ratio signed-in/baseline',
      Number.isNaN(ratio) ? '-' : ratio.toFixed(2),
      `(target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}; per round ${perRound})`,
    ]),
    '',
    'Server CPU per render (mean over the rounds; each node’s process CPU time over the run / its answers):',
    `  signed-in: ${cpuText(signedInCpu)} — target ≤ ${TARGET_CPU_MS} ms: ${cpuMs <= TARGET_CPU_MS ? 'met' : 'NOT met'}`,
    `  baseline:  ${cpuText(baselineCpu)}`,
    `  web per round: signed-in ${webPerRound('signed-in')}; baseline ${webPerRound('baseline')}; ` +
      `signed-in/baseline ${cpuRatioPerRound()}`,
    `RSS: idle after start ${rss(idle)}; after the run ${rss(afterRun)}`,
    `HTML per answer: ${ROWS.map(({ name, label }) => `${label} ${((htmlBytes.get(name) ?? 0) / 1024).toFixed(1)} KiB`).join(', ')} (saved in ${htmlDir})`,
    `Each row is the best of ${options.rounds} alternating rounds (baseline, signed-in, …) by req/s, with that round’s p50/p99/errors.`,
    windowLine(options),
    'baseline = /bench/projects/{slug} (apps/web/app/bench): the same ProjectList from one message to Postgres ' +
      '(begin, the RLS setting, the select, commit), no sign-in, no shell; signed-in = the real page with its ' +
      'layouts (session, membership, workspaces, entitlements, the flag read). Both served by the same node, ' +
      'in production mode, on 127.0.0.1; the load generator (node:http, keep-alive, closed loop) in its own process.',
    loadLine(loadBefore),
  ];
  if (profileDir) {
    lines.push(
      '',
      `CPU profiles (--cpu-prof; V8's sampler at 1 ms, which itself adds CPU to the figures above): ${profileDir}`,
    );
    for (const { name, label } of ROWS) {
      for (const node of nodes.keys()) {
        const files = profiles.get(`${node} ${name}`) ?? [];
        if (files.length === 0) continue;
        lines.push(`  ${label}, ${single ? 'all' : node} node, ${files.length} round(s):`);
        // Per render: over every answer of the page's profiled rounds.
        const answers = results
          .get(name)!
          .reduce((sum, round) => sum + (round.answered ?? round.requests), 0);
        lines.push(...profileLines(await summariseProfiles(files), Math.max(1, answers)));
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  shutdown.fail(error);
} finally {
  await shutdown.stopAll();
}
exitIfAHandleLingers();
