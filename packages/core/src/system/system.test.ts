import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, nodeHeartbeat, outbox, webhookEvent } from '@plinth/db';
import { createUser, installTestQueues, rejectionOf, useTestDatabase } from '@plinth/testing';
import { billingEventQueues } from '../billing-events/index';
import { defineQueue, JobQueue, platformQueues, DEAD_LETTER_QUEUE } from '../jobs/index';
import { createLogger } from '../logger/index';
import { listFailedJobs, listNodes, readSystemOverview, replayFailedJob, startHeartbeat } from './index';

const testDb = useTestDatabase();
const logger = createLogger({ level: 'silent' });
// retryLimit 0: the first failed attempt is the last, and pg-boss moves a copy to the dead-letter queue.
const fragile = defineQueue({ name: 'test.fragile', retryLimit: 0 });
const waiting = defineQueue({ name: 'test.waiting' });
const queues = [...platformQueues, ...billingEventQueues, fragile, waiting];
let jobs: JobQueue;

const deps = () => ({ database: testDb.app, jobsSchema: testDb.env.jobsSchema, jobs, logger });
const schema = () => testDb.env.jobsSchema;

/** A job on `fragile` that failed for good, through pg-boss's own fetch and fail. */
async function failedJob(data: object, message = 'the SMTP server said no'): Promise<string> {
  const id = (await jobs.send(fragile.name, data))!;
  const [fetched] = await jobs.boss.fetch(fragile.name, { batchSize: 1 });
  expect(fetched?.id).toBe(id);
  await jobs.boss.fail(fragile.name, id, new Error(message));
  return id;
}

async function jobsOn(
  queue: string,
): Promise<{ id: string; state: string; data: Record<string, unknown> }[]> {
  const { rows } = await testDb.owner.pool.query<{
    id: string;
    state: string;
    data: Record<string, unknown>;
  }>(`select id, state::text as state, data from ${schema()}.job where name = $1 order by created_on`, [
    queue,
  ]);
  return rows;
}

beforeAll(async () => {
  await installTestQueues(testDb, queues);
  jobs = new JobQueue({
    connectionString: testDb.appUrl,
    schema: testDb.env.jobsSchema,
    logger,
    queues,
    runsWorkers: false,
  });
  await jobs.start();
});
afterAll(() => jobs.stop(2_000));

describe('the system overview', () => {
  it('counts each queue by state with its oldest waiting job, the webhook inbox and the outbox lag', async () => {
    const empty = await readSystemOverview(deps());
    // Every queue the migration and this test created, by name; none of pg-boss's own.
    const names = empty.queues.map((queue) => queue.name);
    expect(names).toEqual(expect.arrayContaining(queues.map((queue) => queue.name)));
    expect(names.filter((name) => name.startsWith('__pgboss'))).toEqual([]);
    expect(empty.queues.find((queue) => queue.name === waiting.name)).toMatchObject({
      created: 0,
      retry: 0,
      active: 0,
      failed: 0,
      oldestWaitingSeconds: null,
      deadLetter: DEAD_LETTER_QUEUE,
      isDeadLetterQueue: false,
    });
    expect(empty.queues.find((queue) => queue.name === DEAD_LETTER_QUEUE)?.isDeadLetterQueue).toBe(true);
    expect(empty.inbox).toEqual({
      pending: 0,
      processed: 0,
      dead: 0,
      ignored: 0,
      oldestPendingSeconds: null,
    });
    expect(empty.outbox).toEqual({ pending: 0, oldestSeconds: null });

    await jobs.send(waiting.name, { n: 1 });
    await jobs.send(waiting.name, { n: 2 });
    // One of them waited a minute already.
    await testDb.owner.pool.query(
      `update ${schema()}.job set created_on = now() - interval '60 seconds'
        where id = (select id from ${schema()}.job where name = $1 limit 1)`,
      [waiting.name],
    );
    await failedJob({ to: 'a@example.test' });
    const event = (id: string, status: string, receivedAgo: string) =>
      testDb.owner.pool.query(
        `insert into webhook_event (id, type, stripe_created_at, payload, status, received_at)
         values ($1, 'customer.updated', now(), '{}', $2, now() - $3::interval)`,
        [id, status, receivedAgo],
      );
    await event('evt_pending_old', 'pending', '90 seconds');
    await event('evt_pending_new', 'pending', '1 second');
    await event('evt_processed', 'processed', '1 minute');
    await event('evt_processed_last_week', 'processed', '7 days');
    await event('evt_dead', 'dead', '3 days');
    await event('evt_ignored', 'ignored', '1 hour');
    await testDb.owner.db.insert(outbox).values([
      { topic: 'x.happened', payload: {}, createdAt: new Date(Date.now() - 30_000) },
      {
        topic: 'x.happened',
        payload: {},
        publishedAt: new Date(),
        createdAt: new Date(Date.now() - 600_000),
      },
    ]);

    const overview = await readSystemOverview(deps());
    const waitingQueue = overview.queues.find((queue) => queue.name === waiting.name)!;
    expect(waitingQueue).toMatchObject({ created: 2, retry: 0, active: 0, failed: 0 });
    expect(waitingQueue.oldestWaitingSeconds).toBeGreaterThanOrEqual(59);
    expect(waitingQueue.oldestWaitingSeconds).toBeLessThan(120);
    expect(overview.queues.find((queue) => queue.name === fragile.name)).toMatchObject({
      created: 0,
      failed: 1,
      oldestWaitingSeconds: null,
    });
    // The failed job's copy in the dead-letter queue.
    expect(overview.deadLetters).toBe(1);
    // Processed and ignored count the last 24 hours; pending and dead count all.
    expect(overview.inbox).toMatchObject({ pending: 2, processed: 1, dead: 1, ignored: 1 });
    expect(overview.inbox.oldestPendingSeconds).toBeGreaterThanOrEqual(89);
    expect(overview.outbox.pending).toBe(1);
    expect(overview.outbox.oldestSeconds).toBeGreaterThanOrEqual(29);
    expect(overview.outbox.oldestSeconds).toBeLessThan(600);

    await testDb.owner.db.delete(webhookEvent);
    await testDb.owner.db.delete(outbox);
  });
});

describe('failed jobs and their replay', () => {
  it('lists failed jobs of every queue with their error, never their data', async () => {
    const id = await failedJob(
      { to: 'b@example.test', link: 'https://app.example.test/verify?token=secret-token' },
      'mailbox unavailable',
    );
    const listed = await listFailedJobs(deps());
    const job = listed.find((entry) => entry.id === id);
    expect(job).toMatchObject({
      queue: fragile.name,
      attempts: 1,
      error: 'mailbox unavailable',
      deadLetter: DEAD_LETTER_QUEUE,
      archived: false,
      replay: null,
      replayElsewhere: null,
    });
    expect(JSON.stringify(listed)).not.toContain('secret-token');
    expect(await listFailedJobs(deps(), { queue: waiting.name })).toEqual([]);
    const error = await rejectionOf(listFailedJobs(deps(), { queue: 'Not A Queue' }));
    expect(error).toMatchObject({ code: 'invalid_input', fields: { queue: expect.any(String) } });
  });

  it('replays a failed job once, with its data and context, audited under the staff member', async () => {
    const staff = await createUser(testDb.app);
    const workspaceId = '01900000-0000-7000-8000-00000000aaaa';
    const data = { to: 'c@example.test', n: 3 };
    // Sent inside a request's context: the job carries its workspace, and so must the replay.
    const id = (await jobs.send(fragile.name, data, {
      context: { workspace_id: workspaceId, request_id: 'req-1' },
    }))!;
    await jobs.boss.fetch(fragile.name, { batchSize: 1 });
    await jobs.boss.fail(fragile.name, id, new Error('first time'));

    const listedBefore = (await listFailedJobs(deps())).find((job) => job.id === id);
    expect(listedBefore?.workspaceId).toBe(workspaceId);

    const actor = { type: 'user' as const, id: staff.id };
    const replayed = await replayFailedJob(
      deps(),
      actor,
      { queue: fragile.name, jobId: id },
      {
        userAgent: 'vitest',
      },
    );
    expect(replayed.queue).toBe(fragile.name);
    expect(replayed.replayJobId).not.toBe(id);
    const waitingJobs = (await jobsOn(fragile.name)).filter((job) => job.state === 'created');
    expect(waitingJobs).toHaveLength(1);
    expect(waitingJobs[0]!.id).toBe(replayed.replayJobId);
    expect(waitingJobs[0]!.data).toEqual({
      ...data,
      _plinth_context: { workspace_id: workspaceId, request_id: 'req-1' },
    });

    const rows = await testDb.owner.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.job_replayed'), eq(auditLog.targetId, id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorType: 'user',
      actorId: staff.id,
      workspaceId: null,
      targetType: 'job',
      userAgent: 'vitest',
      metadata: { queue: fragile.name, replay_job_id: replayed.replayJobId },
    });

    // The list shows the replay and its state.
    const listed = (await listFailedJobs(deps())).find((job) => job.id === id);
    expect(listed?.replay).toEqual({ id: replayed.replayJobId, state: 'created' });

    // Again: refused, nothing more enqueued, nothing more audited.
    const again = await rejectionOf(replayFailedJob(deps(), actor, { queue: fragile.name, jobId: id }));
    expect(again).toMatchObject({ code: 'conflict', message: expect.stringContaining(replayed.replayJobId) });
    expect((await jobsOn(fragile.name)).filter((job) => job.state === 'created')).toHaveLength(1);
    const audited = await testDb.owner.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audited).toHaveLength(1);

    // Still refused once the replay itself has run and pg-boss archived it.
    await testDb.owner.pool.query(
      `with moved as (delete from ${schema()}.job where name = $1 and id = $2 returning *)
       insert into ${schema()}.archive (id, name, priority, data, state, retry_limit, retry_count, retry_delay,
         retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on,
         completed_on, keep_until, dead_letter, policy, output)
       select id, name, priority, data, 'completed', retry_limit, retry_count, retry_delay, retry_backoff,
         start_after, started_on, singleton_key, singleton_on, expire_in, created_on, now(), keep_until,
         dead_letter, policy, output from moved`,
      [fragile.name, replayed.replayJobId],
    );
    const afterArchive = await rejectionOf(
      replayFailedJob(deps(), actor, { queue: fragile.name, jobId: id }),
    );
    expect(afterArchive).toMatchObject({ code: 'conflict' });
    expect((await jobsOn(fragile.name)).filter((job) => job.state === 'created')).toHaveLength(0);
    expect((await listFailedJobs(deps())).find((job) => job.id === id)?.replay).toEqual({
      id: replayed.replayJobId,
      state: 'completed',
    });
  });

  it('two replays of one job at the same moment enqueue it once', async () => {
    const staff = await createUser(testDb.app);
    const actor = { type: 'user' as const, id: staff.id };
    const id = await failedJob({ to: 'd@example.test' });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => replayFailedJob(deps(), actor, { queue: fragile.name, jobId: id })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'conflict' });
    }
    const { rows } = await testDb.owner.pool.query<{ n: number }>(
      `select count(*)::int as n from ${schema()}.job where name = $1 and state = 'created'`,
      [fragile.name],
    );
    expect(rows[0]!.n).toBe(1);
    const audited = await testDb.owner.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audited).toHaveLength(1);
    await testDb.owner.pool.query(`delete from ${schema()}.job where name = $1 and state = 'created'`, [
      fragile.name,
    ]);
  });

  it('replays a failed job pg-boss has archived already', async () => {
    const staff = await createUser(testDb.app);
    const id = await failedJob({ to: 'e@example.test' }, 'archived failure');
    await testDb.owner.pool.query(
      `with moved as (delete from ${schema()}.job where name = $1 and id = $2 returning *)
       insert into ${schema()}.archive (id, name, priority, data, state, retry_limit, retry_count, retry_delay,
         retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on,
         completed_on, keep_until, dead_letter, policy, output)
       select id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff,
         start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on,
         keep_until, dead_letter, policy, output from moved`,
      [fragile.name, id],
    );
    const listed = (await listFailedJobs(deps())).find((job) => job.id === id);
    expect(listed).toMatchObject({ archived: true, error: 'archived failure' });
    const replayed = await replayFailedJob(
      deps(),
      { type: 'user', id: staff.id },
      { queue: fragile.name, jobId: id },
    );
    expect((await jobsOn(fragile.name)).find((job) => job.id === replayed.replayJobId)?.data).toEqual({
      to: 'e@example.test',
    });
    await testDb.owner.pool.query(`delete from ${schema()}.job where name = $1 and state = 'created'`, [
      fragile.name,
    ]);
  });

  it('refuses what cannot be replayed, naming the field for malformed input', async () => {
    const actor = { type: 'user' as const, id: (await createUser(testDb.app)).id };
    const replay = (input: { queue: string; jobId: string }) =>
      rejectionOf(replayFailedJob(deps(), actor, input));

    expect(await replay({ queue: fragile.name, jobId: 'not-a-uuid' })).toMatchObject({
      code: 'invalid_input',
      fields: { jobId: expect.any(String) },
    });
    expect(
      await replay({ queue: 'DROP TABLE', jobId: '01900000-0000-7000-8000-000000000001' }),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { queue: expect.any(String) },
    });
    expect(
      await replay({ queue: fragile.name, jobId: '01900000-0000-7000-8000-000000000001' }),
    ).toMatchObject({
      code: 'not_found',
    });
    // A job that did not fail.
    const pending = (await jobs.send(waiting.name, { n: 9 }))!;
    expect(await replay({ queue: waiting.name, jobId: pending })).toMatchObject({ code: 'conflict' });
    // The right id in the wrong queue names nothing.
    const failed = await failedJob({ n: 10 });
    expect(await replay({ queue: waiting.name, jobId: failed })).toMatchObject({ code: 'not_found' });
    // Stripe event jobs are replayed from the inbox, which resets the row.
    expect(await replay({ queue: 'billing.stripe-event', jobId: failed })).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('/admin/billing-events'),
    });
    // A queue this process does not declare: nothing would run it.
    expect(await replay({ queue: 'test.elsewhere', jobId: failed })).toMatchObject({ code: 'conflict' });
    const audited = await testDb.owner.db.select().from(auditLog).where(eq(auditLog.actorId, actor.id));
    expect(audited).toEqual([]);
  });
});

describe('node heartbeats', () => {
  it('a node reports itself while it runs, and is marked stopped with no beat after stop()', async () => {
    const heartbeat = await startHeartbeat(
      { database: testDb.app, logger },
      { role: 'worker', version: '9.9.9' },
      { intervalMs: 100 },
    );
    const [first] = await testDb.owner.db
      .select()
      .from(nodeHeartbeat)
      .where(eq(nodeHeartbeat.id, heartbeat.id));
    expect(first).toMatchObject({ role: 'worker', version: '9.9.9', pid: process.pid, stoppedAt: null });
    await new Promise((resolve) => setTimeout(resolve, 350));
    const [later] = await testDb.owner.db
      .select()
      .from(nodeHeartbeat)
      .where(eq(nodeHeartbeat.id, heartbeat.id));
    expect(later!.lastSeenAt.getTime()).toBeGreaterThan(first!.lastSeenAt.getTime());

    const running = (await listNodes({ database: testDb.app }, { intervalMs: 100 })).find(
      (node) => node.id === heartbeat.id,
    );
    expect(running).toMatchObject({ status: 'running', role: 'worker', version: '9.9.9', stoppedAt: null });
    expect(running!.uptimeSeconds).toBeGreaterThanOrEqual(0.3);

    await heartbeat.stop();
    const [stopped] = await testDb.owner.db
      .select()
      .from(nodeHeartbeat)
      .where(eq(nodeHeartbeat.id, heartbeat.id));
    expect(stopped!.stoppedAt).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 350));
    const [after] = await testDb.owner.db
      .select()
      .from(nodeHeartbeat)
      .where(eq(nodeHeartbeat.id, heartbeat.id));
    // No beat after stop: the row is exactly as stop() left it.
    expect(after).toEqual(stopped);
    expect((await listNodes({ database: testDb.app })).find((node) => node.id === heartbeat.id)?.status).toBe(
      'stopped',
    );
  });

  it('lists nodes seen in the last five minutes: a quiet one as silent, an old one not at all, and forgets a day-old one', async () => {
    const quiet = await startHeartbeat({ database: testDb.app, logger }, { role: 'api', version: '1.0.0' });
    const gone = await startHeartbeat({ database: testDb.app, logger }, { role: 'web', version: '1.0.0' });
    const ancient = await startHeartbeat({ database: testDb.app, logger }, { role: 'web', version: '0.1.0' });
    // As if they had crashed: no stop(), just silence.
    await quiet.stop();
    await gone.stop();
    await ancient.stop();
    await testDb.owner.pool.query(
      `update node_heartbeat set stopped_at = null, last_seen_at = now() - $2::interval where id = $1`,
      [quiet.id, '2 minutes'],
    );
    await testDb.owner.pool.query(
      `update node_heartbeat set stopped_at = null, last_seen_at = now() - $2::interval where id = $1`,
      [gone.id, '10 minutes'],
    );
    await testDb.owner.pool.query(
      `update node_heartbeat set stopped_at = null, last_seen_at = now() - $2::interval where id = $1`,
      [ancient.id, '25 hours'],
    );
    const nodes = await listNodes({ database: testDb.app });
    expect(nodes.find((node) => node.id === quiet.id)?.status).toBe('silent');
    expect(nodes.find((node) => node.id === gone.id)).toBeUndefined();

    const next = await startHeartbeat({ database: testDb.app, logger }, { role: 'all', version: '1.0.1' });
    await next.stop();
    const ids = (await testDb.owner.db.select({ id: nodeHeartbeat.id }).from(nodeHeartbeat)).map(
      (row) => row.id,
    );
    expect(ids).toContain(gone.id);
    expect(ids).not.toContain(ancient.id);
  });
});
