import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Fails with the command to run when `npm run build` has not produced what production starts. */
export function assertBuilt(root = repoRoot): void {
  for (const file of ['apps/server/dist/main.js', 'apps/web/.next/BUILD_ID']) {
    if (!existsSync(path.join(root, file))) {
      throw new Error(`${file} is missing: run \`npm run build\` before \`npm run test:build\``);
    }
  }
}

export interface BuiltServer {
  url: string;
  /** The process the command started (node itself, or npm when started through `npm start`). */
  pid: number;
  output(): string;
  /** Settles when the process has exited and every process sharing its output closed it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` to the process group; resolves with how it exited. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the production server as an operator does, in its own process group, with only the
 * environment given here (nothing inherited but PATH and HOME: no NODE_OPTIONS, no loader hooks).
 * Resolves once it logged "plinth started".
 */
export async function startBuiltServer(options: {
  env: Record<string, string>;
  /** `node` on the bundle (the default) or `npm start`. */
  command?: 'node' | 'npm start';
  cwd?: string;
  timeoutMs?: number;
}): Promise<BuiltServer> {
  const cwd = options.cwd ?? repoRoot;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    ...options.env,
  };
  const [file, args] =
    options.command === 'npm start'
      ? ['npm', ['start']]
      : [process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js']];
  const child: ChildProcess = spawn(file, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close', not 'exit': under `npm start` npm may exit before the server it started has finished.
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!output.includes('"msg":"plinth started"')) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the production server exited before it started:\n${output}`);
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`the production server did not start in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${options.env.PORT}`,
    pid: child.pid!,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** The command lines of a process and all its descendants, from /proc (Linux). */
export function processTree(pid: number): string[][] {
  const lines: string[][] = [];
  const visit = (id: number) => {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${id}/cmdline`, 'utf8');
    } catch {
      return; // exited meanwhile
    }
    lines.push(cmdline.split('\0').filter(Boolean));
    for (const task of readdirSync(`/proc/${id}/task`)) {
      const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) visit(Number(child));
    }
  };
  visit(pid);
  return lines;
}

/** The environment a process was started with, from /proc (Linux). */
export function processEnv(pid: number): Record<string, string> {
  return Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}
