import path from 'node:path';
import {
  EmbeddedPostgresError,
  ensureDatabaseExists,
  startEmbeddedPostgres,
  withDatabaseName,
} from '@plinth/db/admin';
import type { Env } from '@plinth/core/env';
import type { Logger } from '@plinth/core/logger';
import { StartupRefusal } from './startup-checks';

export const EMBEDDED_DATABASE_NAME = 'plinth';

export interface OwnerDatabase {
  ownerUrl: string;
  embedded: boolean;
  /** The embedded cluster's port and superuser password file (mode 0600), when embedded. */
  port?: number;
  passwordFile?: string;
  stop(): Promise<void>;
}

export interface OpenOwnerDatabaseOptions {
  /** What runs it (`npm run dev`), for the message a second run gets. */
  purpose?: string;
  /**
   * When another live process runs the embedded cluster of this data directory: `refuse` (the
   * default: a second dev server) or `attach` (a one-off command such as `npm run seed`, which uses
   * that server and leaves it running).
   */
  whenInUse?: 'refuse' | 'attach';
  /** Called after an unexpected exit of the embedded server has been logged at error. */
  onUnexpectedExit?: () => void;
}

/**
 * DATABASE_URL when set; otherwise the embedded Postgres under PLINTH_DATA_DIR, started (or
 * restarted on its existing data) with a `plinth` database in it, once it has proved it is this
 * data directory's own server. loadEnv() has already refused the embedded path in production.
 */
export async function openOwnerDatabase(
  env: Env,
  logger: Logger,
  options: OpenOwnerDatabaseOptions = {},
): Promise<OwnerDatabase> {
  if (env.databaseUrl) {
    return { ownerUrl: env.databaseUrl, embedded: false, stop: async () => {} };
  }
  const dataDir = path.resolve(env.dataDir, 'postgres');
  logger.info({ dataDir, port: env.embeddedPgPort }, 'starting embedded Postgres');
  const cluster = await startEmbeddedPostgres({
    dataDir,
    port: env.embeddedPgPort,
    purpose: options.purpose ?? 'Plinth',
    whenInUse: options.whenInUse ?? 'refuse',
    onLog: (message) => logger.debug({ postgres: message }),
    onUnexpectedExit: (exit) => {
      logger.error(
        { dataDir, code: exit.code, signal: exit.signal, postgres: exit.output },
        'the embedded Postgres exited unexpectedly',
      );
      options.onUnexpectedExit?.();
    },
  }).catch((error: unknown) => {
    throw error instanceof EmbeddedPostgresError ? new StartupRefusal(withHint(error)) : error;
  });
  if (!cluster.owned) {
    logger.info(
      { dataDir, port: cluster.port },
      'using the embedded Postgres another process runs on this data',
    );
  } else if (cluster.created) {
    logger.info(
      { dataDir, port: cluster.port, passwordFile: cluster.passwordFile },
      'created a new embedded Postgres cluster (initdb) with its own superuser password',
    );
  } else {
    logger.info({ dataDir, port: cluster.port }, 'reusing the embedded Postgres cluster');
  }
  try {
    await ensureDatabaseExists(cluster.url, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return {
    ownerUrl: withDatabaseName(cluster.url, EMBEDDED_DATABASE_NAME),
    embedded: true,
    port: cluster.port,
    passwordFile: cluster.passwordFile,
    stop: () => cluster.stop(),
  };
}

/** What the person can do about each refusal, in the variables they set. */
function withHint(error: EmbeddedPostgresError): string {
  switch (error.reason) {
    case 'in_use':
      return (
        `${error.message}\n` +
        'Stop the other one first (Ctrl-C in its terminal), or give this run its own data with PLINTH_DATA_DIR=<dir>.'
      );
    case 'port_in_use':
      return `${error.message}\nStop that process, or set EMBEDDED_PG_PORT to a free port (EMBEDDED_PG_PORT=0 picks one).`;
    case 'not_ours':
      return `${error.message}\nSet EMBEDDED_PG_PORT to a free port (EMBEDDED_PG_PORT=0 picks one), or DATABASE_URL.`;
  }
}
