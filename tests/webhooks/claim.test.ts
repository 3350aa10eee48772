import { describe, expect, it } from 'vitest';
import { claimDeliveries, createWebhookEndpoint, sendTestEvent } from '@plinth/core/webhooks';
import { useTestDatabase } from '@plinth/testing';
import { loopbackEgress, secrets, workspaceWithOwner } from './setup';

// The delivery queue's claim (decision 0016), with no worker running: endpoints are taken in turns,
// each endpoint's live leases count against its bound across claims, and a lapsed lease (a worker
// that died) makes its delivery claimable again.
const testDb = useTestDatabase();

describe('claiming due deliveries', () => {
  it('takes endpoints in turns, never more than the bound per endpoint, and re-offers lapsed leases', async () => {
    const { actor } = await workspaceWithOwner(testDb);
    const deps = { database: testDb.app, secrets, egress: loopbackEgress };
    const { endpoint: busy } = await createWebhookEndpoint(deps, actor, { url: 'http://127.0.0.1:9/a' });
    const { endpoint: quiet } = await createWebhookEndpoint(deps, actor, { url: 'http://127.0.0.1:9/b' });
    for (let n = 0; n < 12; n++) await sendTestEvent({ database: testDb.app }, actor, busy.id);
    for (let n = 0; n < 3; n++) await sendTestEvent({ database: testDb.app }, actor, quiet.id);
    const options = { perEndpoint: 4, leaseSeconds: 60 };
    const countBy = (claimed: { endpointId: string }[]) => ({
      busy: claimed.filter((row) => row.endpointId === busy.id).length,
      quiet: claimed.filter((row) => row.endpointId === quiet.id).length,
    });

    // Twelve rows of one endpoint queued first do not crowd out the other's three.
    const first = await claimDeliveries(testDb.app, { ...options, limit: 6 });
    expect(countBy(first)).toEqual({ busy: 3, quiet: 3 });
    expect(
      first.every((row) => row.attempts === 1 && row.endpoint?.url.startsWith('http://127.0.0.1:9/')),
    ).toBe(true);
    // The busy endpoint has 3 live leases of its 4: one more, whatever the limit.
    expect(countBy(await claimDeliveries(testDb.app, { ...options, limit: 10 }))).toEqual({
      busy: 1,
      quiet: 0,
    });
    expect(await claimDeliveries(testDb.app, { ...options, limit: 10 })).toEqual([]);

    // A worker holding one of them dies: once its lease lapses, that delivery is due again, and the
    // endpoint has a free slot for it. (Due before every queued row: the claim takes the oldest due
    // first, and on a busy machine queuing the rows above can take longer than a second.)
    const dead = first.find((row) => row.endpointId === busy.id)!;
    await testDb.owner.pool.query(
      `update webhook_dispatch set lease_until = now() - interval '1 second', due_at = now() - interval '1 day'
       where delivery_id = $1`,
      [dead.id],
    );
    const again = await claimDeliveries(testDb.app, { ...options, limit: 10 });
    expect(again.map((row) => [row.id, row.attempts])).toEqual([[dead.id, 2]]);
    const { rows } = await testDb.owner.pool.query<{ locked: boolean }>(
      'select locked_until > now() as locked from webhook_delivery where id = $1',
      [dead.id],
    );
    expect(rows).toEqual([{ locked: true }]);
  });
});
