import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { installJobs, type QueueDefinition } from '@plinth/core/jobs';
import { applyAccessRules } from '@plinth/db/admin';
import type { TestDatabase } from './test-database';

/**
 * Creates a test's own job queues the way production creates queues: as the owner, with pg-boss's
 * install, then the app role's grants on the new partitions.
 */
export async function installTestQueues(
  testDb: TestDatabase,
  queues: readonly QueueDefinition[],
): Promise<void> {
  await installJobs(testDb.ownerUrl, testDb.env.jobsSchema, queues);
  const client = new pg.Client({ connectionString: testDb.ownerUrl });
  await client.connect();
  await applyAccessRules(drizzle({ client }), [testDb.env.jobsSchema], {
    statementTimeoutMs: testDb.env.databaseTimeouts.statementMs,
  }).finally(() => client.end());
}
