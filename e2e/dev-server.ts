import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DevServer {
  url: string;
  dataDir: string;
  output: () => string;
  /**
   * Ctrl-C, as a person would press it: SIGINT to the whole process group. Resolves true when the
   * app shut down gracefully (its "stopped" log line) and npm exited from the interrupt.
   */
  interrupt(): Promise<boolean>;
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

/**
 * Runs `npm run dev` exactly as the README says, in its own process group, with a fresh data
 * directory and free ports so it never collides with a developer's own `npm run dev`.
 */
export async function startDevServer(
  options: { dataDir?: string; role?: string; timeoutMs?: number } = {},
): Promise<DevServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'plinth-e2e-')));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PLINTH_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    PLINTH_ROLE: options.role ?? 'all',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'development',
  };
  delete env.DATABASE_URL; // the fresh-machine path: embedded Postgres
  const child: ChildProcess = spawn('npm', ['run', 'dev'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // npm re-raises SIGINT after its script exits, so a clean Ctrl-C ends npm by that signal.
  const exited = new Promise<boolean>((resolve) =>
    child.once('exit', (code, signal) => resolve(code === 0 || signal === 'SIGINT')),
  );

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (!output.includes('Plinth is running at')) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited early:\n${output}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`npm run dev did not start in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `http://localhost:${port}`,
    dataDir,
    output: () => output,
    async interrupt() {
      process.kill(-child.pid!, 'SIGINT');
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
      const cleanExit = await exited;
      clearTimeout(timer);
      return cleanExit && output.includes('"msg":"stopped"');
    },
  };
}
