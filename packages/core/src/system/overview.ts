import type { Database } from '@plinth/db';
import { deadLetterJobsCount } from '../telemetry/index';

/** One pg-boss queue as the staff page shows it. */
export interface QueueState {
  name: string;
  /** Jobs waiting to run for the first time, waiting for a retry, and running now. */
  created: number;
  retry: number;
  active: number;
  /**
   * Jobs whose last attempt failed, still in pg-boss's job table (it archives them, with completed
   * ones, about 12 hours after they finish; the failed-jobs list reads the archive too).
   */
  failed: number;
  /** Age in seconds of the oldest waiting job (created or retry, since it was created); null when none. */
  oldestWaitingSeconds: number | null;
  /** Where this queue's jobs go once their retries are spent; null for a dead-letter queue itself. */
  deadLetter: string | null;
  /** Some other queue names this one as its dead-letter queue. */
  isDeadLetterQueue: boolean;
}

export interface SystemOverview {
  queues: QueueState[];
  /** Jobs in dead-letter queues still in pg-boss's job table (any state), as plinth_jobs_dead_letters. */
  deadLetters: number;
  /**
   * The Stripe webhook inbox (webhook_event): pending and dead events (all of them), processed and
   * ignored ones received in the last 24 hours (the table is never pruned; the window keeps the read
   * on its status index), and the age of the oldest pending event.
   */
  inbox: {
    pending: number;
    processed: number;
    dead: number;
    ignored: number;
    oldestPendingSeconds: number | null;
  };
  /** Domain events not yet relayed to the job queue, and the age of the oldest. */
  outbox: { pending: number; oldestSeconds: number | null };
  /** The database's clock when this was read. */
  readAt: Date;
}

export interface SystemDeps {
  database: Database;
  /** pg-boss's schema (JOBS_SCHEMA). */
  jobsSchema: string;
}

/** An identifier for SQL text: JOBS_SCHEMA comes from configuration, never from a request. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

interface QueueRow {
  name: string;
  dead_letter: string | null;
  is_dead_letter_queue: boolean;
  created: number;
  retry: number;
  active: number;
  failed: number;
  oldest: number | null;
}

/**
 * What /admin/system shows at the top: every declared queue with its depth by state, the webhook
 * inbox and the outbox lag — the same numbers as the Prometheus gauges, read in one round of
 * queries. Staff-only: the caller checks the role; this reads across every workspace.
 */
export async function readSystemOverview(deps: SystemDeps): Promise<SystemOverview> {
  const schema = quoteIdent(deps.jobsSchema);
  const pool = deps.database.pool;
  const [queues, dead, inbox, outbox, clock] = await Promise.all([
    pool.query<QueueRow>(
      `select q.name, q.dead_letter,
              exists (select 1 from ${schema}.queue o where o.dead_letter = q.name) as is_dead_letter_queue,
              count(j.id) filter (where j.state = 'created')::int as created,
              count(j.id) filter (where j.state = 'retry')::int as retry,
              count(j.id) filter (where j.state = 'active')::int as active,
              count(j.id) filter (where j.state = 'failed')::int as failed,
              extract(epoch from now() - min(j.created_on) filter (where j.state in ('created', 'retry')))::float8 as oldest
         from ${schema}.queue q
         left join ${schema}.job j on j.name = q.name and j.state in ('created', 'retry', 'active', 'failed')
        where q.name not like '\\_\\_pgboss\\_\\_%'
        group by q.name, q.dead_letter
        order by q.name`,
    ),
    pool.query<{ n: number }>(`select (${deadLetterJobsCount(schema)}) as n`),
    pool.query<{
      pending: number;
      processed: number;
      dead: number;
      ignored: number;
      oldest: number | null;
    }>(
      `select count(*) filter (where status = 'pending')::int as pending,
              count(*) filter (where status = 'processed')::int as processed,
              count(*) filter (where status = 'dead')::int as dead,
              count(*) filter (where status = 'ignored')::int as ignored,
              extract(epoch from now() - min(received_at) filter (where status = 'pending'))::float8 as oldest
         from webhook_event
        where status in ('pending', 'dead') or received_at > now() - interval '24 hours'`,
    ),
    pool.query<{ pending: number; oldest: number | null }>(
      `select count(*)::int as pending, extract(epoch from now() - min(created_at))::float8 as oldest
         from outbox where published_at is null`,
    ),
    pool.query<{ now: Date }>('select now() as now'),
  ]);
  const box = inbox.rows[0]!;
  return {
    queues: queues.rows.map((row) => ({
      name: row.name,
      created: row.created,
      retry: row.retry,
      active: row.active,
      failed: row.failed,
      oldestWaitingSeconds: row.oldest === null ? null : Math.max(0, row.oldest),
      deadLetter: row.dead_letter,
      isDeadLetterQueue: row.is_dead_letter_queue,
    })),
    deadLetters: dead.rows[0]!.n,
    inbox: {
      pending: box.pending,
      processed: box.processed,
      dead: box.dead,
      ignored: box.ignored,
      oldestPendingSeconds: box.oldest === null ? null : Math.max(0, box.oldest),
    },
    outbox: {
      pending: outbox.rows[0]!.pending,
      oldestSeconds: outbox.rows[0]!.oldest === null ? null : Math.max(0, outbox.rows[0]!.oldest),
    },
    readAt: clock.rows[0]!.now,
  };
}
