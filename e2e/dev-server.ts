import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DevServer {
  url: string;
  dataDir: string;
  /** The embedded Postgres port this run was given. */
  embeddedPgPort: number;
  output: () => string;
  /** The owner (superuser) URL of its embedded database, with the password its cluster was given. */
  ownerUrl(): string;
  /** Settles when `npm run dev` exits, with its exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /**
   * Ctrl-C, as a person would press it: SIGINT to the whole process group. Resolves true when the
   * app shut down gracefully (its "stopped" log line) and npm exited from the interrupt.
   */
  interrupt(): Promise<boolean>;
}

export interface DevServerOptions {
  dataDir?: string;
  role?: string;
  timeoutMs?: number;
  /** HTTP port; a free one by default. */
  port?: number;
  /** Embedded Postgres port; a free one by default. */
  embeddedPgPort?: number;
  /** More environment for `npm run dev` (e.g. WEBHOOK_ALLOW_PRIVATE=loopback). */
  env?: Record<string, string>;
  /**
   * Pages from the production build (DEV_SERVE_BUILD=true; the e2e global setup makes sure it is
   * current), the default; false runs `npm run dev` exactly as a person does, compiling each page on
   * demand. Under on-demand compiles the dev client reloaded pages in the middle of a test (a
   * measurement on a document without a head), so only the tests about the dev command use it.
   */
  serveBuild?: boolean;
}

export const repoRoot = path.resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface DevProcess {
  child: ChildProcess;
  dataDir: string;
  port: number;
  embeddedPgPort: number;
  output: () => string;
  exited: DevServer['exited'];
}

/**
 * Runs `npm run dev` exactly as the README says, in its own process group, with a fresh data
 * directory and free ports (unless told otherwise) so it never collides with a developer's own.
 */
async function spawnDev(options: DevServerOptions): Promise<DevProcess> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'plinth-e2e-')));
  const port = options.port ?? (await freePort());
  const embeddedPgPort = options.embeddedPgPort ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PLINTH_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(embeddedPgPort),
    PLINTH_ROLE: options.role ?? 'all',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'development',
    DEV_SERVE_BUILD: String(options.serveBuild ?? true),
    ...options.env,
  };
  delete env.DATABASE_URL; // the fresh-machine path: embedded Postgres
  delete env.HOST; // the default a person gets
  const child: ChildProcess = spawn('npm', ['run', 'dev'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, dataDir, port, embeddedPgPort, output: () => output, exited };
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const dev = await spawnDev(options);
  const { child, output } = dev;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (!output().includes('Plinth is running at')) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`npm run dev exited early:\n${output()}`);
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`npm run dev did not start in time:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `http://localhost:${dev.port}`,
    dataDir: dev.dataDir,
    embeddedPgPort: dev.embeddedPgPort,
    output,
    exited: dev.exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    ownerUrl() {
      const password = readFileSync(path.join(dev.dataDir, 'postgres.password'), 'utf8').trim();
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${dev.embeddedPgPort}/plinth`;
    },
    async interrupt() {
      process.kill(-child.pid!, 'SIGINT');
      // A bound against a hang, generous for a busy machine: Next's dev server stops its compilers first.
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 90_000);
      // npm re-raises SIGINT after its script exits, so a clean Ctrl-C ends npm by that signal.
      const { code, signal } = await dev.exited;
      clearTimeout(timer);
      const clean = (code === 0 || signal === 'SIGINT') && output().includes('"msg":"stopped"');
      if (!clean) {
        // The caller's assertion only says "false": say why, with what the process printed last.
        const tail = output().split('\n').slice(-60).join('\n');
        console.error(`npm run dev did not stop cleanly (exit code ${code}, signal ${signal}):\n${tail}`);
      }
      return clean;
    },
  };
}

/**
 * Runs `npm run dev` expecting it NOT to start: resolves with its exit code and output once it
 * exits. Fails if it prints the running banner, or is still running after `timeoutMs` (then kills it).
 */
export async function runDevExpectingRefusal(
  options: DevServerOptions & { timeoutMs?: number },
): Promise<{ code: number | null; output: string; dataDir: string }> {
  const dev = await spawnDev(options);
  const timeout = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), options.timeoutMs ?? 120_000).unref(),
  );
  const outcome = await Promise.race([dev.exited, timeout]);
  if (outcome === 'timeout') {
    process.kill(-dev.child.pid!, 'SIGKILL');
    throw new Error(`npm run dev was expected to exit, and was still running:\n${dev.output()}`);
  }
  if (dev.output().includes('Plinth is running at')) {
    throw new Error(`npm run dev was expected to refuse, and started:\n${dev.output()}`);
  }
  return { code: outcome.code, output: dev.output(), dataDir: dev.dataDir };
}
