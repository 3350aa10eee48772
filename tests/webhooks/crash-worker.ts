// A webhook worker in a process of its own, for the crash test to kill with SIGKILL mid-delivery.
// Reads its database from the environment the test gives it; prints "ready" once it polls.
import { createSecretBox } from '@plinth/core/secrets';
import { createLogger } from '@plinth/core/logger';
import { JobQueue } from '@plinth/core/jobs';
import { registerWebhookJobs } from '@plinth/core/webhooks';
import { createDatabase } from '@plinth/db';
import { testQueues } from './setup';

const appUrl = process.env.CRASH_WORKER_DATABASE_URL!;
const schema = process.env.CRASH_WORKER_JOBS_SCHEMA!;
const logger = createLogger({ level: 'silent' });
const queues = testQueues();
const jobs = new JobQueue({
  connectionString: appUrl,
  schema,
  logger,
  queues,
  runsWorkers: false,
  pollingIntervalSeconds: 0.5,
});
await jobs.start();
await registerWebhookJobs(
  {
    database: createDatabase(appUrl, { max: 4 }),
    jobs,
    logger,
    appUrl: 'http://localhost:3000',
    secrets: createSecretBox(Buffer.alloc(32, 9).toString('base64')),
    egress: { requireHttps: false, allowPrivate: 'loopback' },
    timeoutMs: 5_000,
  },
  // Its claim's lock lapses 10 s after the attempt began (production's margin is 15 s; the
  // survivor would wait it out in full for nothing the test asserts).
  { concurrency: 1, pollIntervalMs: 100, schedulePrune: false, leaseMarginSeconds: 5 },
);
process.stdout.write('ready\n');
