import { drizzle } from 'drizzle-orm/node-postgres';
import { z } from 'zod';
import { withClientTransaction } from '@plinth/db';
import type { Actor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { stripeEventQueue } from '../billing-events/index';
import { AppError } from '../errors/index';
import { JOB_CONTEXT_KEY, type JobQueue } from '../jobs/index';
import type { Logger } from '../logger/index';
import { quoteIdent, type SystemDeps } from './overview';

/** A job whose last attempt failed, as the staff page lists it: never its data (it may hold tokens). */
export interface FailedJob {
  id: string;
  queue: string;
  /** Attempts made (the first one plus its retries). */
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
  /** The error of the last attempt, cut to 500 characters; the stack is in the logs. */
  error: string | null;
  /** The queue a copy was moved to when its retries were spent, if any. */
  deadLetter: string | null;
  /** The workspace of the request that caused it, when the job carried one. */
  workspaceId: string | null;
  /** Still in pg-boss's job table, or already moved to its archive (kept 7 days). */
  archived: boolean;
  /** The job a replay enqueued, and its state now; null when it was never replayed. */
  replay: { id: string; state: string } | null;
  /** Where this job is replayed instead of here (its queue has its own replay), if anywhere. */
  replayElsewhere: string | null;
}

/**
 * Queues whose failed jobs are replayed by their own tool: a failed Stripe event job leaves its inbox
 * row `dead`, and a job re-run on a dead row does nothing by design; the inbox replay resets the row.
 */
const replayedElsewhere: Record<string, string> = {
  [stripeEventQueue.name]: '/admin/billing-events',
};

/**
 * The id a replay of `job` gets: derived from the failed job's id, so a second replay of the same job
 * names the same job and pg-boss inserts it once. One SQL expression, used by the list and the replay.
 */
const replayIdOf = (idColumn: string) => `md5('plinth.job-replay:' || ${idColumn}::text)::uuid`;

const MAX_ERROR_LENGTH = 500;

interface FailedJobRow {
  id: string;
  name: string;
  retry_count: number;
  created_on: Date;
  completed_on: Date | null;
  error: string | null;
  dead_letter: string | null;
  workspace_id: string | null;
  archived: boolean;
  replay_id: string | null;
  replay_state: string | null;
}

export const listFailedJobsInput = z.strictObject({
  queue: z
    .string()
    .max(100)
    .regex(/^[a-z][a-z0-9._-]*$/, 'Not a queue name.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListFailedJobsInput = z.input<typeof listFailedJobsInput>;

/**
 * Failed jobs of every queue (or one), newest failure first: those still in pg-boss's job table and
 * those it has archived (it keeps archived jobs 7 days). Staff-only: the caller checks the role.
 */
export async function listFailedJobs(
  deps: SystemDeps,
  input: ListFailedJobsInput = {},
): Promise<FailedJob[]> {
  const parsed = listFailedJobsInput.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const { queue, limit } = parsed.data;
  const schema = quoteIdent(deps.jobsSchema);
  const columns = (archived: boolean) =>
    `id, name, retry_count, created_on, completed_on, dead_letter, ${archived} as archived,
     left(coalesce(output->>'message', output->'value'->>'message', output::text), ${MAX_ERROR_LENGTH}) as error,
     data->'${JOB_CONTEXT_KEY}'->>'workspace_id' as workspace_id`;
  // The archive holds a week of every finished job and has one index, on archived_on: pg-boss
  // archives in completion order, so its newest archived failures are its newest failures, found by
  // walking that index back instead of sorting the whole table (bench/system.ts).
  const { rows } = await deps.database.pool.query<FailedJobRow>(
    `with failed as (
       (select ${columns(false)} from ${schema}.job
         where state = 'failed' and ($1::text is null or name = $1)
         order by completed_on desc nulls last limit $2)
       union all
       (select ${columns(true)} from ${schema}.archive
         where state = 'failed' and ($1::text is null or name = $1)
         order by archived_on desc limit $2)
     ), newest as (
       select * from failed order by completed_on desc nulls last, id limit $2
     )
     select n.*, r.id as replay_id, r.state::text as replay_state
       from newest n
       left join lateral (
         select id, state from ${schema}.job where name = n.name and id = ${replayIdOf('n.id')}
         union all
         select id, state from ${schema}.archive where name = n.name and id = ${replayIdOf('n.id')}
         limit 1
       ) r on true
      order by n.completed_on desc nulls last, n.id`,
    [queue ?? null, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    queue: row.name,
    attempts: row.retry_count + 1,
    createdAt: row.created_on,
    failedAt: row.completed_on,
    error: row.error,
    deadLetter: row.dead_letter,
    workspaceId: row.workspace_id,
    archived: row.archived,
    replay: row.replay_id && row.replay_state ? { id: row.replay_id, state: row.replay_state } : null,
    replayElsewhere: replayedElsewhere[row.name] ?? null,
  }));
}

export const replayJobInput = z.strictObject({
  queue: z
    .string()
    .max(100)
    .regex(/^[a-z_][a-z0-9._-]*$/, 'Not a queue name.'),
  jobId: z.uuid('Not a job id.'),
});
export type ReplayJobInput = z.input<typeof replayJobInput>;

export interface ReplayDeps extends SystemDeps {
  jobs: JobQueue;
  logger?: Logger;
}

/**
 * Enqueues a failed job's data again on its own queue, as a new job, with one audit row naming the
 * staff member — once: the new job's id is derived from the failed one's, the check and the send
 * run under a lock on that id, and pg-boss inserts a given id once. A second replay of the same job
 * (a double click, two staff members) is a `conflict` naming the first replay's job.
 */
export async function replayFailedJob(
  deps: ReplayDeps,
  actor: Actor,
  input: ReplayJobInput,
  origin: AuditOrigin = {},
): Promise<{ queue: string; jobId: string; replayJobId: string }> {
  const parsed = replayJobInput.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const { queue, jobId } = parsed.data;
  const elsewhere = replayedElsewhere[queue];
  if (elsewhere) {
    throw new AppError(
      'conflict',
      `Jobs of ${queue} are replayed from ${elsewhere}, which also resets their row.`,
    );
  }
  if (!deps.jobs.hasQueue(queue)) {
    throw new AppError(
      'conflict',
      `This server does not declare the queue ${queue}: nothing would run the job.`,
    );
  }
  const schema = quoteIdent(deps.jobsSchema);
  const result = await withClientTransaction(deps.database, async (client) => {
    // Two replays of one job at once: the second waits here, then finds the first one's job.
    await client.query(`select pg_advisory_xact_lock(hashtextextended('plinth.job-replay:' || $1, 0))`, [
      jobId,
    ]);
    const {
      rows: [job],
    } = await client.query<{ state: string; data: unknown; replay_id: string }>(
      `select state::text as state, data, ${replayIdOf('id')} as replay_id from (
         select id, state, data from ${schema}.job where name = $1 and id = $2
         union all
         select id, state, data from ${schema}.archive where name = $1 and id = $2
       ) j limit 1`,
      [queue, jobId],
    );
    if (!job)
      throw new AppError('not_found', 'No such job in that queue (pg-boss keeps failed jobs 7 days).');
    if (job.state !== 'failed') {
      throw new AppError('conflict', `Only failed jobs are replayed; this one is ${job.state}.`);
    }
    const { rows: earlier } = await client.query<{ id: string }>(
      `select id from ${schema}.job where name = $1 and id = $2
       union all select id from ${schema}.archive where name = $1 and id = $2`,
      [queue, job.replay_id],
    );
    // The data as it was, with the context of the request that first caused it (its trace and workspace).
    const data = (typeof job.data === 'object' && job.data !== null ? job.data : {}) as object;
    const sent =
      earlier.length === 0
        ? await deps.jobs.send(queue, data, { id: job.replay_id, executor: client, context: null })
        : null;
    if (!sent) {
      throw new AppError('conflict', `This job was replayed already, as job ${job.replay_id}.`);
    }
    await audit(
      drizzle({ client }),
      actor,
      {
        action: 'admin.job_replayed',
        workspaceId: null,
        target: { type: 'job', id: jobId },
        metadata: { queue, replay_job_id: sent },
      },
      origin,
    );
    return { queue, jobId, replayJobId: sent };
  });
  // Committed: this process's workers of the queue take the replay now rather than at their next poll.
  deps.jobs.wake(queue);
  deps.logger?.info(
    { queue, job_id: jobId, replay_job_id: result.replayJobId },
    'failed job replayed by staff',
  );
  return result;
}
