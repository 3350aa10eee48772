import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  confirmCheckout,
  startCheckout,
  syncCatalog,
  type SyncDeps,
  type SyncLimiter,
} from '@plinth/core/billing';
import { entitlements } from '@plinth/core/entitlements';
import { customer } from '@plinth/db';
import { useTestDatabase } from '@plinth/testing';
import { useCoreBilling, workspaceWith } from './core-setup';

const testDb = useTestDatabase();
const billing = useCoreBilling(testDb);

beforeAll(async () => {
  await syncCatalog(billing.deps);
});

/**
 * Deps whose limiter counts the syncs it lets through: syncCustomer() always takes it, and a sync is
 * the only Stripe call confirmCheckout makes, so zero syncs means Stripe was not called.
 */
function counted(): { deps: SyncDeps; syncs: () => number } {
  let syncs = 0;
  const limiter: SyncLimiter = {
    size: 1,
    run: (task) => {
      syncs += 1;
      return billing.deps.syncLimiter.run(task);
    },
  };
  return { deps: { ...billing.deps, syncLimiter: limiter }, syncs: () => syncs };
}

async function paidCheckout() {
  const { workspace, actors } = await workspaceWith(testDb, ['owner', 'member']);
  const started = await startCheckout(billing.deps, actors[0]!, { lookupKey: 'pro_monthly' });
  await billing.fake.completeCheckout(started.sessionId);
  return { workspace, owner: actors[0]!, member: actors[1]!, sessionId: started.sessionId };
}

describe('confirmCheckout (the success page)', () => {
  it('syncs once per Checkout session of this workspace, however fresh the last sync; a reload never', async () => {
    const { workspace, owner, sessionId } = await paidCheckout();
    const { deps, syncs } = counted();
    // A sync a moment ago (a webhook's) does not stop it: the payment may have come after it.
    await testDb.owner.db
      .update(customer)
      .set({ syncedAt: new Date() })
      .where(eq(customer.workspaceId, workspace.id));
    expect(await confirmCheckout(deps, owner, sessionId)).toEqual({ synced: true });
    expect((await entitlements(billing.deps, workspace.id)).plan).toBe('pro');
    // A reload, now or a minute later: the session was confirmed, no second call to Stripe.
    expect(await confirmCheckout(deps, owner, sessionId)).toEqual({ synced: false });
    await testDb.owner.db
      .update(customer)
      .set({ syncedAt: new Date(Date.now() - 60_000) })
      .where(eq(customer.workspaceId, workspace.id));
    expect(await confirmCheckout(deps, owner, sessionId)).toEqual({ synced: false });
    expect(syncs()).toBe(1);
  });

  it('parallel loads of the success page reach Stripe once', async () => {
    const { owner, sessionId } = await paidCheckout();
    const { deps, syncs } = counted();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => confirmCheckout(deps, owner, sessionId)),
    );
    expect(results.filter((r) => r.synced)).toHaveLength(1);
    expect(syncs()).toBe(1);
  });

  it('does not call Stripe without a session id, for an unknown one, or for another workspace’s', async () => {
    const ours = await paidCheckout();
    const theirs = await paidCheckout();
    const { deps, syncs } = counted();
    expect(await confirmCheckout(deps, ours.owner, undefined)).toEqual({ synced: false });
    expect(await confirmCheckout(deps, ours.owner, '')).toEqual({ synced: false });
    expect(await confirmCheckout(deps, ours.owner, 'cs_test_unknown')).toEqual({ synced: false });
    expect(await confirmCheckout(deps, ours.owner, theirs.sessionId)).toEqual({ synced: false });
    expect(syncs()).toBe(0);
    // Neither workspace's plan moved: only their own sync (webhook, own success page) does that.
    expect((await entitlements(billing.deps, ours.workspace.id)).plan).toBe('free');
    expect((await entitlements(billing.deps, theirs.workspace.id)).plan).toBe('free');
  });

  it('a member without billing access is refused', async () => {
    const { member, sessionId } = await paidCheckout();
    await expect(confirmCheckout(counted().deps, member, sessionId)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
