import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, project, withTenant } from '@plinth/db';
import { createUser, createWorkspace, installTestQueues, useTestDatabase } from '@plinth/testing';
import { defineQueue, JobQueue, platformQueues, DEAD_LETTER_QUEUE } from '../jobs/index';
import { createLogger } from '../logger/index';
import { enqueueEvent, pruneOutbox, relayOutbox } from './index';

const testDb = useTestDatabase();
const logger = createLogger({ level: 'silent' });
const created = defineQueue({ name: 'test.project-created' });
const woken = defineQueue({ name: 'test.relayed-woken' });
const queues = [...platformQueues, created, woken];
let jobs: JobQueue;

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

const relay = () => relayOutbox({ database: testDb.app, jobs, logger });

async function createProjectWithEvent(fail: boolean, topic = created.name) {
  const ws = await createWorkspace(testDb.app);
  const person = await createUser(testDb.app);
  const attempt = withTenant(testDb.app, ws.id, { type: 'user', id: person.id }, async (tx) => {
    const [row] = await tx
      .insert(project)
      .values({ workspaceId: ws.id, name: 'Launch', createdBy: person.id })
      .returning();
    const eventId = await enqueueEvent(tx, {
      topic,
      payload: { projectId: row!.id },
      workspaceId: ws.id,
    });
    if (fail) throw new Error('change rejected after the event was written');
    return { projectId: row!.id, eventId };
  });
  return { ws, attempt };
}

describe('the transactional outbox', () => {
  it('an event whose change rolled back is never written, so never published', async () => {
    const { ws, attempt } = await createProjectWithEvent(true);
    await expect(attempt).rejects.toThrow('change rejected');
    const rows = await testDb.owner.db.select().from(outbox).where(eq(outbox.workspaceId, ws.id));
    expect(rows).toEqual([]);
  });

  it('a committed event is relayed to its queue once, with the event id as the job id', async () => {
    const { attempt } = await createProjectWithEvent(false);
    const { projectId, eventId } = await attempt;
    expect(await relay()).toBeGreaterThanOrEqual(1);
    const job = await jobs.boss.getJobById(created.name, eventId);
    expect(job?.data).toEqual({ projectId });
    const [row] = await testDb.owner.db.select().from(outbox).where(eq(outbox.id, eventId));
    expect(row!.publishedAt).toBeInstanceOf(Date);
    expect(await relay()).toBe(0); // nothing left: a second pass publishes nothing twice
  });

  it('relays running at once on several nodes publish each event exactly once', async () => {
    const events = await Promise.all(
      Array.from({ length: 30 }, async () => (await createProjectWithEvent(false)).attempt),
    );
    const published = await Promise.all([relay(), relay(), relay()]);
    expect(published.reduce((sum, count) => sum + count, 0)).toBe(30);
    const { rows } = await testDb.owner.pool.query<{ count: number }>(
      `select count(*)::int as count from ${testDb.env.jobsSchema}.job where name = $1 and id = any($2::uuid[])`,
      [created.name, events.map((event) => event.eventId)],
    );
    expect(rows[0]!.count).toBe(30);
  });

  it('parks an event for an undeclared topic in the dead-letter queue instead of blocking the rest', async () => {
    const ws = await createWorkspace(testDb.app);
    const stray = await withTenant(testDb.app, ws.id, { type: 'system', id: 'test' }, (tx) =>
      enqueueEvent(tx, { topic: 'nobody.listens', payload: { x: 1 }, workspaceId: ws.id }),
    );
    const { attempt } = await createProjectWithEvent(false);
    const { eventId } = await attempt;
    await relay();
    expect((await jobs.boss.getJobById(DEAD_LETTER_QUEUE, stray))?.data).toEqual({
      reason: 'unknown_topic',
      topic: 'nobody.listens',
      payload: { x: 1 },
    });
    expect(await jobs.boss.getJobById(created.name, eventId)).not.toBeNull();
  });

  it('once its transaction commits, the relay wakes the workers of this process for the jobs it sent', async () => {
    // The worker polls every 30 s and the test gives up after 10: only a wake brings the job in time.
    const worker = new JobQueue({
      connectionString: testDb.appUrl,
      schema: testDb.env.jobsSchema,
      logger,
      queues,
      runsWorkers: true,
      pollingIntervalSeconds: 30,
    });
    await worker.start();
    try {
      const handled: unknown[] = [];
      const waiting: (() => void)[] = [];
      const handledCount = (count: number) =>
        new Promise<void>((resolve) => (handled.length >= count ? resolve() : waiting.push(resolve)));
      // A first job is there before the worker starts, so its first fetch takes it; a batch that
      // comes back short (batch size 2) is not fetched again at once, so the worker then sleeps
      // until its next poll or a wake.
      await jobs.send(woken.name, { first: true });
      await worker.work(
        woken.name,
        async (data) => {
          handled.push(data);
          for (const resolve of waiting.splice(0)) resolve();
        },
        { batchSize: 2 },
      );
      await handledCount(1);
      const { projectId } = await (await createProjectWithEvent(false, woken.name)).attempt;
      expect(await relay()).toBeGreaterThanOrEqual(1);
      await handledCount(2);
      expect(handled).toEqual([{ first: true }, { projectId }]);
    } finally {
      await worker.stop(2_000);
    }
  }, 10_000);
});

describe('pruneOutbox', () => {
  it('deletes events published more than `olderThanDays` ago, and never an unpublished one', async () => {
    const insert = (topic: string, createdAgo: string, publishedAgo: string | null) =>
      testDb.owner.pool.query<{ id: string }>(
        `insert into outbox (topic, payload, created_at, published_at)
         values ($1, '{}', now() - $2::interval, now() - $3::interval) returning id`,
        [topic, createdAgo, publishedAgo],
      );
    const topic = `prune.${Date.now()}`;
    await insert(topic, '9 days', '8 days'); // published long ago: goes
    await insert(topic, '9 days', '7 days 1 hour'); // just past the 7 days: goes
    await insert(topic, '8 days', '6 days 23 hours'); // just inside: stays
    await insert(topic, '30 days', null); // never published (its relay keeps failing): stays

    expect(await pruneOutbox(testDb.app)).toBe(2);
    const { rows } = await testDb.owner.pool.query<{ published: boolean }>(
      'select published_at is not null as published from outbox where topic = $1 order by created_at',
      [topic],
    );
    expect(rows).toEqual([{ published: false }, { published: true }]);
    // A shorter retention takes the rest of the published ones.
    expect(await pruneOutbox(testDb.app, 1)).toBeGreaterThanOrEqual(1);
    expect(
      (await testDb.owner.pool.query('select 1 from outbox where topic = $1', [topic])).rows,
    ).toHaveLength(1);
  });
});
