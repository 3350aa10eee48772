import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import {
  describePortHolder,
  findPortHolder,
  isPortFree,
  readMigrationStatus,
  shippedMigrations,
} from '@plinth/db/admin';
import type { Env } from '@plinth/core/env';

/** A refusal to start that a person can act on: shown as its message, without a stack trace. */
export class StartupRefusal extends Error {
  override name = 'StartupRefusal';
}

/**
 * Fails at once when the HTTP port is taken, before anything touches a database: a run that cannot
 * serve must not migrate, seed or start workers first. (The listen itself can still lose a race;
 * the caller exits non-zero on that error too.) Nodes without HTTP and port 0 have nothing to check.
 */
export async function assertHttpPortFree(env: Env): Promise<void> {
  if (env.role === 'worker' || env.port === 0) return;
  if (await isPortFree(env.port, env.host)) return;
  const holder = await findPortHolder(env.port);
  throw new StartupRefusal(
    `PORT ${env.port} on ${env.host} is already in use${holder ? ` by ${describePortHolder(holder)}` : ''}: ` +
      'nothing was started. Stop that process, or set PORT to a free port.',
  );
}

/**
 * DEV_SERVE_BUILD=true serves the pages from apps/web's production build: without one, Next would
 * fail on the first page. Checked before anything touches a database, like the port.
 */
export function assertWebBuild(env: Env, webDir: string): void {
  if (!env.devServeBuild || env.role === 'api' || env.role === 'worker') return;
  if (existsSync(path.join(webDir, '.next', 'BUILD_ID'))) return;
  throw new StartupRefusal(
    `DEV_SERVE_BUILD=true serves the pages from the production build, and ${path.join(webDir, '.next')} ` +
      'has none: nothing was started. Run npm run build first, or unset DEV_SERVE_BUILD.',
  );
}

/**
 * Refuses a database migrated by a newer release than this one: its schema may have dropped or
 * changed what this code uses, and migrating it "back" is not something migrations do. Read as the
 * owner (DATABASE_URL), before anything is migrated or started.
 */
export async function assertMigrationsNotAhead(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'plinth-start-check' });
  await client.connect();
  try {
    const status = await readMigrationStatus(drizzle({ client }));
    if (status.state !== 'ahead') return;
    const newest = shippedMigrations().at(-1)?.tag ?? '(none)';
    throw new StartupRefusal(
      `DATABASE_URL: the database has ${status.unknown} migration(s) newer than this release knows ` +
        `(its newest is ${newest}): a newer release migrated it. Nothing was started or migrated. ` +
        'Deploy that release or a newer one, or restore a backup taken before the upgrade ' +
        '(docs/runbooks/restore-from-backup.md).',
    );
  } finally {
    await client.end();
  }
}

/**
 * What stands between the app role and PostgreSQL, as observed from two connections:
 * - `direct`: the server's `pg_backend_pid()` is the process id the connection was given at login
 *   (BackendKeyData). A pooler answers the login itself with a key of its own, so it never matches.
 * - `session`: a pooler, and each connection kept its server session while the other's statements
 *   ran (PgBouncer `pool_mode = session`).
 * - `transaction`: a pooler that moved a connection to another server session between transactions,
 *   or gave one connection's session to the other. `namedStatementsSurvive` says whether a named
 *   statement prepared by the first connection still ran after such a move (PgBouncer 1.21+ with
 *   `max_prepared_statements`), or failed (`26000`, older PgBouncer).
 * - `statement`: a pooler that refuses a transaction block (PgBouncer `pool_mode = statement`).
 */
export type PoolingProbe =
  { kind: 'direct' | 'session' | 'statement' } | { kind: 'transaction'; namedStatementsSurvive: boolean };

/** How many alternations of the two connections a verdict may take. */
const PROBE_ROUNDS = 12;
/** How long the first connection's statement may wait before it counts as waiting for a session. */
const PROBE_WAIT_MS = 3_000;

export async function probeConnectionPooling(url: string): Promise<PoolingProbe> {
  const connect = async () => {
    const client = new pg.Client({
      connectionString: url,
      application_name: 'plinth-start-check',
      connectionTimeoutMillis: 10_000,
    });
    await client.connect();
    return client;
  };
  const first = await connect();
  // Opened only once the first connection is known to go through a pooler.
  let second: pg.Client | undefined;
  const backendPid = async (client: pg.Client, name?: string): Promise<number> => {
    const { rows } = await client.query<{ pid: number }>({
      ...(name ? { name } : {}),
      text: 'select pg_backend_pid() as pid',
    });
    return rows[0]!.pid;
  };
  try {
    const loginPid = (first as unknown as { processID: number | null }).processID;
    // A unique name, so that probes of other nodes on the same pooler cannot collide with it.
    const name = `plinth_start_probe_${randomBytes(8).toString('hex')}`;
    let firstPid = await backendPid(first, name);
    if (loginPid === firstPid) return { kind: 'direct' };
    second = await connect();

    const block = await second.query('begin').then(
      () => undefined,
      (error: unknown) => error,
    );
    if (block) return { kind: 'statement' };
    await second.query('commit');

    // Two patterns, alternating, while the first connection runs its named statement:
    // - even rounds: the second runs one statement just before (its server session is released
    //   last, so a LIFO pooler like PgBouncer hands that session to the first next);
    // - odd rounds: the second holds a transaction around it (the session the first released last
    //   goes to the second, so the first must run elsewhere, or wait for a session).
    // Either alone can settle into a pattern where each keeps meeting the same session (LIFO
    // returns each its own again); alternating breaks it, and round robin rotates through all.
    const preparedOn = firstPid;
    let secondPid: number | undefined;
    let multiplexed = false;
    for (let round = 0; round < PROBE_ROUNDS; round++) {
      const holds = round % 2 === 1;
      if (holds) await second.query('begin');
      const held = await backendPid(second);
      if (held === preparedOn || (secondPid !== undefined && held !== secondPid)) multiplexed = true;
      secondPid = held;
      const run = backendPid(first, name).then(
        (pid) => ({ pid }),
        (error: unknown) => ({ error }),
      );
      // A direct or session-pinned connection never waits for another's transaction; one that
      // does (a pool with no idle server session left) is multiplexed. Let it run, then judge.
      let timer: NodeJS.Timeout | undefined;
      const waited = holds
        ? await Promise.race([
            run.then(() => false),
            new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), PROBE_WAIT_MS))),
          ])
        : false;
      clearTimeout(timer);
      if (holds) await second.query('commit');
      const outcome = await run;
      if ('error' in outcome) {
        // Prepared on this connection, yet "does not exist": it runs in another server session.
        if ((outcome.error as { code?: string }).code === '26000') {
          return { kind: 'transaction', namedStatementsSurvive: false };
        }
        throw outcome.error;
      }
      firstPid = outcome.pid;
      if (firstPid !== preparedOn) return { kind: 'transaction', namedStatementsSurvive: true };
      if (waited) return { kind: 'transaction', namedStatementsSurvive: false };
    }
    // Multiplexing seen, but the named statement never ran away from its session: not shown to survive.
    if (multiplexed) return { kind: 'transaction', namedStatementsSurvive: false };
    return { kind: 'session' };
  } finally {
    await Promise.all([first.end().catch(() => {}), second?.end().catch(() => {})]);
  }
}

/**
 * Refuses an app-role connection (DATABASE_APP_URL, or the one derived from DATABASE_URL) the app
 * would misuse: a pooler in session mode (every pooled connection of every node pins a server
 * connection, so nodes beyond the pooler's pool size hang waiting for one), in statement mode (the
 * app needs transactions), or in transaction mode while named statements are on and the pooler
 * lost one (`DATABASE_PREPARED_STATEMENTS`). Returns what it found, for the start log.
 */
export async function assertPoolingFits(
  env: Pick<Env, 'databasePreparedStatements' | 'databaseAppUrl'>,
  appUrl: string,
): Promise<PoolingProbe> {
  const probe = await probeConnectionPooling(appUrl);
  const variable = env.databaseAppUrl ? 'DATABASE_APP_URL' : 'DATABASE_URL';
  if (probe.kind === 'session') {
    throw new StartupRefusal(
      `${variable}: the app role's connections go through a connection pooler in session mode ` +
        '(each kept its own server session while another connection ran statements). Every ' +
        'pooled connection of every node would hold a server connection, so nodes past the ' +
        "pooler's pool size wait for one. Nothing was started. Set the pooler to transaction mode " +
        '(PgBouncer: pool_mode = transaction) and DATABASE_PREPARED_STATEMENTS=false, or connect ' +
        'straight to PostgreSQL.',
    );
  }
  if (probe.kind === 'statement') {
    throw new StartupRefusal(
      `${variable}: the app role's connections go through a connection pooler in statement mode, ` +
        'which refuses transactions; Plinth needs them. Nothing was started. Set the pooler to ' +
        'transaction mode (PgBouncer: pool_mode = transaction) and DATABASE_PREPARED_STATEMENTS=false.',
    );
  }
  if (probe.kind === 'transaction' && !probe.namedStatementsSurvive && env.databasePreparedStatements) {
    throw new StartupRefusal(
      `DATABASE_PREPARED_STATEMENTS: ${variable} goes through a connection pooler in transaction ` +
        'mode that does not keep named statements (one prepared on a connection was missing after ' +
        "the pooler moved it to another server session: 'prepared statement … does not exist'). " +
        'Nothing was started. Set DATABASE_PREPARED_STATEMENTS=false (or, with PgBouncer 1.21+, ' +
        'max_prepared_statements).',
    );
  }
  return probe;
}
