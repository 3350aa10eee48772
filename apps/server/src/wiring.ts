import { createDatabase, type Database } from '@plinth/db';
import { appDatabaseUrl, type Env } from '@plinth/core/env';
import { JobQueue, platformQueues, type QueueDefinition } from '@plinth/core/jobs';
import { createLogger, type Logger } from '@plinth/core/logger';
import { pruneOutbox } from '@plinth/core/outbox';

/**
 * The one place infrastructure is built. Core functions receive these as arguments; nothing else
 * constructs a pool, a queue or a logger. A product adds its queues to `queues` below.
 */
export const queues: readonly QueueDefinition[] = [...platformQueues];

export interface Wiring {
  env: Env;
  logger: Logger;
  database: Database;
  jobs: JobQueue;
  close(): Promise<void>;
}

export function createWiring(env: Env, ownerUrl: string, logger?: Logger): Wiring {
  const log = logger ?? createLogger({ level: env.logLevel });
  const appUrl = appDatabaseUrl(env, ownerUrl);
  const database = createDatabase(appUrl, {
    max: env.databasePoolMax,
    applicationName: `plinth-${env.role}`,
  });
  const runsWorkers = env.role === 'all' || env.role === 'worker';
  const jobs = new JobQueue({
    connectionString: appUrl,
    schema: env.jobsSchema,
    logger: log,
    queues,
    runsWorkers,
  });
  return {
    env,
    logger: log,
    database,
    jobs,
    async close() {
      await jobs.stop(env.shutdownTimeoutMs);
      await database.close();
    },
  };
}

/** Handlers and schedules of the platform's own queues; runs on worker nodes only. */
export async function registerPlatformJobs(wiring: Wiring): Promise<void> {
  const { jobs, logger, database } = wiring;
  await jobs.work('dead-letter', async (data, job) => {
    logger.error({ job, data }, 'job moved to the dead-letter queue');
  });
  await jobs.work('maintenance.outbox-prune', async () => {
    const pruned = await pruneOutbox(database);
    logger.info({ pruned }, 'pruned published outbox events');
  });
  await jobs.schedule('maintenance.outbox-prune', '17 3 * * *');
}
