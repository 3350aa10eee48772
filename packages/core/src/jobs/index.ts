// Jobs: background work on pg-boss in our Postgres — declared queues with retry and backoff,
// dead letters, cluster-wide cron schedules, and sends that join the caller's transaction.
export {
  JOB_CONTEXT_KEY,
  JobQueue,
  type JobContext,
  type JobHandler,
  type JobQueueOptions,
  type SqlExecutor,
} from './job-queue';
export { defineQueue, platformQueues, DEAD_LETTER_QUEUE, type QueueDefinition } from './queues';
export { installJobs } from './install-jobs';
