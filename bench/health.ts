import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { openOwnerDatabase } from '../apps/server/src/local-database';
import { prepareDatabase } from '../apps/server/src/prepare-database';
import {
  ChildHandle,
  type LoadCommand,
  type LoadReply,
  type LoadResult,
  type TargetCommand,
  type TargetName,
  type TargetReply,
} from './ipc';

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
      'pg-port': { type: 'string', default: '54330' },
      'data-dir': { type: 'string', default: '.data/bench' },
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

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const milliseconds = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(1));

function describe(result: LoadResult): string {
  const failure = result.firstError ? ` (first: ${result.firstError})` : '';
  return (
    `${integer.format(result.requestsPerSecond)} req/s, p50 ${milliseconds(result.p50Ms)} ms, ` +
    `p99 ${milliseconds(result.p99Ms)} ms, ${result.errors} errors${failure}`
  );
}

function best(results: LoadResult[]): LoadResult {
  return results.reduce((top, result) => (result.requestsPerSecond > top.requestsPerSecond ? result : top));
}

function printTable(options: BenchOptions, results: Map<TargetName, LoadResult[]>, loadBefore: number): void {
  const row = (cells: string[]) => {
    const [label = '', rate = '', p50 = '', p99 = '', errors = ''] = cells;
    return `${label.padEnd(27)}${rate.padEnd(10)}${p50.padEnd(9)}${p99.padEnd(9)}${errors}`.trimEnd();
  };
  const chosen = new Map(TARGETS.map(({ name }) => [name, best(results.get(name) ?? [])]));
  const raw = chosen.get('raw');
  const plinth = chosen.get('plinth');
  const lines = [
    `GET ${HEALTH_PATH} — ${options.connections} connections, ${options.durationSeconds} s, ` +
      `Node ${process.version}, ${os.availableParallelism()} CPUs`,
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
      raw && plinth ? (plinth.requestsPerSecond / raw.requestsPerSecond).toFixed(2) : '-',
    ]),
    '',
    `Each row is the best of ${options.rounds} alternating rounds (${TARGETS.map(({ name }) => name).join(', ')}, …) ` +
      'by req/s, with that round’s p50/p99/errors.',
    ...TARGETS.map(
      ({ name }) =>
        `  ${name} rounds: ` +
        (results.get(name) ?? [])
          .map((result) => `${integer.format(result.requestsPerSecond)} req/s (${result.errors} errors)`)
          .join(', '),
    ),
    `req/s counts 200 responses inside the ${options.durationSeconds} s window, after a ` +
      `${options.warmupSeconds} s warm-up on the same keep-alive connections.`,
    'Each target runs in its own process; the load generator (node:http, keep-alive, closed loop) in a third.',
    `1-minute load average when the run began: ${loadBefore.toFixed(2)}; other work on the machine moves the numbers.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function stopWithin(task: Promise<void>, timeoutMs: number, what: string): Promise<void> {
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

const USAGE =
  'usage: npm run bench -- [--connections 50] [--duration 10] [--warmup 2] [--rounds 2] ' +
  '[--pg-port 54330] [--data-dir .data/bench]';

let options: BenchOptions;
try {
  options = parseOptions();
} catch (error) {
  progress(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const envSource: Record<string, string | undefined> = {
  ...process.env,
  PLINTH_ROLE: 'api',
  NODE_ENV: 'test',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  PLINTH_DATA_DIR: options.dataDir,
  EMBEDDED_PG_PORT: String(options.pgPort),
};
// Taken before we start anything: how busy the machine already was.
const loadBefore = os.loadavg()[0] ?? Number.NaN;
const env = loadEnv(envSource);
const logger = createLogger({ level: env.logLevel });

progress(
  env.databaseUrl
    ? 'using DATABASE_URL (migrations are applied to it)'
    : `starting embedded Postgres in ${env.dataDir}/postgres on port ${env.embeddedPgPort}`,
);
const owner = await openOwnerDatabase(env, logger);
const targetProcesses: ChildHandle<TargetCommand, TargetReply>[] = [];
let load: ChildHandle<LoadCommand, LoadReply> | undefined;
try {
  await prepareDatabase(env, owner.ownerUrl);
  const ports = new Map<TargetName, number>();
  for (const { name } of TARGETS) {
    const child = ChildHandle.fork<TargetCommand, TargetReply>(
      new URL('./target-server.ts', import.meta.url),
      `${name} server`,
    );
    targetProcesses.push(child);
    const { port } = await child.request(
      { type: 'start', target: name, ownerUrl: owner.ownerUrl, envSource },
      60_000,
    );
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
  process.exitCode = 1;
  progress(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await Promise.all([
    load?.close(undefined, 5_000),
    ...targetProcesses.map((child) => child.close({ type: 'stop' }, 20_000)),
  ]);
  await stopWithin(owner.stop(), 30_000, 'stopping Postgres');
  progress('stopped: servers, load generator and Postgres');
}
// Everything is closed; should a stray handle remain, it must not keep the bench alive.
setTimeout(() => {
  progress('a handle is still open after shutdown; exiting anyway');
  process.exit(process.exitCode ?? 0);
}, 5_000).unref();
