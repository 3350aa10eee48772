import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadCommand, LoadReply, LoadResult } from './ipc';

// Child process of bench/health.ts and bench/auth.ts: the load, on its own event loop (and process) so
// it never competes with a server's event loop for turns. Closed-loop: each connection sends its next
// request when the previous answer has arrived, over keep-alive sockets to 127.0.0.1 only.

interface Window {
  start: number;
  end: number;
  latenciesMs: number[];
  errors: number;
  firstError: string | undefined;
  /** Answers over the whole run, warm-up included. */
  answered: number;
}

/** Resolves with undefined for a 200 whose body was read, or with why the request failed. */
function requestOnce(agent: http.Agent, command: LoadCommand): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port: command.port,
        path: command.path,
        method: 'GET',
        ...(command.headers ? { headers: command.headers } : {}),
      },
      (response) => {
        response.on('error', (error) => resolve(error.message));
        response.on('end', () =>
          resolve(response.statusCode === 200 ? undefined : `HTTP ${response.statusCode}`),
        );
        response.resume();
      },
    );
    request.setTimeout(command.requestTimeoutMs, () => {
      request.destroy(new Error(`no response within ${command.requestTimeoutMs} ms`));
    });
    request.on('error', (error) => resolve(error.message));
    request.end();
  });
}

/** One connection's loop: stops by itself at the window's end (each request has its own timeout). */
async function connectionLoop(agent: http.Agent, command: LoadCommand, window: Window): Promise<void> {
  while (performance.now() < window.end) {
    const started = performance.now();
    const failure = await requestOnce(agent, command);
    const finished = performance.now();
    window.answered += 1;
    // Only answers that arrive inside the measured window count; warm-up answers are dropped.
    if (finished >= window.start && finished < window.end) {
      if (failure === undefined) window.latenciesMs.push(finished - started);
      else {
        window.errors += 1;
        window.firstError ??= failure;
      }
    }
    // A refused connection fails at once; do not spin the CPU the servers need.
    if (failure !== undefined) await sleep(10);
  }
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function run(command: LoadCommand): Promise<LoadResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: command.connections,
    maxFreeSockets: command.connections,
  });
  const now = performance.now();
  const window: Window = {
    start: now + command.warmupMs,
    end: now + command.warmupMs + command.durationMs,
    latenciesMs: [],
    errors: 0,
    firstError: undefined,
    answered: 0,
  };
  try {
    await Promise.all(
      Array.from({ length: command.connections }, () => connectionLoop(agent, command, window)),
    );
  } finally {
    agent.destroy();
  }
  const sorted = Float64Array.from(window.latenciesMs).sort();
  return {
    type: 'result',
    requests: sorted.length,
    errors: window.errors,
    answered: window.answered,
    elapsedMs: command.durationMs,
    requestsPerSecond: sorted.length / (command.durationMs / 1000),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    firstError: window.firstError,
  };
}

function reply(message: LoadReply): void {
  process.send?.(message);
}

process.on('message', (command: LoadCommand) => {
  run(command).then(reply, (error: unknown) =>
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
