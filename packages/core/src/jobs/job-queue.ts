import type pg from 'pg';
import PgBoss from 'pg-boss';
import {
  carriedContext,
  jobLogContext,
  runWithLogContext,
  type CarriedContext,
  type Logger,
} from '../logger/index';
import {
  activeTracer,
  remoteParent,
  setActiveSpan,
  SpanKind,
  SpanStatusCode,
  type ErrorReporter,
  type Span,
} from '../telemetry/index';
import type { QueueDefinition } from './queues';

export interface SqlExecutor {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface JobContext {
  id: string;
  name: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

/**
 * The key under which a job's data carries the context of the request (or job) that sent it; the
 * worker takes it out before the handler sees the data and runs the handler in that trace.
 */
export const JOB_CONTEXT_KEY = '_plinth_context';

export type JobHandler<T = unknown> = (data: T, job: JobContext) => Promise<void>;

/**
 * The job workers running in this process, by database, jobs schema and queue: a send wakes the
 * ones of its queue at once instead of leaving the job to their next poll. Shared by every JobQueue
 * of the process, so that a node sending and a node working in one process (`PLINTH_ROLE=all`
 * splits nothing, but the tests start an api and a worker node side by side) meet. A wake is only a
 * hint: a worker woken for nothing fetches nothing and sleeps again, and a worker in another
 * process still finds the job on its next poll.
 */
const localWorkers = new Map<string, Set<() => void>>();

/** One key per database (host, port, name) and jobs schema, whatever the role or password in the URL. */
function scopeOf(connectionString: string, schema: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port}${url.pathname}|${schema}`;
  } catch {
    return `${connectionString}|${schema}`;
  }
}

export interface JobQueueOptions {
  connectionString: string;
  schema: string;
  logger: Logger;
  queues: readonly QueueDefinition[];
  /**
   * Worker nodes run pg-boss maintenance and the cron clock; others only send. Every worker may run
   * the clock: pg-boss takes a database lock per minute, so a schedule fires once per cluster.
   */
  runsWorkers: boolean;
  poolMax?: number;
  /** Bounds on pg-boss's own pool, as on the query pool (createDatabase): waiting to connect, and for an answer. */
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
  pollingIntervalSeconds?: number;
  /** Seconds between cron checks and schedule relays (pg-boss defaults: 30 and 5); tests shorten them. */
  clockIntervalSeconds?: number;
  /** Seconds between pg-boss maintenance runs (expiring jobs whose worker died; default 120); tests shorten it. */
  maintenanceIntervalSeconds?: number;
  /** Told of every job that failed its last attempt; a structured error log when absent. */
  errorReporter?: ErrorReporter;
  /** Told of every failed attempt (metrics). */
  onAttemptFailed?: (queue: string) => void;
}

/** Background jobs on pg-boss, in the same Postgres as everything else. */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #logger: Logger;
  readonly #queues: Map<string, QueueDefinition>;
  readonly #pollingIntervalSeconds: number;
  readonly #errorReporter: ErrorReporter | undefined;
  readonly #onAttemptFailed: ((queue: string) => void) | undefined;
  readonly #scope: string;
  /** This queue's entries in `localWorkers`, removed when it stops. */
  readonly #wakers: { key: string; wake: () => void }[] = [];
  #started = false;
  #stopping = false;

  constructor(options: JobQueueOptions) {
    this.#logger = options.logger.child({ component: 'jobs' });
    this.#queues = new Map(options.queues.map((queue) => [queue.name, queue]));
    this.#pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.#errorReporter = options.errorReporter;
    this.#onAttemptFailed = options.onAttemptFailed;
    this.#scope = scopeOf(options.connectionString, options.schema);
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema,
      application_name: 'plinth-jobs',
      max: options.poolMax ?? 4,
      // pg-boss hands these to its pg.Pool: a frozen database fails its polls instead of hanging them.
      ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
      ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
      migrate: false,
      supervise: options.runsWorkers,
      schedule: options.runsWorkers,
      ...(options.maintenanceIntervalSeconds
        ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
        : {}),
      ...(options.clockIntervalSeconds
        ? {
            cronMonitorIntervalSeconds: options.clockIntervalSeconds,
            cronWorkerIntervalSeconds: options.clockIntervalSeconds,
          }
        : {}),
    });
    this.#boss.on('error', (error) => {
      // Once stopping, connections closing under us (the database stopping too) are expected.
      if (this.#stopping) this.#logger.debug({ err: error }, 'job queue error while stopping');
      else this.#logger.error({ err: error }, 'job queue error');
    });
  }

  hasQueue(name: string): boolean {
    return this.#queues.has(name);
  }

  async start(): Promise<void> {
    if (this.#started) return;
    await this.#boss.start();
    this.#started = true;
  }

  async stop(timeoutMs = 10_000): Promise<void> {
    for (const { key, wake } of this.#wakers.splice(0)) {
      const wakers = localWorkers.get(key);
      wakers?.delete(wake);
      if (wakers?.size === 0) localWorkers.delete(key);
    }
    if (!this.#started) return;
    this.#started = false;
    this.#stopping = true;
    const deadline = Date.now() + timeoutMs;
    try {
      await this.#boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
    } finally {
      // pg-boss marks a job completed (or failed) after its handler without awaiting the statement,
      // and stop() counts the job as done once the handler returns. Ending the pool under such a
      // statement leaves it waiting for a connection that never comes: an unhandled rejection once
      // the connect timeout passes, in whatever runs next in the process. So the pool ends only
      // once nothing waits on it (or at the deadline).
      const db = this.#boss.getDb() as unknown as { pool?: pg.Pool; close(): Promise<void> };
      const pool = db.pool;
      while (pool && (pool.waitingCount > 0 || pool.idleCount < pool.totalCount) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (pool) await db.close();
    }
  }

  /**
   * Enqueues a job. With `executor`, the insert runs on that connection, inside its open
   * transaction: the job exists if and only if the transaction commits. With `id`, a second send of
   * the same id is a no-op (returns null). The job carries the running request's or job's context
   * (trace, workspace, actor), or `context` when given (the outbox relay passes the event's).
   *
   * Without `executor` (and without `startAfterSeconds`), the workers of the queue in this process
   * are woken once the job is stored. With `executor` the job cannot be seen before the caller
   * commits: call `wake(name)` after the commit, or leave it to the workers' next poll.
   */
  async send(
    name: string,
    data: object,
    options: {
      id?: string;
      startAfterSeconds?: number;
      executor?: SqlExecutor;
      context?: CarriedContext | null;
    } = {},
  ): Promise<string | null> {
    this.#assertQueue(name);
    data = withContext(data, options.context === undefined ? carriedContext() : options.context);
    const sendOptions: PgBoss.SendOptions = {};
    if (options.id) sendOptions.id = options.id;
    if (options.startAfterSeconds) sendOptions.startAfter = options.startAfterSeconds;
    if (options.executor) {
      const executor = options.executor;
      sendOptions.db = { executeSql: (text, values) => executor.query(text, values) };
    }
    const id = await this.#boss.send(name, data, sendOptions);
    if (id !== null && !options.executor && !options.startAfterSeconds) this.wake(name);
    return id;
  }

  /**
   * Wakes this process's workers of a queue to fetch now rather than at their next poll: after a
   * transaction that sent jobs with `executor` has committed. Harmless when nothing is due (the
   * worker finds nothing and sleeps again); workers in other processes keep polling.
   */
  wake(name: string): void {
    this.#assertQueue(name);
    const wakers = localWorkers.get(`${this.#scope}|${name}`);
    if (wakers) for (const wake of wakers) wake();
  }

  /**
   * Enqueues many jobs of one queue in one statement (the queue's retry policy applies to each).
   * Jobs whose `id` exists already are skipped, as with send().
   */
  async sendMany(name: string, jobs: readonly { data: object; id?: string }[]): Promise<void> {
    this.#assertQueue(name);
    if (jobs.length === 0) return;
    const context = carriedContext();
    await this.#boss.insert(
      jobs.map((job) => ({ name, data: withContext(job.data, context), ...(job.id ? { id: job.id } : {}) })),
    );
    this.wake(name);
  }

  /** Cancels jobs not finished yet (work another job already did); unknown or finished ids are skipped. */
  async cancel(name: string, ids: readonly string[]): Promise<void> {
    this.#assertQueue(name);
    if (ids.length > 0) await this.#boss.cancel(name, [...ids]);
  }

  /**
   * Runs `handler` for each job; a throw fails the attempt and the queue's retry policy applies.
   * With `batchSize` > 1 the worker fetches up to that many jobs, runs them concurrently and fails
   * only those that throw. Either way it fetches again at once while batches come back full (a
   * burst of webhooks drains at the database's pace instead of one batch per polling interval).
   */
  async work<T>(name: string, handler: JobHandler<T>, options: { batchSize?: number } = {}): Promise<void> {
    this.#assertQueue(name);
    const batchSize = options.batchSize ?? 1;
    const run = async (job: PgBoss.JobWithMetadata<T>) => {
      const context: JobContext = { id: job.id, name: job.name, retryCount: job.retryCount };
      const { data, carried } = withoutContext(job.data);
      const logContext = jobLogContext(carried, { id: job.id, queue: job.name });
      // With OTEL_* set: the job's span, a child of the request that enqueued it.
      const tracer = activeTracer();
      let span: Span | undefined;
      if (tracer) {
        const traceparent = (carried as { traceparent?: unknown } | undefined)?.traceparent;
        span = tracer.startSpan(
          `${job.name} process`,
          {
            kind: SpanKind.CONSUMER,
            attributes: {
              'messaging.system': 'pg-boss',
              'messaging.destination.name': job.name,
              'messaging.message.id': job.id,
              'plinth.job.attempt': job.retryCount + 1,
              ...(logContext.workspace_id ? { 'plinth.workspace_id': logContext.workspace_id } : {}),
            },
          },
          remoteParent(typeof traceparent === 'string' ? traceparent : undefined),
        );
        const ids = span.spanContext();
        Object.assign(logContext, {
          trace_id: ids.traceId,
          span_id: ids.spanId,
          trace_sampled: (ids.traceFlags & 1) === 1,
        });
        setActiveSpan(logContext, span);
      }
      await runWithLogContext(logContext, async () => {
        try {
          await handler(data as T, context);
        } catch (error) {
          this.#onAttemptFailed?.(job.name);
          if (job.retryCount >= job.retryLimit) {
            const details = { kind: 'job' as const, queue: job.name, attempts: job.retryCount + 1 };
            if (this.#errorReporter) this.#errorReporter.report(error, details);
            else this.#logger.error({ err: error, job: context, ...details }, 'job failed for good');
          } else {
            this.#logger.warn({ err: error, job: context }, 'job attempt failed');
          }
          span?.setStatus({
            code: SpanStatusCode.ERROR,
            message: error instanceof Error ? error.message : 'failed',
          });
          throw error;
        } finally {
          span?.end();
        }
      });
    };
    const workerId: string = await this.#boss.work<T>(
      name,
      { batchSize, pollingIntervalSeconds: this.#pollingIntervalSeconds, includeMetadata: true },
      async (jobs) => {
        if (batchSize === 1) {
          if (jobs[0]) await run(jobs[0]);
          // A job came: fetch the next at once rather than after the polling interval (a backlog of
          // single-job work, such as webhook attempts, drains at the database's pace).
          if (jobs.length === 1 && !this.#stopping) this.#boss.notifyWorker(workerId);
          return;
        }
        await Promise.all(
          jobs.map((job) =>
            run(job).catch(async (error: unknown) => {
              // pg-boss completes the whole batch when this callback resolves; a job failed here
              // first is no longer active, so only the ones that succeeded are completed.
              const message = error instanceof Error ? error.message : String(error);
              await this.#boss.fail(name, job.id, { message });
            }),
          ),
        );
        if (jobs.length === batchSize && !this.#stopping) this.#boss.notifyWorker(workerId);
      },
    );
    // Sends in this process wake the worker (send(), sendMany(), wake()); it still polls for the rest.
    const key = `${this.#scope}|${name}`;
    const wake = () => {
      if (!this.#stopping) this.#boss.notifyWorker(workerId);
    };
    this.#wakers.push({ key, wake });
    const wakers = localWorkers.get(key) ?? new Set();
    wakers.add(wake);
    localWorkers.set(key, wakers);
  }

  /** A cron schedule (UTC) kept in the database; every worker node may run the clock safely. */
  async schedule(name: string, cron: string, data: object = {}): Promise<void> {
    this.#assertQueue(name);
    await this.#boss.schedule(name, cron, data, { tz: 'UTC' });
  }

  /** pg-boss itself, for inspection in tests and admin tools. */
  get boss(): PgBoss {
    return this.#boss;
  }

  #assertQueue(name: string): void {
    if (!this.#queues.has(name)) {
      throw new TypeError(`unknown queue "${name}": declare it with defineQueue() in the wiring`);
    }
  }
}

function withContext(data: object, context: CarriedContext | null | undefined): object {
  if (!context || Array.isArray(data)) return data;
  return { ...data, [JOB_CONTEXT_KEY]: context };
}

function withoutContext(data: unknown): { data: unknown; carried: unknown } {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !(JOB_CONTEXT_KEY in data)) {
    return { data, carried: undefined };
  }
  const { [JOB_CONTEXT_KEY]: carried, ...rest } = data as Record<string, unknown>;
  return { data: rest, carried };
}
