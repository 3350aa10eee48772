import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { catalog, syncCatalog, PORTAL_CONFIGURATION_STATE, type Catalog } from '@plinth/core/billing';
import { billingState, price, product } from '@plinth/db';
import { useTestDatabase } from '@plinth/testing';
import { useCoreBilling } from './core-setup';

const testDb = useTestDatabase();
const billing = useCoreBilling(testDb);

const lookupKeys = ['pro_monthly', 'pro_yearly', 'team_monthly', 'team_yearly'];

async function stripeCatalog() {
  const products = (await billing.fake.stripe.products.list({ limit: 100 })).data;
  const prices = (await billing.fake.stripe.prices.list({ limit: 100 })).data;
  return { products, prices };
}

describe('billing:sync', () => {
  it('creates the products, prices and portal once; a second run creates nothing', async () => {
    const first = await syncCatalog(billing.deps);
    expect(first.products.created.sort()).toEqual(['pro', 'team']);
    expect(first.prices.created.sort()).toEqual([...lookupKeys].sort());
    expect(first.portalConfiguration.action).toBe('created');
    const afterFirst = await stripeCatalog();
    expect(afterFirst.products).toHaveLength(2);
    expect(afterFirst.prices).toHaveLength(4);
    const proMonthly = afterFirst.prices.find((p) => p.lookup_key === 'pro_monthly')!;
    expect(proMonthly).toMatchObject({
      unit_amount: catalog.plans.pro.prices!.monthly.unitAmount,
      currency: 'usd',
      recurring: { interval: 'month' },
      metadata: { plinth_plan: 'pro' },
    });

    const second = await syncCatalog(billing.deps);
    expect(second.products).toEqual({ created: [], updated: [], unchanged: ['pro', 'team'] });
    expect(second.prices.created).toEqual([]);
    expect(second.prices.replaced).toEqual([]);
    expect(second.portalConfiguration).toEqual({ id: first.portalConfiguration.id, action: 'unchanged' });
    const afterSecond = await stripeCatalog();
    expect(afterSecond.products.map((p) => p.id).sort()).toEqual(afterFirst.products.map((p) => p.id).sort());
    expect(afterSecond.prices.map((p) => p.id).sort()).toEqual(afterFirst.prices.map((p) => p.id).sort());

    // Mirrored locally: four prices by lookup key, two products, the portal configuration remembered.
    const mirrored = await testDb.app.db.select().from(price);
    expect(mirrored.map((row) => row.lookupKey).sort()).toEqual([...lookupKeys].sort());
    expect(await testDb.app.db.select().from(product)).toHaveLength(2);
    const [portal] = await testDb.app.db
      .select()
      .from(billingState)
      .where(eq(billingState.key, PORTAL_CONFIGURATION_STATE));
    expect(portal!.value.id).toBe(first.portalConfiguration.id);
    const configuration = await billing.fake.stripe.billingPortal.configurations.retrieve(
      first.portalConfiguration.id,
    );
    expect(configuration.features.subscription_update.enabled).toBe(true);
    expect(configuration.features.subscription_cancel).toMatchObject({
      enabled: true,
      mode: 'at_period_end',
    });
  });

  it('a changed amount creates a new price that takes over the lookup key and archives the old one', async () => {
    await syncCatalog(billing.deps);
    const before = (await billing.fake.stripe.prices.list({ lookup_keys: ['pro_monthly'] })).data[0]!;
    const changed: Catalog = structuredClone(catalog);
    changed.plans.pro.prices!.monthly.unitAmount = 2900;

    const result = await syncCatalog(billing.deps, changed);
    expect(result.prices.replaced).toEqual(['pro_monthly']);
    expect(result.prices.unchanged.sort()).toEqual(['pro_yearly', 'team_monthly', 'team_yearly']);
    expect(result.portalConfiguration.action).toBe('updated');

    const now = (await billing.fake.stripe.prices.list({ lookup_keys: ['pro_monthly'] })).data;
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(before.id);
    expect(now[0]!.unit_amount).toBe(2900);
    const old = await billing.fake.stripe.prices.retrieve(before.id);
    expect(old).toMatchObject({ active: false, lookup_key: null, unit_amount: before.unit_amount });

    const [mirrorNew] = await testDb.app.db.select().from(price).where(eq(price.lookupKey, 'pro_monthly'));
    expect(mirrorNew).toMatchObject({ id: now[0]!.id, unitAmount: 2900, active: true });
    const [mirrorOld] = await testDb.app.db.select().from(price).where(eq(price.id, before.id));
    expect(mirrorOld).toMatchObject({ active: false, lookupKey: null });

    // And the changed catalog is now in place: running it again changes nothing.
    const again = await syncCatalog(billing.deps, changed);
    expect(again.prices.replaced).toEqual([]);
    expect(again.prices.created).toEqual([]);
    expect(again.portalConfiguration.action).toBe('unchanged');
  });
});
