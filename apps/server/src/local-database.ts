import path from 'node:path';
import { ensureDatabaseExists, startEmbeddedPostgres, withDatabaseName } from '@plinth/db/admin';
import type { Env } from '@plinth/core/env';
import type { Logger } from '@plinth/core/logger';

export const EMBEDDED_DATABASE_NAME = 'plinth';

export interface OwnerDatabase {
  ownerUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded Postgres under PLINTH_DATA_DIR, started (or
 * restarted on its existing data) with a `plinth` database in it. loadEnv() has already refused
 * the embedded path in production.
 */
export async function openOwnerDatabase(env: Env, logger: Logger): Promise<OwnerDatabase> {
  if (env.databaseUrl) {
    return { ownerUrl: env.databaseUrl, embedded: false, stop: async () => {} };
  }
  const dataDir = path.resolve(env.dataDir, 'postgres');
  logger.info({ dataDir, port: env.embeddedPgPort }, 'starting embedded Postgres');
  const cluster = await startEmbeddedPostgres({
    dataDir,
    port: env.embeddedPgPort,
    onLog: (message) => logger.debug({ postgres: message }),
  });
  await ensureDatabaseExists(cluster.url, EMBEDDED_DATABASE_NAME);
  return {
    ownerUrl: withDatabaseName(cluster.url, EMBEDDED_DATABASE_NAME),
    embedded: true,
    stop: () => cluster.stop(),
  };
}
