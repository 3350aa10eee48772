import { describe, expect, it } from 'vitest';
import { createWebhookEndpoint, pruneWebhookDeliveries } from '@plinth/core/webhooks';
import { uuidv7 } from '@plinth/db';
import { useTestDatabase } from '@plinth/testing';
import { loopbackEgress, secrets, workspaceWithOwner } from './setup';

// The retention job (WEBHOOK_DELIVERY_RETENTION_DAYS): finished deliveries older than the retention
// go, in every workspace; pending ones and recent ones stay.
const testDb = useTestDatabase();

async function insertDelivery(
  workspaceId: string,
  endpointId: string,
  status: 'pending' | 'succeeded' | 'failed',
  createdAgo: string,
  finishedAgo: string | null,
): Promise<string> {
  const id = uuidv7();
  await testDb.owner.pool.query(
    `insert into webhook_delivery
       (id, workspace_id, endpoint_id, event_id, event_type, body, event_created_at, status, created_at,
        delivered_at, last_attempt_at)
     values ($1, $2, $3, $4, 'ping', '{}', now(), $5, now() - $6::interval,
             case when $5 = 'succeeded' then now() - $7::interval end, now() - $7::interval)`,
    [id, workspaceId, endpointId, uuidv7(), status, createdAgo, finishedAgo ?? createdAgo],
  );
  return id;
}

describe('pruneWebhookDeliveries', () => {
  it('deletes deliveries finished longer ago than the retention, in every workspace, and nothing else', async () => {
    const kept: string[] = [];
    const pruned: string[] = [];
    for (let n = 0; n < 2; n++) {
      const { actor } = await workspaceWithOwner(testDb);
      const { endpoint } = await createWebhookEndpoint(
        { database: testDb.app, secrets, egress: loopbackEgress },
        actor,
        { url: 'http://127.0.0.1:9/hook' },
      );
      const add = (status: 'pending' | 'succeeded' | 'failed', created: string, finished: string | null) =>
        insertDelivery(actor.workspaceId, endpoint.id, status, created, finished);
      pruned.push(await add('succeeded', '40 days', '40 days'));
      pruned.push(await add('failed', '35 days', '31 days'));
      // Failed within the retention, though created before it: kept until it is as old.
      kept.push(await add('failed', '32 days', '29 days'));
      kept.push(await add('succeeded', '29 days', '29 days'));
      // Pending is never pruned, however old.
      kept.push(await add('pending', '90 days', '89 days'));
    }
    // With a batch of 1, each workspace takes several statements: the loop runs until it is done.
    expect(await pruneWebhookDeliveries(testDb.app, 30, 1)).toBeGreaterThanOrEqual(pruned.length);
    const { rows } = await testDb.owner.pool.query<{ id: string }>(
      'select id from webhook_delivery where id = any($1::uuid[])',
      [[...kept, ...pruned]],
    );
    expect(rows.map((row) => row.id).sort()).toEqual([...kept].sort());
    // A shorter retention takes the finished ones it now covers, still never the pending ones.
    await pruneWebhookDeliveries(testDb.app, 1);
    const { rows: left } = await testDb.owner.pool.query<{ status: string }>(
      'select status from webhook_delivery where id = any($1::uuid[])',
      [kept],
    );
    expect(left.map((row) => row.status)).toEqual(['pending', 'pending']);
  });
});
