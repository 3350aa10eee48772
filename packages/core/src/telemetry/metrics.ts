import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '@plinth/db';

export interface PlinthMetricsOptions {
  /** The app pool, for its in-use and waiting connections, and for the queue/inbox/outbox gauges. */
  pool: Database['pool'];
  /** pg-boss's schema (JOBS_SCHEMA). */
  jobsSchema: string;
  /** Node runtime metrics (event-loop delay, heap, GC); on by default. */
  runtime?: boolean;
  /** Labels on every series (role, version). */
  labels?: Record<string, string>;
}

interface QueueRow {
  name: string;
  state: string;
  n: number;
  oldest: number | null;
}

const queueStates = ['created', 'retry', 'active', 'failed'] as const;

/**
 * One node's metrics in Prometheus form, on its own registry (several nodes in one test process do
 * not mix). Request metrics are recorded as requests are answered; the database, queue, inbox and
 * outbox gauges are read from Postgres when Prometheus scrapes, so they cost nothing between scrapes.
 */
export class PlinthMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<'method' | 'route' | 'status'>;
  readonly #duration: Histogram<'method' | 'route'>;
  readonly #errors: Counter<'method' | 'route' | 'code'>;
  readonly #refusals: Counter<'route'>;
  readonly #jobFailures: Counter<'queue'>;
  readonly #options: PlinthMetricsOptions;

  constructor(options: PlinthMetricsOptions) {
    this.#options = options;
    if (options.labels) this.registry.setDefaultLabels(options.labels);
    const registers = [this.registry];
    this.#requests = new Counter({
      name: 'plinth_http_requests_total',
      help: 'HTTP requests answered, by route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.#duration = new Histogram({
      name: 'plinth_http_request_duration_seconds',
      help: 'Time from the request reaching the API to its answer, by route template.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.#errors = new Counter({
      name: 'plinth_http_request_errors_total',
      help: 'HTTP requests answered with an error envelope, by route template and error code.',
      labelNames: ['method', 'route', 'code'],
      registers,
    });
    this.#refusals = new Counter({
      name: 'plinth_rate_limit_refusals_total',
      help: 'Requests refused with 429 by a rate limit, by route template.',
      labelNames: ['route'],
      registers,
    });
    this.#jobFailures = new Counter({
      name: 'plinth_job_failures_total',
      help: 'Job attempts that failed on this node, by queue.',
      labelNames: ['queue'],
      registers,
    });
    const pool = options.pool;
    new Gauge({
      name: 'plinth_db_pool_connections',
      help: 'Connections of the app pool, by state (in_use, idle).',
      labelNames: ['state'],
      registers,
      collect() {
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
      },
    });
    new Gauge({
      name: 'plinth_db_pool_waiting',
      help: 'Queries waiting for a free connection of the app pool.',
      registers,
      collect() {
        this.set(pool.waitingCount);
      },
    });
    this.#databaseGauges(registers);
    if (options.runtime ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'plinth_' });
  }

  /** Records one answered request. */
  observeRequest(request: {
    method: string;
    route: string;
    status: number;
    code?: string | undefined;
    seconds: number;
  }): void {
    const { method, route, status } = request;
    this.#requests.inc({ method, route, status: String(status) });
    this.#duration.observe({ method, route }, request.seconds);
    if (status >= 400) this.#errors.inc({ method, route, code: request.code ?? String(status) });
    if (status === 429) this.#refusals.inc({ route });
  }

  /** Records one failed job attempt. */
  observeJobFailure(queue: string): void {
    this.#jobFailures.inc({ queue });
  }

  /** The exposition text Prometheus scrapes. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  #databaseGauges(registers: Registry[]): void {
    const { pool, jobsSchema } = this.#options;
    const schema = `"${jobsSchema.replaceAll('"', '""')}"`;
    // One read per scrape, shared by the gauges that scrape asks for.
    let reading: Promise<Snapshot> | undefined;
    const snapshot = () =>
      (reading ??= readSnapshot(pool, schema).finally(() => {
        setImmediate(() => (reading = undefined));
      }));

    new Gauge({
      name: 'plinth_jobs_queued',
      help: 'Jobs by queue and state (created and retry are waiting; failed are kept until pruned).',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const row of (await snapshot()).queues) this.set({ queue: row.name, state: row.state }, row.n);
      },
    });
    new Gauge({
      name: 'plinth_jobs_oldest_waiting_seconds',
      help: 'Age of the oldest job waiting (created or retry), by queue.',
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        const oldest = new Map<string, number>();
        for (const row of (await snapshot()).queues) {
          if ((row.state === 'created' || row.state === 'retry') && row.oldest !== null) {
            oldest.set(row.name, Math.max(oldest.get(row.name) ?? 0, row.oldest));
          }
        }
        for (const [queue, seconds] of oldest) this.set({ queue }, seconds);
      },
    });
    new Gauge({
      name: 'plinth_jobs_dead_letters',
      help: 'Jobs moved to a dead-letter queue and still kept by pg-boss (any state).',
      registers,
      async collect() {
        this.set((await snapshot()).deadLetters);
      },
    });
    new Gauge({
      name: 'plinth_stripe_webhook_inbox_events',
      help: 'Stripe webhook inbox: pending and dead events, and events processed in the last hour.',
      labelNames: ['status'],
      registers,
      async collect() {
        const inbox = (await snapshot()).inbox;
        this.set({ status: 'pending' }, inbox.pending);
        this.set({ status: 'dead' }, inbox.dead);
        this.set({ status: 'processed_last_hour' }, inbox.processedLastHour);
      },
    });
    new Gauge({
      name: 'plinth_stripe_webhook_oldest_pending_seconds',
      help: 'Age of the oldest pending Stripe webhook event; 0 when none is pending.',
      registers,
      async collect() {
        this.set((await snapshot()).inbox.oldestPending);
      },
    });
    new Gauge({
      name: 'plinth_outbox_lag_seconds',
      help: 'Age of the oldest domain event not yet relayed to the job queue; 0 when none waits.',
      registers,
      async collect() {
        this.set((await snapshot()).outboxLag);
      },
    });
    new Gauge({
      name: 'plinth_outbox_pending',
      help: 'Domain events not yet relayed to the job queue.',
      registers,
      async collect() {
        this.set((await snapshot()).outboxPending);
      },
    });
  }
}

interface Snapshot {
  queues: QueueRow[];
  deadLetters: number;
  inbox: { pending: number; dead: number; processedLastHour: number; oldestPending: number };
  outboxLag: number;
  outboxPending: number;
}

/**
 * Jobs in every dead-letter queue (any queue another names as its `dead_letter`) still in pg-boss's
 * job table: `plinth_jobs_dead_letters`, and the staff page's count (`@plinth/core/system`).
 */
export const deadLetterJobsCount = (schema: string): string =>
  `select count(*)::int from ${schema}.job
    where name in (select dead_letter from ${schema}.queue where dead_letter is not null)`;

/** The gauges' one statement per scrape: queues, dead letters, the webhook inbox and the outbox. */
async function readSnapshot(pool: Database['pool'], schema: string): Promise<Snapshot> {
  const { rows } = await pool.query<{
    queues: QueueRow[] | null;
    dead: number;
    pending: number;
    inbox_dead: number;
    processed: number;
    oldest: number;
    lag: number;
    outbox_pending: number;
  }>(
    `select
       (select json_agg(q) from (
          select name, state::text as state, count(*)::int as n,
                 extract(epoch from now() - min(created_on))::float8 as oldest
            from ${schema}.job where state = any($1::${schema}.job_state[]) group by name, state) q) as queues,
       (${deadLetterJobsCount(schema)}) as dead,
       i.pending, i.dead as inbox_dead, i.processed, i.oldest,
       o.lag, o.pending as outbox_pending
       from (select count(*) filter (where status = 'pending')::int as pending,
                    count(*) filter (where status = 'dead')::int as dead,
                    count(*) filter (where status = 'processed' and received_at > now() - interval '1 hour')::int as processed,
                    coalesce(extract(epoch from now() - min(received_at) filter (where status = 'pending')), 0)::float8 as oldest
               from webhook_event
              where status in ('pending', 'dead') or received_at > now() - interval '1 hour') i,
            (select coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as lag, count(*)::int as pending
               from outbox where published_at is null) o`,
    [queueStates],
  );
  const row = rows[0]!;
  return {
    queues: row.queues ?? [],
    deadLetters: row.dead,
    inbox: {
      pending: row.pending,
      dead: row.inbox_dead,
      processedLastHour: row.processed,
      oldestPending: row.oldest,
    },
    outboxLag: row.lag,
    outboxPending: row.outbox_pending,
  };
}
