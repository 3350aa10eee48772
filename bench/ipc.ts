import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The messages between the bench scripts (bench/health.ts, bench/auth.ts, bench/api.ts, bench/webhooks.ts) and their
// child processes, and one small typed handle on a child: every wait has a deadline, and closing ends
// with SIGKILL if a child will not leave.

/** `raw-api`, `raw-api-one`: bench/api.ts's baselines (bench/raw-api.ts): same statements, one round trip. */
export type TargetName = 'raw' | 'plinth' | 'raw-api' | 'raw-api-one';

export type TargetCommand =
  | { type: 'start'; target: TargetName; ownerUrl: string; envSource: Record<string, string | undefined> }
  /** The target process's CPU time so far (process.cpuUsage()), to charge a round its CPU. */
  | { type: 'cpu' }
  /**
   * V8's sampling profiler in the target process (node:inspector): `start` begins a profile, `stop`
   * ends it and writes it as a .cpuprofile (Chrome DevTools' format) to `file`. Answered by
   * ProfileReply. bench/pages.ts --cpu-prof profiles each page's measured rounds this way.
   */
  | { type: 'profile'; action: 'start' }
  | { type: 'profile'; action: 'stop'; file: string }
  | { type: 'stop' };

export type TargetReply = { type: 'listening'; port: number } | ChildFailure;

/** The answer to `{ type: 'cpu' }` (bench/api.ts forks its targets with TargetReply | CpuReply). */
export interface CpuReply {
  type: 'cpu';
  userMicros: number;
  systemMicros: number;
  /** The process's resident memory now (process.memoryUsage.rss()), in bytes. */
  rssBytes?: number;
}

/** The answer to `{ type: 'profile' }`: the profiler started, or the profile written to `file`. */
export interface ProfileReply {
  type: 'profile';
  file?: string;
}

export interface LoadCommand {
  type: 'run';
  port: number;
  path: string;
  /** Extra request headers (e.g. a session Cookie), sent on every request of the run. */
  headers?: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
  requestTimeoutMs: number;
}

export interface LoadResult {
  type: 'result';
  /** Responses with status 200 completed in the measured window (warm-up excluded). */
  requests: number;
  /** Non-200 responses, socket errors and timeouts. */
  errors: number;
  /** Every answer of the run, warm-up included: what a target's CPU time over the run is divided by. */
  answered?: number;
  elapsedMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  firstError: string | undefined;
}

export type LoadReply = LoadResult | ChildFailure;

export interface ChildFailure {
  type: 'failed';
  message: string;
}

export class ChildHandle<Command, Reply extends { type: string }> {
  readonly #child: ChildProcess;
  readonly #label: string;
  #exited = false;
  readonly #exit: Promise<void>;

  private constructor(child: ChildProcess, label: string) {
    this.#child = child;
    this.#label = label;
    this.#exit = new Promise((resolve) => {
      child.once('exit', () => {
        this.#exited = true;
        resolve();
      });
    });
  }

  /**
   * Forks a bench script; under tsx the child inherits the loader through process.execArgv. `env`
   * replaces the child's environment (the parent's by default).
   */
  static fork<C, R extends { type: string }>(
    script: URL,
    label: string,
    env?: NodeJS.ProcessEnv,
  ): ChildHandle<C, R> {
    const child = fork(fileURLToPath(script), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      ...(env ? { env } : {}),
    });
    return new ChildHandle<C, R>(child, label);
  }

  /** Sends a command and resolves with the child's next message, or rejects by the deadline. */
  request(command: Command, timeoutMs: number): Promise<Exclude<Reply, ChildFailure>> {
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        this.#child.off('message', onMessage);
        this.#child.off('exit', onExit);
      };
      const onMessage = (message: unknown) => {
        cleanup();
        const reply = message as Reply | ChildFailure;
        if (reply.type === 'failed') {
          reject(new Error(`${this.#label}: ${(reply as ChildFailure).message}`));
        } else {
          resolve(reply as Exclude<Reply, ChildFailure>);
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        reject(new Error(`${this.#label} exited (${signal ?? `code ${code}`}) before answering`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.#label} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#child.on('message', onMessage);
      this.#child.once('exit', onExit);
      this.#child.send(command as object);
    });
  }

  /** Asks politely (command, or closing the IPC channel), then kills after the grace period. */
  async close(command: Command | undefined, graceMs: number): Promise<void> {
    if (this.#exited) return;
    if (command && this.#child.connected) this.#child.send(command as object);
    else if (this.#child.connected) this.#child.disconnect();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), graceMs);
    });
    const tooSlow = await Promise.race([this.#exit.then(() => false), timedOut]);
    clearTimeout(timer);
    if (tooSlow) {
      process.stderr.write(`${this.#label} did not exit within ${graceMs} ms; killing it\n`);
      this.#child.kill('SIGKILL');
      await this.#exit;
    }
  }
}
