import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createSyncLimiter,
  ensureCustomer,
  syncCatalog,
  syncCustomer,
  type SyncDeps,
} from '@plinth/core/billing';
import { useTestDatabase } from '@plinth/testing';
import { useCoreBilling, workspaceWith } from './core-setup';

const testDb = useTestDatabase();
const billing = useCoreBilling(testDb);

beforeAll(async () => {
  await syncCatalog(billing.deps);
});

/**
 * A Stripe client whose invoices.list (one call per sync, made while the sync holds its pooled
 * connection) records how many run at once. Each call waits, up to a second, for a second one
 * to arrive: two syncs free to overlap then always do, and a limiter that keeps them apart shows.
 */
function instrumented(stripe: Stripe) {
  let inFlight = 0;
  let most = 0;
  let arrived: (() => void) | undefined;
  const invoices = Object.create(stripe.invoices) as Stripe['invoices'];
  invoices.list = (async (...args: Parameters<Stripe['invoices']['list']>) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    arrived?.();
    if (inFlight === 1) {
      await new Promise<void>((resolve) => {
        arrived = resolve;
        setTimeout(resolve, 1_000);
      });
    }
    arrived = undefined;
    try {
      return await stripe.invoices.list(...args);
    } finally {
      inFlight -= 1;
    }
  }) as Stripe['invoices']['list'];
  const client = Object.create(stripe) as Stripe;
  Object.defineProperty(client, 'invoices', { value: invoices });
  return { client, most: () => most };
}

async function twoCustomers(): Promise<[string, string]> {
  const ids: string[] = [];
  for (let n = 0; n < 2; n++) {
    const { actors } = await workspaceWith(testDb);
    ids.push(await ensureCustomer(billing.deps, actors[0]!));
  }
  return [ids[0]!, ids[1]!];
}

describe('the sync limiter', () => {
  it('with one slot, two concurrent syncs of different customers never overlap', async () => {
    const [a, b] = await twoCustomers();
    const stripe = instrumented(billing.deps.stripe);
    const deps: SyncDeps = { ...billing.deps, stripe: stripe.client, syncLimiter: createSyncLimiter(1) };
    const results = await Promise.all([syncCustomer(deps, a), syncCustomer(deps, b)]);
    expect(results.map((result) => result.entitlement.plan)).toEqual(['free', 'free']);
    expect(stripe.most()).toBe(1);
  });

  it('with two slots they do overlap (the probe sees concurrency when there is some)', async () => {
    const [a, b] = await twoCustomers();
    const stripe = instrumented(billing.deps.stripe);
    const deps: SyncDeps = { ...billing.deps, stripe: stripe.client, syncLimiter: createSyncLimiter(2) };
    await Promise.all([syncCustomer(deps, a), syncCustomer(deps, b)]);
    expect(stripe.most()).toBe(2);
  });
});
