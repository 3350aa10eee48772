import PgBoss from 'pg-boss';
import type { QueueDefinition } from './queues';

/**
 * Installs or upgrades pg-boss's schema and creates or updates every declared queue. Runs as the
 * owner role from the migrate command; the app role only uses what exists.
 */
export async function installJobs(
  ownerUrl: string,
  schema: string,
  queues: readonly QueueDefinition[],
): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema,
    max: 1,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => {});
  await boss.start();
  try {
    // pg-boss's own cron relay queue; the clock creates it on first start if missing, which the
    // app role could not do.
    await boss.createQueue('__pgboss__send-it');
    const ordered = [...queues].sort((a, b) => Number(Boolean(a.deadLetter)) - Number(Boolean(b.deadLetter)));
    for (const queue of ordered) {
      const options = {
        name: queue.name,
        retryLimit: queue.retryLimit,
        retryDelay: queue.retryDelaySeconds,
        retryBackoff: queue.retryBackoff,
        expireInSeconds: queue.expireInSeconds,
        ...(queue.deadLetter ? { deadLetter: queue.deadLetter } : {}),
      };
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, options);
      else await boss.createQueue(queue.name, options);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
