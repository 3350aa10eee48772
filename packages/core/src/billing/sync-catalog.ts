import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { billingState, product } from '@plinth/db';
import { catalog as defaultCatalog, catalogPrices, type Catalog, type Plan, type PlanPrice } from './catalog';
import { PORTAL_CONFIGURATION_STATE } from './portal';
import { mirrorPrice } from './sync-customer';
import type { BillingLinkDeps } from './types';

export interface SyncCatalogResult {
  products: { created: string[]; updated: string[]; unchanged: string[] };
  /** By lookup key; `replaced` got a new price (amount or interval changed) and the old one archived. */
  prices: { created: string[]; replaced: string[]; unchanged: string[] };
  portalConfiguration: { id: string; action: 'created' | 'updated' | 'unchanged' };
}

/**
 * Makes Stripe's products, prices and billing portal configuration match the catalog, and mirrors
 * them locally. Idempotent: prices are found by `lookup_key`, products by the plan named in their
 * metadata, so a second run changes nothing. Stripe prices are immutable: when an amount or
 * interval changes, a new price takes over the lookup key (`transfer_lookup_key`) and the old one
 * is archived — existing subscribers stay on the old price until they change plan.
 */
export async function syncCatalog(
  deps: Omit<BillingLinkDeps, 'now'>,
  source: Catalog = defaultCatalog,
): Promise<SyncCatalogResult> {
  const result: SyncCatalogResult = {
    products: { created: [], updated: [], unchanged: [] },
    prices: { created: [], replaced: [], unchanged: [] },
    portalConfiguration: { id: '', action: 'unchanged' },
  };
  const paidPlans = Object.values(source.plans).filter((plan) => plan.prices !== null);
  const products = new Map<string, Stripe.Product>();
  const existingProducts = await listOurProducts(deps.stripe, source);
  for (const plan of paidPlans) {
    products.set(plan.key, await syncProduct(deps, source, plan, existingProducts.get(plan.key), result));
  }

  const entries = catalogPrices(source);
  const existingPrices = new Map<string, Stripe.Price>();
  const found = await deps.stripe.prices.list({
    lookup_keys: entries.map((entry) => entry.price.lookupKey),
    limit: 100,
  });
  for (const stripePrice of found.data) {
    if (stripePrice.lookup_key) existingPrices.set(stripePrice.lookup_key, stripePrice);
  }
  const prices = new Map<string, Stripe.Price>();
  for (const { plan, price } of entries) {
    const productId = products.get(plan.key)!.id;
    prices.set(
      price.lookupKey,
      await syncPrice(deps, source, plan, price, productId, existingPrices.get(price.lookupKey), result),
    );
  }

  result.portalConfiguration = await syncPortalConfiguration(deps, paidPlans, products, prices);
  return result;
}

async function listOurProducts(stripe: Stripe, source: Catalog): Promise<Map<string, Stripe.Product>> {
  const ours = new Map<string, Stripe.Product>();
  for await (const item of stripe.products.list({ limit: 100 })) {
    const plan = item.metadata?.[source.planMetadataKey];
    // Prefer an active product when an old archived one names the same plan.
    if (plan && (!ours.has(plan) || (item.active && !ours.get(plan)!.active))) ours.set(plan, item);
  }
  return ours;
}

async function syncProduct(
  deps: Omit<BillingLinkDeps, 'now'>,
  source: Catalog,
  plan: Plan,
  existing: Stripe.Product | undefined,
  result: SyncCatalogResult,
): Promise<Stripe.Product> {
  const wanted = { name: plan.name, description: plan.description };
  let current: Stripe.Product;
  if (!existing) {
    current = await deps.stripe.products.create(
      { ...wanted, metadata: { [source.planMetadataKey]: plan.key } },
      { idempotencyKey: `plinth-product-${plan.key}-${fingerprint(wanted)}` },
    );
    result.products.created.push(plan.key);
  } else if (
    existing.name !== wanted.name ||
    existing.description !== wanted.description ||
    !existing.active
  ) {
    current = await deps.stripe.products.update(existing.id, { ...wanted, active: true });
    result.products.updated.push(plan.key);
  } else {
    current = existing;
    result.products.unchanged.push(plan.key);
  }
  const values = {
    name: current.name,
    description: current.description ?? null,
    active: current.active,
    metadata: current.metadata ?? {},
  };
  await deps.database.db
    .insert(product)
    .values({ id: current.id, ...values })
    .onConflictDoUpdate({ target: product.id, set: values });
  return current;
}

async function syncPrice(
  deps: Omit<BillingLinkDeps, 'now'>,
  source: Catalog,
  plan: Plan,
  wanted: PlanPrice,
  productId: string,
  existing: Stripe.Price | undefined,
  result: SyncCatalogResult,
): Promise<Stripe.Price> {
  const matches =
    existing &&
    existing.unit_amount === wanted.unitAmount &&
    existing.currency === wanted.currency &&
    existing.recurring?.interval === wanted.interval &&
    (existing.recurring?.interval_count ?? 1) === 1 &&
    (typeof existing.product === 'string' ? existing.product : existing.product.id) === productId;
  if (existing && matches) {
    const current = existing.active
      ? existing
      : await deps.stripe.prices.update(existing.id, { active: true });
    await mirrorPrice(deps.database.db, current);
    result.prices.unchanged.push(wanted.lookupKey);
    return current;
  }
  const params: Stripe.PriceCreateParams = {
    product: productId,
    currency: wanted.currency,
    unit_amount: wanted.unitAmount,
    recurring: { interval: wanted.interval, interval_count: 1 },
    lookup_key: wanted.lookupKey,
    // Takes the key from the price it replaces in the same call: there is never a moment without it.
    transfer_lookup_key: true,
    nickname: `${plan.name} ${wanted.interval === 'month' ? 'monthly' : 'yearly'}`,
    metadata: { [source.planMetadataKey]: plan.key, lookup_key: wanted.lookupKey },
  };
  const created = await deps.stripe.prices.create(params, {
    idempotencyKey: `plinth-price-${wanted.lookupKey}-${fingerprint(params)}-${existing?.id ?? 'first'}`,
  });
  if (existing) {
    const archived = await deps.stripe.prices.update(existing.id, { active: false });
    await mirrorPrice(deps.database.db, { ...archived, lookup_key: null });
    result.prices.replaced.push(wanted.lookupKey);
  } else {
    result.prices.created.push(wanted.lookupKey);
  }
  await mirrorPrice(deps.database.db, created);
  return created;
}

/**
 * The portal configuration billing:sync owns, remembered in billing_state with a fingerprint of
 * what it last sent: unchanged catalog → no call; changed → update in place; gone at Stripe → new.
 */
async function syncPortalConfiguration(
  deps: Omit<BillingLinkDeps, 'now'>,
  paidPlans: readonly Plan[],
  products: ReadonlyMap<string, Stripe.Product>,
  prices: ReadonlyMap<string, Stripe.Price>,
): Promise<SyncCatalogResult['portalConfiguration']> {
  const params = portalParams(deps.appUrl, paidPlans, products, prices);
  const wantedFingerprint = fingerprint(params);
  const [state] = await deps.database.db
    .select({ value: billingState.value })
    .from(billingState)
    .where(eq(billingState.key, PORTAL_CONFIGURATION_STATE));
  const storedId = typeof state?.value.id === 'string' ? state.value.id : undefined;
  let id: string;
  let action: 'created' | 'updated' | 'unchanged';
  if (storedId && state?.value.fingerprint === wantedFingerprint) {
    id = storedId;
    action = 'unchanged';
  } else if (storedId && (await portalConfigurationExists(deps.stripe, storedId))) {
    id = (await deps.stripe.billingPortal.configurations.update(storedId, { ...params, active: true })).id;
    action = 'updated';
  } else {
    id = (
      await deps.stripe.billingPortal.configurations.create(params, {
        idempotencyKey: `plinth-portal-${wantedFingerprint}`,
      })
    ).id;
    action = 'created';
  }
  const value = { id, fingerprint: wantedFingerprint };
  await deps.database.db
    .insert(billingState)
    .values({ key: PORTAL_CONFIGURATION_STATE, value })
    .onConflictDoUpdate({ target: billingState.key, set: { value } });
  return { id, action };
}

async function portalConfigurationExists(stripe: Stripe, id: string): Promise<boolean> {
  try {
    await stripe.billingPortal.configurations.retrieve(id);
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

function portalParams(
  appUrl: string,
  paidPlans: readonly Plan[],
  products: ReadonlyMap<string, Stripe.Product>,
  prices: ReadonlyMap<string, Stripe.Price>,
): Stripe.BillingPortal.ConfigurationCreateParams {
  return {
    business_profile: { headline: 'Manage your Plinth subscription' },
    default_return_url: appUrl,
    features: {
      customer_update: { enabled: true, allowed_updates: ['email', 'name', 'address', 'tax_id'] },
      invoice_history: { enabled: true },
      payment_method_update: { enabled: true },
      subscription_cancel: { enabled: true, mode: 'at_period_end', proration_behavior: 'none' },
      subscription_update: {
        enabled: true,
        default_allowed_updates: ['price', 'quantity'],
        proration_behavior: 'create_prorations',
        // Downgrades (and yearly → monthly) take effect when the paid period ends.
        schedule_at_period_end: {
          conditions: [{ type: 'decreasing_item_amount' }, { type: 'shortening_interval' }],
        },
        products: paidPlans.map((plan) => ({
          product: products.get(plan.key)!.id,
          prices: [plan.prices!.monthly, plan.prices!.yearly].map((entry) => prices.get(entry.lookupKey)!.id),
          adjustable_quantity: plan.seatBased
            ? { enabled: true, minimum: 1, maximum: plan.limits.members }
            : { enabled: false },
        })),
      },
    },
    metadata: { managed_by: 'plinth billing:sync' },
  };
}

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
