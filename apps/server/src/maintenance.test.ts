import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@plinth/core/logger';
import { useTestDatabase } from '@plinth/testing';
import { startPlinth, type RunningPlinth } from './start';

// The platform's maintenance jobs as a worker node runs them (registerPlatformJobs in wiring.ts):
// each is scheduled, cluster-wide, at its time, and each handler really prunes what it owns.

const testDb = useTestDatabase();
let worker: RunningPlinth;

beforeAll(async () => {
  const env = { ...testDb.env, role: 'worker' as const };
  worker = await startPlinth(env, testDb.ownerUrl, { logger: createLogger({ level: 'silent' }) });
});
afterAll(() => worker?.stop());

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const count = async (sql: string, values: unknown[] = []) =>
  (await testDb.owner.pool.query<{ n: number }>(`select count(*)::int as n from ${sql}`, values)).rows[0]!.n;

describe('maintenance schedules', () => {
  it('a worker node schedules every maintenance job, in UTC', async () => {
    const { rows } = await testDb.owner.pool.query<{ name: string; cron: string; timezone: string }>(
      `select name, cron, timezone from ${testDb.env.jobsSchema}.schedule
       where name like 'maintenance.%' order by name`,
    );
    expect(rows).toEqual([
      { name: 'maintenance.idempotency-prune', cron: '23 * * * *', timezone: 'UTC' },
      { name: 'maintenance.outbox-prune', cron: '17 3 * * *', timezone: 'UTC' },
      { name: 'maintenance.rate-limit-prune', cron: '41 * * * *', timezone: 'UTC' },
      { name: 'maintenance.webhook-delivery-prune', cron: '47 3 * * *', timezone: 'UTC' },
    ]);
  });

  it('each maintenance job, when it fires, prunes what has expired and keeps the rest', async () => {
    await testDb.owner.pool.query(`
      insert into rate_limit (key, window_start, count, expires_at) values
        ('maintenance.test:old', now() - interval '2 hours', 3, now() - interval '1 hour'),
        ('maintenance.test:live', now(), 1, now() + interval '1 hour');
      insert into idempotency_key (owner_id, key, method, path, request_hash, response_status, created_at, expires_at)
      values
        ('user:maintenance', 'old', 'POST', '/x', 'h', 201, now() - interval '2 days', now() - interval '1 day'),
        ('user:maintenance', 'live', 'POST', '/x', 'h', 201, now(), now() + interval '1 day');
      insert into outbox (topic, payload, created_at, published_at) values
        ('maintenance.test', '{}', now() - interval '9 days', now() - interval '8 days'),
        ('maintenance.test', '{}', now() - interval '1 day', now() - interval '1 day');
      with place as (
        insert into workspace (name, slug) values ('Maintenance', 'maintenance-webhooks') returning id
      ), hook as (
        insert into webhook_endpoint (workspace_id, url, secret_ciphertext, created_by)
        select id, 'http://127.0.0.1:9/hook', 'sealed', gen_random_uuid() from place returning id, workspace_id
      )
      insert into webhook_delivery (workspace_id, endpoint_id, event_id, event_type, body, event_created_at,
                                    status, created_at, delivered_at)
      select workspace_id, id, gen_random_uuid(), 'ping', '{}', now(), 'succeeded', now() - interval '40 days',
             now() - interval '40 days' from hook
      union all
      select workspace_id, id, gen_random_uuid(), 'ping', '{}', now(), 'succeeded', now(), now() from hook;`);

    // What the schedule does at its minute: one job on the queue.
    for (const queue of [
      'maintenance.rate-limit-prune',
      'maintenance.idempotency-prune',
      'maintenance.outbox-prune',
      'maintenance.webhook-delivery-prune',
    ]) {
      await worker.wiring.jobs.send(queue, {});
    }
    await until(
      async () =>
        (await count(`rate_limit where key = 'maintenance.test:old'`)) === 0 &&
        (await count(`idempotency_key where owner_id = 'user:maintenance' and key = 'old'`)) === 0 &&
        (await count(
          `outbox where topic = 'maintenance.test' and published_at < now() - interval '7 days'`,
        )) === 0 &&
        (await count(
          `webhook_delivery where event_type = 'ping' and created_at < now() - interval '30 days'`,
        )) === 0,
      'the maintenance jobs to prune',
    );
    expect(await count(`rate_limit where key = 'maintenance.test:live'`)).toBe(1);
    expect(await count(`idempotency_key where owner_id = 'user:maintenance' and key = 'live'`)).toBe(1);
    expect(await count(`outbox where topic = 'maintenance.test'`)).toBe(1);
    expect(await count(`webhook_delivery where event_type = 'ping'`)).toBe(1);
  });
});
