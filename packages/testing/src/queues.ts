import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { installJobs, type QueueDefinition } from '@plinth/core/jobs';
import { mailQueue } from '@plinth/core/mail';
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

/**
 * Waits until no `mail.send` job is queued, retrying or running: every mail queued so far has been
 * delivered (or given up), so a count of captured mail taken now is final — a duplicate still in the
 * queue would otherwise go uncounted. A worker must be running.
 */
export async function drainMailQueue(testDb: TestDatabase, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await testDb.owner.pool.query<{ n: number }>(
      `select count(*)::int as n from ${testDb.env.jobsSchema}.job
       where name = $1 and state in ('created', 'retry', 'active')`,
      [mailQueue.name],
    );
    if (rows[0]!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`the mail queue did not drain within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
