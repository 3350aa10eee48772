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
    // The test kills this process as soon as its request arrives, so the attempt never runs into
    // its timeout; the timeout only sizes the claim's lock.
    timeoutMs: 3_000,
  },
  // Its claim's lock lapses 5 s after the attempt began (production's is the timeout + 15 s; the
  // survivor would wait it out in full for nothing the test asserts). The test reads the lock
  // still held within a second of the kill.
  { concurrency: 1, pollIntervalMs: 100, schedulePrune: false, leaseMarginSeconds: 2 },
);
process.stdout.write('ready\n');
