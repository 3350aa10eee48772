import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '@plinth/testing';

// The parts of a multi-node deployment, on loopback, as real processes: PgBouncer (transaction mode)
// in front of Postgres, HAProxy in front of the HTTP nodes, and Plinth nodes started the way
// `npm start` starts them. Used by the topology tests (`npm run test:topology`).

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The Debian binaries these tests drive; named with the install command when missing. */
export function requireBinary(name: 'haproxy' | 'pgbouncer'): string {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `${name} is not installed: apt-get install -y haproxy pgbouncer (the topology tests need both)`,
  );
}

/** A scratch directory the unprivileged PgBouncer user can read. */
export function scratchDir(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `plinth-${label}-`));
  chmodSync(dir, 0o755);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `check` every 100 ms until it returns a value other than undefined/false, or fails naming `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface PgBouncer {
  port: number;
  /** A URL through the pooler for a user listed in its auth file. */
  url(user: string, password: string, database: string): string;
  stop(): Promise<void>;
}

/**
 * PgBouncer (transaction mode unless `poolMode` says otherwise) in front of `server` (host:port), authenticating `users` by
 * SCRAM with the passwords given (it needs them in clear to log in to Postgres for the client).
 * Runs as `nobody`: PgBouncer refuses to run as root.
 */
export async function startPgBouncer(options: {
  serverHost: string;
  serverPort: number;
  users: Record<string, string>;
  poolSize?: number;
  /** `transaction` unless a test needs to see another mode refused. */
  poolMode?: 'session' | 'transaction' | 'statement';
  dir: string;
}): Promise<PgBouncer> {
  const binary = requireBinary('pgbouncer');
  const port = await freePort();
  const authFile = path.join(options.dir, 'userlist.txt');
  writeFileSync(
    authFile,
    Object.entries(options.users)
      .map(([user, password]) => `"${user}" "${password}"\n`)
      .join(''),
    { mode: 0o644 },
  );
  const config = path.join(options.dir, 'pgbouncer.ini');
  writeFileSync(
    config,
    [
      '[databases]',
      `* = host=${options.serverHost} port=${options.serverPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = scram-sha-256',
      `auth_file = ${authFile}`,
      `pool_mode = ${options.poolMode ?? 'transaction'}`,
      'max_client_conn = 1000',
      `default_pool_size = ${options.poolSize ?? 20}`,
      'server_reset_query =',
      'ignore_startup_parameters = extra_float_digits',
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const args = process.getuid?.() === 0 ? ['-u', 'nobody', config] : [config];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const [user, password] = Object.entries(options.users)[0]!;
  await waitFor(`PgBouncer on port ${port}`, async () => {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited ${child.exitCode}: ${stderr}`);
    const client = new pg.Client({
      connectionString: `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } finally {
      await client.end().catch(() => {});
    }
  });
  return {
    port,
    url: (name, secret, database) =>
      `postgres://${name}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${database}`,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

export interface Haproxy {
  url: string;
  /** The proxy's view of each backend server: UP, DOWN, MAINT…, with its last check's result. */
  serverStatus(backend: string, server: string): Promise<string | undefined>;
  lastCheck(backend: string, server: string): Promise<string | undefined>;
  /** One line per request (HAProxy's httplog format, with its termination state). */
  logFile: string;
  stop(): Promise<void>;
}

/**
 * HAProxy routing /api/ to the api nodes (round robin, checked on /api/health/ready every 500 ms:
 * a node that got SIGTERM answers 503 there while it drains, and leaves the rotation)
 * and everything else to the web node. A connection refused by a node that stopped or died is
 * retried on the other one (`retries` + `redispatch`); a request already sent is never retried.
 */
export async function startHaproxy(options: {
  api: { name: string; port: number }[];
  web: { name: string; port: number }[];
  dir: string;
}): Promise<Haproxy> {
  const binary = requireBinary('haproxy');
  const port = await freePort();
  const socket = path.join(options.dir, 'haproxy.sock');
  const config = path.join(options.dir, 'haproxy.cfg');
  const servers = (nodes: { name: string; port: number }[]) =>
    nodes.map((node) => `  server ${node.name} 127.0.0.1:${node.port} check`);
  writeFileSync(
    config,
    [
      'global',
      `  stats socket ${socket} mode 600 level admin`,
      '  maxconn 4000',
      // One line per request on stderr, kept in <dir>/haproxy.log: its termination state says who
      // closed a connection (client, proxy or server) when a client saw a reset.
      '  log stderr format raw local0 info',
      'defaults',
      '  mode http',
      '  log global',
      '  option httplog',
      '  timeout connect 1s',
      '  timeout client 30s',
      '  timeout server 30s',
      '  timeout http-request 10s',
      '  retries 3',
      '  option redispatch 1',
      // One request per server connection: a node that closes its idle keep-alive sockets on
      // SIGTERM can never have a request written into one of them.
      '  option http-server-close',
      '  option forwardfor',
      // A check waits as long as a request may (the health route queries the database, which is
      // busy under load); two failed checks in a row take a node out.
      '  timeout check 5s',
      '  default-server inter 500ms fall 2 rise 1',
      'frontend plinth',
      `  bind 127.0.0.1:${port}`,
      '  acl api path_beg /api/',
      '  use_backend api if api',
      '  default_backend web',
      'backend api',
      '  balance roundrobin',
      '  option httpchk',
      '  http-check send meth GET uri /api/health/ready ver HTTP/1.1 hdr Host localhost',
      ...servers(options.api),
      'backend web',
      '  balance roundrobin',
      ...servers(options.web),
      '',
    ].join('\n'),
  );
  const check = spawnSync(binary, ['-c', '-q', '-f', config], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refused its configuration: ${check.stderr}`);
  const child = spawn(binary, ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const logFile = path.join(options.dir, 'haproxy.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    log.write(chunk);
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.once('exit', () => log.end());
  const stats = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const connection = createConnection(socket);
      let text = '';
      connection.on('data', (chunk) => (text += chunk.toString()));
      connection.on('end', () => resolve(text));
      connection.on('error', reject);
      connection.write('show stat\n');
    });
  const column = async (backend: string, server: string, name: string) => {
    const rows = (await stats()).split('\n').map((line) => line.split(','));
    const header = rows[0]!.map((title) => title.replace(/^# /, ''));
    return rows.find((row) => row[0] === backend && row[1] === server)?.[header.indexOf(name)];
  };
  await waitFor(`HAProxy on port ${port}`, async () => {
    if (child.exitCode !== null) throw new Error(`haproxy exited ${child.exitCode}: ${stderr}`);
    return (await stats()).length > 0;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    serverStatus: (backend, server) => column(backend, server, 'status'),
    logFile,
    async lastCheck(backend, server) {
      return `${await column(backend, server, 'check_status')} ${await column(backend, server, 'last_chk')}`;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/**
 * How a node is started: as `npm start` does it. The built server when `apps/server/dist/main.js`
 * exists (`npm run build`), otherwise the TypeScript entry through tsx.
 */
export function nodeCommand(): { command: string; args: string[] } {
  const built = path.join(REPO_ROOT, 'apps/server/dist/main.js');
  if (existsSync(built)) return { command: process.execPath, args: [built] };
  return {
    command: process.execPath,
    args: ['--import', 'tsx', path.join(REPO_ROOT, 'apps/server/src/main.ts')],
  };
}

export type Role = 'api' | 'web' | 'worker';

/** One Plinth process of one role; restartable, with its output appended to `<dir>/<name>.log`. */
export class PlinthNode {
  #child: ChildProcess | undefined;
  #starts = 0;

  constructor(
    readonly name: string,
    readonly role: Role,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly dir: string,
  ) {}

  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Starts the process and resolves once it logged "plinth started" (it serves and works). */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const { command, args } = nodeCommand();
    this.#starts += 1;
    const log = createWriteStream(path.join(this.dir, `${this.name}.log`), { flags: 'a' });
    log.write(`--- start ${this.#starts} (${new Date().toISOString()})\n`);
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...this.env, PLINTH_ROLE: this.role, PORT: String(this.port) } as Record<
        string,
        string
      > as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    let started = false;
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log.write(text);
      tail = (tail + text).slice(-4000);
      if (!started && tail.includes('plinth started')) started = true;
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => log.end());
    await waitFor(
      `${this.name} (${this.role}) to start`,
      () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`${this.name} exited (${child.exitCode ?? child.signalCode}): ${tail}`);
        }
        return started;
      },
      90_000,
    );
  }

  /** kill -9: no drain, no cleanup, sockets reset. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
  }

  /** SIGTERM, as an orchestrator stops a node in a rolling deploy; resolves when it exited. */
  async stop(): Promise<number | null> {
    const child = this.#child;
    if (!child || !this.running) return child?.exitCode ?? null;
    child.kill('SIGTERM');
    await exited(child);
    return child.exitCode;
  }
}

/** A random secret of `bytes` bytes, hex. */
export const secret = (bytes = 24) => randomBytes(bytes).toString('hex');
