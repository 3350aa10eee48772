import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installTestQueues, useTestDatabase } from '@plinth/testing';
import { createLogger } from '../logger/index';
import { defineQueue, JobQueue, platformQueues, DEAD_LETTER_QUEUE } from './index';

const testDb = useTestDatabase();
const logger = createLogger({ level: 'silent' });

const flaky = defineQueue({ name: 'test.flaky', retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true });
const doomed = defineQueue({ name: 'test.doomed', retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false });
const plain = defineQueue({ name: 'test.plain' });
const ticking = defineQueue({ name: 'test.ticking', retryLimit: 0 });
const batched = defineQueue({
  name: 'test.batched',
  retryLimit: 1,
  retryDelaySeconds: 1,
  retryBackoff: false,
});
const woken = defineQueue({ name: 'test.woken' });
const stopping = defineQueue({ name: 'test.stopping' });
const queues = [...platformQueues, flaky, doomed, plain, ticking, batched, woken, stopping];

const started: JobQueue[] = [];
function node(runsWorkers = true, pollingIntervalSeconds = 0.5, poolMax?: number): JobQueue {
  const jobs = new JobQueue({
    connectionString: testDb.appUrl,
    schema: testDb.env.jobsSchema,
    logger,
    queues,
    runsWorkers,
    pollingIntervalSeconds,
    ...(poolMax ? { poolMax } : {}),
    clockIntervalSeconds: 1,
  });
  started.push(jobs);
  return jobs;
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  // Test queues are created the way production creates queues: by the owner, at migrate time.
  await installTestQueues(testDb, queues);
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((jobs) => jobs.stop(2_000)));
});

describe('jobs on pg-boss, as the app role', () => {
  it('retries a failed job with backoff until it succeeds', async () => {
    const jobs = node();
    await jobs.start();
    const attempts: { retryCount: number; at: number }[] = [];
    await jobs.work<{ n: number }>(flaky.name, async (_data, job) => {
      attempts.push({ retryCount: job.retryCount, at: Date.now() });
      if (job.retryCount === 0) throw new Error('transient failure');
    });
    const id = await jobs.send(flaky.name, { n: 1 });
    const done = await until(async () => {
      const job = await jobs.boss.getJobById(flaky.name, id!);
      return job?.state === 'completed' ? job : undefined;
    });
    expect(done.retryCount).toBe(1);
    expect(attempts.map((attempt) => attempt.retryCount)).toEqual([0, 1]);
    // The retry waited for the queue's delay instead of hammering at once.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('moves a job whose retries are spent to the dead-letter queue', async () => {
    const jobs = node();
    await jobs.start();
    await jobs.work(doomed.name, async () => {
      throw new Error('permanent failure');
    });
    const dead: unknown[] = [];
    await jobs.work(DEAD_LETTER_QUEUE, async (data) => {
      dead.push(data);
    });
    const id = await jobs.send(doomed.name, { order: 42 });
    await until(() => (dead.length > 0 ? dead : undefined));
    expect(dead).toEqual([{ order: 42 }]);
    const job = await jobs.boss.getJobById(doomed.name, id!);
    expect(job?.state).toBe('failed');
    expect(job?.retryCount).toBe(1);
  });

  it('a job sent inside a transaction exists only if the transaction commits', async () => {
    const jobs = node(false);
    await jobs.start();
    const client = await testDb.app.pool.connect();
    try {
      await client.query('begin');
      const rolledBack = await jobs.send(plain.name, { keep: false }, { executor: client });
      await client.query('rollback');
      await client.query('begin');
      const committed = await jobs.send(plain.name, { keep: true }, { executor: client });
      await client.query('commit');
      expect(await jobs.boss.getJobById(plain.name, rolledBack!)).toBeNull();
      expect((await jobs.boss.getJobById(plain.name, committed!))?.data).toEqual({ keep: true });
    } finally {
      client.release();
    }
  });

  it('sending the same id twice enqueues one job', async () => {
    const jobs = node(false);
    await jobs.start();
    const id = '01900000-0000-7000-8000-000000000001';
    expect(await jobs.send(plain.name, { n: 1 }, { id })).toBe(id);
    expect(await jobs.send(plain.name, { n: 2 }, { id })).toBeNull();
    expect((await jobs.boss.getJobById(plain.name, id))?.data).toEqual({ n: 1 });
  });

  it('a batch worker runs jobs together and retries only the one that failed', async () => {
    const jobs = node();
    await jobs.start();
    const runs: number[] = [];
    await jobs.work<{ n: number }>(
      batched.name,
      async (data, job) => {
        runs.push(data.n);
        if (data.n === 3 && job.retryCount === 0) throw new Error('only this one');
      },
      { batchSize: 10 },
    );
    await jobs.sendMany(
      batched.name,
      [1, 2, 3, 4, 5].map((n) => ({ data: { n } })),
    );
    await until(() => (runs.length >= 6 ? runs : undefined));
    expect([...runs].sort()).toEqual([1, 2, 3, 3, 4, 5]);
    // pg-boss marks a job completed after its handler returns: wait for the last one to land.
    const rows = await until(async () => {
      const result = await testDb.app.pool.query<{ retry_count: number; n: number }>(
        `select retry_count, (data->>'n')::int as n from ${testDb.env.jobsSchema}.job where name = $1 and state = 'completed'`,
        [batched.name],
      );
      return result.rows.length >= 5 ? result.rows : undefined;
    });
    expect(rows.map((row) => [row.n, row.retry_count]).sort()).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 0],
      [5, 0],
    ]);
  });

  it('sendMany skips jobs whose id exists already', async () => {
    const jobs = node(false);
    await jobs.start();
    const id = '01900000-0000-7000-8000-000000000002';
    await jobs.sendMany(plain.name, [{ id, data: { n: 1 } }]);
    await jobs.sendMany(plain.name, [{ id, data: { n: 2 } }, { data: { n: 3 } }]);
    expect((await jobs.boss.getJobById(plain.name, id))?.data).toEqual({ n: 1 });
  });

  it('cancel stops a job that has not run, and ignores ids it does not know', async () => {
    const jobs = node(false);
    await jobs.start();
    const id = '01900000-0000-7000-8000-000000000003';
    await jobs.send(plain.name, { n: 1 }, { id });
    await jobs.cancel(plain.name, [id, '01900000-0000-7000-8000-00000000ffff']);
    expect((await jobs.boss.getJobById(plain.name, id))?.state).toBe('cancelled');
  });

  it('a send wakes the workers of its queue in this process instead of leaving the job to their poll', async () => {
    // The worker polls every 30 s and the test gives up after 10: only a wake brings a job in time.
    // Another JobQueue of the process sends, as an api node does beside a worker node.
    const worker = node(true, 30);
    const sender = node(false);
    await Promise.all([worker.start(), sender.start()]);
    const handled: number[] = [];
    const waiting = new Map<number, () => void>();
    const handledJob = (n: number) =>
      new Promise<void>((resolve) => (handled.includes(n) ? resolve() : waiting.set(n, resolve)));
    // Job 1 is there before the worker starts, so its first fetch takes it. With a batch size of 2,
    // a batch that comes back short is not fetched again at once: once job 1 is handled, the worker
    // sleeps until its next poll or a wake, and every later job proves a wake.
    await sender.send(woken.name, { n: 1 });
    await worker.work<{ n: number }>(
      woken.name,
      async ({ n }) => {
        handled.push(n);
        waiting.get(n)?.();
      },
      { batchSize: 2 },
    );
    await handledJob(1);

    await sender.send(woken.name, { n: 2 });
    await handledJob(2);

    // Sent inside a transaction: nothing to see before the commit, so the caller wakes after it.
    const client = await testDb.app.pool.connect();
    try {
      await client.query('begin');
      await sender.send(woken.name, { n: 3 }, { executor: client });
      await client.query('commit');
    } finally {
      client.release();
    }
    sender.wake(woken.name);
    await handledJob(3);

    await sender.sendMany(woken.name, [{ data: { n: 4 } }]);
    await handledJob(4);
    expect(handled).toEqual([1, 2, 3, 4]);
  }, 10_000);

  it('stop() ends the pool only after the statement completing the last job has run', async () => {
    // pg-boss marks a job completed after its handler returns, without waiting for the statement.
    // Here that statement must wait for the one connection, which a slow query holds, and stop()
    // comes meanwhile: ending the pool then would leave the job active, its completion never sent.
    const jobs = node(false, 0.5, 1);
    await jobs.start();
    let handled!: () => void;
    const wasHandled = new Promise<void>((resolve) => (handled = resolve));
    await jobs.work(stopping.name, async () => {
      void jobs.boss.getDb().executeSql('select pg_sleep(1.5)', []);
      handled();
    });
    const id = await jobs.send(stopping.name, {});
    await wasHandled;
    await jobs.stop(10_000);
    const { rows } = await testDb.owner.pool.query<{ state: string }>(
      `select state::text from ${testDb.env.jobsSchema}.job where name = $1 and id = $2`,
      [stopping.name, id],
    );
    expect(rows).toEqual([{ state: 'completed' }]);
  });

  it('refuses a queue nobody declared', async () => {
    const jobs = node(false);
    await expect(jobs.send('test.undeclared', {})).rejects.toThrow(/unknown queue/);
  });

  it('a schedule fires once for the cluster, however many worker nodes run the clock', async () => {
    const nodes = [node(), node(), node()];
    await Promise.all(nodes.map((jobs) => jobs.start()));
    const fired: string[] = [];
    for (const [index, jobs] of nodes.entries()) {
      await jobs.work(ticking.name, async () => {
        fired.push(`node-${index}`);
      });
    }
    // A schedule for this very minute of the day ('M H * * *', UTC): due at once (its last time is
    // under 60 s ago), and not again for a day, so any second firing is a duplicate. The clocks turn
    // every second here, so the first turn after the schedule is written fires it and the next turns
    // re-check it while it is still due. Only the last 10 s of a minute are too short to be sure of
    // both: then the schedule names the next minute and the test waits for it (one run in six, for a
    // few seconds), rather than for whatever is left of every minute.
    let at = new Date();
    if (at.getUTCSeconds() >= 50) {
      await new Promise((resolve) =>
        setTimeout(resolve, (60 - at.getUTCSeconds()) * 1000 - at.getUTCMilliseconds() + 50),
      );
      at = new Date();
    }
    await nodes[0]!.schedule(ticking.name, `${at.getUTCMinutes()} ${at.getUTCHours()} * * *`, { tick: true });
    await until(() => (fired.length > 0 ? fired : undefined), 20_000);
    // Let the cluster's clock take several more turns to (wrongly) fire again: each turn is one
    // node winning pg-boss's cron_on update, then re-reading the schedule, which is still due. Counted
    // from the database rather than guessed from a sleep, so a slow machine waits for real turns.
    const turnOf = async () => {
      const { rows } = await testDb.owner.pool.query<{ cron_on: Date | null }>(
        `select cron_on from ${testDb.env.jobsSchema}.version`,
      );
      return rows[0]!.cron_on?.getTime();
    };
    const turns = new Set<number | undefined>([await turnOf()]);
    await until(async () => {
      turns.add(await turnOf());
      // Three turns after the one that fired: the two before the last have finished sending.
      return turns.size > 3 ? true : undefined;
    });
    // The relay queue holds one send for the schedule, and the queue one job: duplicates would show
    // here even if a worker had not picked them up yet.
    const { rows: sends } = await testDb.owner.pool.query<{ n: number }>(
      `select count(*)::int as n from ${testDb.env.jobsSchema}.job
       where name = '__pgboss__send-it' and data->>'name' = $1`,
      [ticking.name],
    );
    expect(sends[0]!.n).toBe(1);
    const { rows: ticks } = await testDb.owner.pool.query<{ n: number }>(
      `select count(*)::int as n from ${testDb.env.jobsSchema}.job where name = $1`,
      [ticking.name],
    );
    expect(ticks[0]!.n).toBe(1);
    expect(fired).toHaveLength(1);
  }, 70_000);
});
