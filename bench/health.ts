import { setTimeout as sleep } from 'node:timers/promises';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import type { OwnerDatabase } from '../apps/server/src/local-database';
import { benchEnvSource, openBenchDatabase } from './bench-database';
import { parseBenchOptions, type BenchOptions } from './cli-options';
import {
  ChildHandle,
  type LoadCommand,
  type LoadReply,
  type LoadResult,
  type TargetCommand,
  type TargetName,
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

// `npm run bench [-- --connections 50 --duration 10 --warmup 2 --rounds 2]`: GET /api/health of our
// server (PLINTH_ROLE=api) against a raw node:http + pg baseline doing the same query, in one run on
// one machine. Each target runs in its own child process, the load in a third; rounds alternate
// (raw, plinth, raw, plinth, …). Prints numbers; asserts nothing.

const HEALTH_PATH = '/api/health';
const REQUEST_TIMEOUT_MS = 10_000;
const TARGETS: readonly { name: TargetName; label: string }[] = [
  { name: 'raw', label: 'raw node:http + pg' },
  { name: 'plinth', label: 'plinth (Hono, api role)' },
];

/** One request from here, before any load: the target answers what our health route answers. */
async function probe(target: TargetName, port: number): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}${HEALTH_PATH}`, {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json()) as { status?: unknown; db?: unknown; version?: unknown };
  const problems: string[] = [];
  if (response.status !== 200) problems.push(`status ${response.status}`);
  if (!response.headers.get('content-type')?.startsWith('application/json')) problems.push('not JSON');
  if (body.status !== 'ok' || body.db !== 'ok' || typeof body.version !== 'string') {
    problems.push(`body ${JSON.stringify(body)}`);
  }
  if (target === 'plinth' && !response.headers.get('x-request-id')) problems.push('no X-Request-Id');
  if (problems.length > 0) throw new Error(`${target} ${HEALTH_PATH} is not healthy: ${problems.join(', ')}`);
}

function printTable(options: BenchOptions, results: Map<TargetName, LoadResult[]>, loadBefore: number): void {
  const chosen = new Map(TARGETS.map(({ name }) => [name, best(results.get(name) ?? [])]));
  const raw = chosen.get('raw');
  const plinth = chosen.get('plinth');
  const rounds = roundsLines(
    options,
    TARGETS.map(({ name }) => name),
    results,
  );
  const lines = [
    `GET ${HEALTH_PATH} — ${runConditions(options)}`,
    tableRow(['target', 'req/s', 'p50 ms', 'p99 ms', 'errors']),
    ...TARGETS.map(({ name, label }) => resultRow(label, chosen.get(name))),
    tableRow([
      'ratio plinth/raw',
      raw && plinth ? (plinth.requestsPerSecond / raw.requestsPerSecond).toFixed(2) : '-',
    ]),
    '',
    rounds.bestOf,
    ...rounds.perName,
    windowLine(options),
    'Each target runs in its own process; the load generator (node:http, keep-alive, closed loop) in a third.',
    loadLine(loadBefore),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const USAGE =
  'usage: npm run bench -- [--connections 50] [--duration 10] [--warmup 2] [--rounds 2] ' +
  '[--pg-port 54330] [--data-dir .data/bench]';

const options = parseBenchOptions({ pgPort: 54330, dataDir: '.data/bench', usage: USAGE });
const envSource = benchEnvSource(options, { PORT: '0' });
const loadBefore = loadAverageNow();
const env = loadEnv(envSource);
const logger = createLogger({ level: env.logLevel });

let owner: OwnerDatabase | undefined;
const targetProcesses: ChildHandle<TargetCommand, TargetReply>[] = [];
let load: ChildHandle<LoadCommand, LoadReply> | undefined;
const shutdown = new BenchShutdown(async () => {
  await Promise.all([
    load?.close(undefined, 5_000),
    ...targetProcesses.map((child) => child.close({ type: 'stop' }, 20_000)),
  ]);
  await stopWithin(owner?.stop(), 30_000, 'stopping Postgres');
  progress('stopped: servers, load generator and Postgres');
});

try {
  const { ownerUrl } = await openBenchDatabase(env, logger, (opened) => (owner = opened));
  const ports = new Map<TargetName, number>();
  for (const { name } of TARGETS) {
    const child = ChildHandle.fork<TargetCommand, TargetReply>(
      new URL('./target-server.ts', import.meta.url),
      `${name} server`,
    );
    targetProcesses.push(child);
    const { port } = await child.request({ type: 'start', target: name, ownerUrl, envSource }, 60_000);
    await probe(name, port);
    ports.set(name, port);
    progress(`${name} server listening on 127.0.0.1:${port}`);
  }
  load = ChildHandle.fork<LoadCommand, LoadReply>(
    new URL('./load-generator.ts', import.meta.url),
    'load generator',
  );

  const results = new Map<TargetName, LoadResult[]>(TARGETS.map(({ name }) => [name, []]));
  const runMs = (options.warmupSeconds + options.durationSeconds) * 1000;
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const { name, label } of TARGETS) {
      const result = await load.request(
        {
          type: 'run',
          port: ports.get(name) ?? 0,
          path: HEALTH_PATH,
          connections: options.connections,
          warmupMs: options.warmupSeconds * 1000,
          durationMs: options.durationSeconds * 1000,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
        },
        runMs + REQUEST_TIMEOUT_MS + 10_000,
      );
      results.get(name)?.push(result);
      progress(`round ${round}/${options.rounds}  ${label.padEnd(25)} ${describe(result)}`);
      // Let the finished run's sockets close before the next target is loaded.
      await sleep(500);
    }
  }
  printTable(options, results, loadBefore);
} catch (error) {
  shutdown.fail(error);
} finally {
  await shutdown.stopAll();
}
exitIfAHandleLingers();
