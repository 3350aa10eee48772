import { and, eq, notInArray, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import {
  customer,
  entitlement,
  invoice,
  price,
  subscription,
  subscriptionItem,
  withTenant,
  type Entitlement,
  type Executor,
  type TenantTx,
} from '@plinth/db';
import { systemActor } from '../actor/index';
import { AppError } from '../errors/index';
import { emitEvent } from '../events/index';
import { catalog } from './catalog';
import {
  deriveEntitlement,
  sameEntitlement,
  type EntitlementSnapshot,
  type SubscriptionState,
} from './derive-entitlement';
import type { SyncDeps } from './types';

export interface SyncCustomerResult {
  workspaceId: string;
  entitlement: EntitlementSnapshot;
  /** The entitlement differs from what was stored before: callers log it as drift or a change. */
  changed: boolean;
}

/** How many recent invoices a sync mirrors (the billing page shows the last 12). */
const RECENT_INVOICES = 24;

const toDate = (seconds: number | null | undefined): Date | null =>
  seconds === null || seconds === undefined ? null : new Date(seconds * 1000);

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.id;

/**
 * Stripe calls made while a sync holds its connection: fail (and let the caller retry later) well
 * before a hung Stripe could pin the pool — one retry, ten seconds each, instead of the client's
 * defaults.
 */
const SYNC_REQUEST = { timeout: 10_000, maxNetworkRetries: 1 } as const;

/** The advisory lock every writer of one customer's billing state takes (this sync, and only it). */
export const customerLockKey = (stripeCustomerId: string) => `billing:${stripeCustomerId}`;

/**
 * Makes our mirror of one Stripe customer equal to Stripe, and recomputes the workspace's
 * entitlement from it. Every path that learns "something changed" — a webhook, the Checkout success
 * page, reconciliation — calls this and nothing else, so event order and duplicates cannot matter:
 * whatever arrives, the result is Stripe's state at the time of the fetch.
 *
 * Serialized per customer by `pg_advisory_xact_lock`, and the Stripe fetch happens *after* the lock
 * is taken: two concurrent syncs then run one after the other, and the one that commits last also
 * fetched last, so an older view can never overwrite a newer one. The price is one pooled connection
 * held across two Stripe calls (bounded by SYNC_REQUEST's timeout); syncs are per customer and short,
 * which we judged cheaper than a lock-free compare-and-set on Stripe's object versions. How many
 * syncs hold connections at once is bounded per process by `deps.syncLimiter`, taken here.
 *
 * Throws `not_found` when the customer is not in our `customer` table (an event can arrive before
 * the row commits): the webhook worker retries.
 */
export async function syncCustomer(deps: SyncDeps, stripeCustomerId: string): Promise<SyncCustomerResult> {
  return deps.syncLimiter.run(() => syncNow(deps, stripeCustomerId));
}

async function syncNow(deps: SyncDeps, stripeCustomerId: string): Promise<SyncCustomerResult> {
  const [owner] = await deps.database.db
    .select({ workspaceId: customer.workspaceId })
    .from(customer)
    .where(eq(customer.id, stripeCustomerId));
  if (!owner)
    throw new AppError('not_found', `Stripe customer ${stripeCustomerId} is not linked to a workspace.`);
  const { workspaceId } = owner;
  const result = await withTenant(deps.database, workspaceId, systemActor('billing.sync'), async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${customerLockKey(stripeCustomerId)}))`);
    const [subscriptions, invoices] = await Promise.all([
      fetchSubscriptions(deps.stripe, stripeCustomerId),
      deps.stripe.invoices.list({ customer: stripeCustomerId, limit: RECENT_INVOICES }, SYNC_REQUEST),
    ]);
    await mirrorSubscriptions(tx, workspaceId, stripeCustomerId, subscriptions);
    await mirrorInvoices(tx, workspaceId, stripeCustomerId, invoices.data);
    const next = deriveEntitlement(
      subscriptions.map((sub) => subscriptionState(sub, invoices.data)),
      catalog,
      deps.now?.() ?? new Date(),
    );
    const [previousRow] = await tx.select().from(entitlement).where(eq(entitlement.workspaceId, workspaceId));
    const changed = !previousRow || !sameEntitlement(snapshotFromRow(previousRow), next);
    await writeEntitlement(tx, workspaceId, next);
    if (changed) {
      await emitEvent(tx, { workspaceId }, 'subscription.updated', {
        plan: next.plan,
        state: next.state,
        seats: next.seats,
        cancel_at_period_end: next.cancelAtPeriodEnd,
        current_period_end: next.currentPeriodEnd?.toISOString() ?? null,
      });
    }
    await tx.update(customer).set({ syncedAt: new Date() }).where(eq(customer.id, stripeCustomerId));
    return { workspaceId, entitlement: next, changed, prices: pricesOf(subscriptions) };
  });
  // Prices are shared catalog rows, written after the tenant transaction in short statements of
  // their own: concurrent syncs of different customers then never hold price-row locks together.
  for (const stripePrice of result.prices) await mirrorPrice(deps.database.db, stripePrice);
  return { workspaceId, entitlement: result.entitlement, changed: result.changed };
}

function pricesOf(subscriptions: readonly Stripe.Subscription[]): Stripe.Price[] {
  const byId = new Map<string, Stripe.Price>();
  for (const sub of subscriptions) for (const item of sub.items.data) byId.set(item.price.id, item.price);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

async function fetchSubscriptions(stripe: Stripe, stripeCustomerId: string): Promise<Stripe.Subscription[]> {
  const all: Stripe.Subscription[] = [];
  // status 'all' includes canceled ones: a subscription that disappeared from the list is gone.
  for await (const sub of stripe.subscriptions.list(
    { customer: stripeCustomerId, status: 'all', limit: 100, expand: ['data.items.data.price'] },
    SYNC_REQUEST,
  )) {
    all.push(sub);
  }
  return all;
}

/** The subscription's item periods (periods live on items in the current API): the latest end. */
function periodOf(sub: Stripe.Subscription): { start: Date | null; end: Date | null } {
  const items = sub.items.data;
  if (items.length === 0) return { start: null, end: null };
  return {
    start: toDate(Math.min(...items.map((item) => item.current_period_start))),
    end: toDate(Math.max(...items.map((item) => item.current_period_end))),
  };
}

function subscriptionIdOfInvoice(inv: Stripe.Invoice): string | null {
  return idOf(inv.parent?.subscription_details?.subscription ?? null);
}

/** The derivation's view of one Stripe subscription. */
export function subscriptionState(
  sub: Stripe.Subscription,
  invoices: readonly Stripe.Invoice[],
): SubscriptionState {
  const latestInvoiceId = idOf(sub.latest_invoice);
  const open = invoices.filter((inv) => inv.status === 'open' && subscriptionIdOfInvoice(inv) === sub.id);
  const toPay = open.find((inv) => inv.id === latestInvoiceId) ?? open[0];
  return {
    id: sub.id,
    status: sub.status,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    cancelAt: toDate(sub.cancel_at),
    currentPeriodEnd: periodOf(sub).end,
    trialEnd: toDate(sub.trial_end),
    created: toDate(sub.created)!,
    items: sub.items.data.map((item) => ({
      price: { lookupKey: item.price.lookup_key ?? null, metadata: item.price.metadata ?? {} },
      quantity: item.quantity ?? 1,
    })),
    openInvoiceUrl: toPay?.hosted_invoice_url ?? null,
  };
}

async function mirrorSubscriptions(
  tx: TenantTx,
  workspaceId: string,
  stripeCustomerId: string,
  subscriptions: readonly Stripe.Subscription[],
): Promise<void> {
  const itemIds: string[] = [];
  for (const sub of subscriptions) {
    const period = periodOf(sub);
    const values = {
      customerId: stripeCustomerId,
      status: sub.status,
      cancelAtPeriodEnd: sub.cancel_at_period_end,
      cancelAt: toDate(sub.cancel_at),
      canceledAt: toDate(sub.canceled_at),
      endedAt: toDate(sub.ended_at),
      trialStart: toDate(sub.trial_start),
      trialEnd: toDate(sub.trial_end),
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      latestInvoiceId: idOf(sub.latest_invoice),
      metadata: sub.metadata ?? {},
      stripeCreatedAt: toDate(sub.created)!,
    };
    await tx
      .insert(subscription)
      .values({ id: sub.id, workspaceId, ...values })
      .onConflictDoUpdate({ target: subscription.id, set: values });
    for (const item of sub.items.data) {
      itemIds.push(item.id);
      const itemValues = {
        subscriptionId: sub.id,
        priceId: item.price.id,
        quantity: item.quantity ?? 1,
        currentPeriodStart: toDate(item.current_period_start),
        currentPeriodEnd: toDate(item.current_period_end),
      };
      await tx
        .insert(subscriptionItem)
        .values({ id: item.id, workspaceId, ...itemValues })
        .onConflictDoUpdate({ target: subscriptionItem.id, set: itemValues });
    }
  }
  // RLS scopes both deletes to this workspace, which has exactly one customer: whatever Stripe no
  // longer returns (an item removed in the portal, a deleted subscription) leaves the mirror too.
  await tx
    .delete(subscriptionItem)
    .where(itemIds.length > 0 ? notInArray(subscriptionItem.id, itemIds) : sql`true`);
  const subscriptionIds = subscriptions.map((sub) => sub.id);
  await tx
    .delete(subscription)
    .where(
      and(
        eq(subscription.customerId, stripeCustomerId),
        subscriptionIds.length > 0 ? notInArray(subscription.id, subscriptionIds) : sql`true`,
      ),
    );
}

/** A price a subscription uses, mirrored so summaries can show amounts (also old, archived ones). */
export async function mirrorPrice(db: Executor, stripePrice: Stripe.Price): Promise<void> {
  const values = {
    productId: idOf(stripePrice.product)!,
    lookupKey: stripePrice.lookup_key ?? null,
    active: stripePrice.active,
    currency: stripePrice.currency,
    unitAmount: stripePrice.unit_amount ?? null,
    interval: stripePrice.recurring?.interval ?? null,
    intervalCount: stripePrice.recurring?.interval_count ?? null,
    metadata: stripePrice.metadata ?? {},
  };
  // A key moved to a new price (transfer_lookup_key) is released by the old row first, so the
  // partial unique index on lookup_key never sees two holders.
  if (values.lookupKey) {
    await db
      .update(price)
      .set({ lookupKey: null })
      .where(and(eq(price.lookupKey, values.lookupKey), sql`${price.id} <> ${stripePrice.id}`));
  }
  await db
    .insert(price)
    .values({ id: stripePrice.id, ...values })
    .onConflictDoUpdate({ target: price.id, set: values });
}

async function mirrorInvoices(
  tx: TenantTx,
  workspaceId: string,
  stripeCustomerId: string,
  invoices: readonly Stripe.Invoice[],
): Promise<void> {
  for (const inv of invoices) {
    if (!inv.id) continue;
    const values = {
      customerId: stripeCustomerId,
      subscriptionId: subscriptionIdOfInvoice(inv),
      status: inv.status ?? null,
      number: inv.number ?? null,
      currency: inv.currency,
      amountDue: inv.amount_due,
      amountPaid: inv.amount_paid,
      amountRemaining: inv.amount_remaining,
      total: inv.total,
      hostedInvoiceUrl: inv.hosted_invoice_url ?? null,
      invoicePdf: inv.invoice_pdf ?? null,
      attemptCount: inv.attempt_count,
      nextPaymentAttempt: toDate(inv.next_payment_attempt),
      periodStart: toDate(inv.period_start),
      periodEnd: toDate(inv.period_end),
      dueDate: toDate(inv.due_date),
      stripeCreatedAt: toDate(inv.created)!,
    };
    await tx
      .insert(invoice)
      .values({ id: inv.id, workspaceId, ...values })
      .onConflictDoUpdate({ target: invoice.id, set: values });
  }
}

/** Upserts the workspace's one entitlement row; `tx` must be inside that workspace's tenant. */
export async function writeEntitlement(
  tx: Executor,
  workspaceId: string,
  next: EntitlementSnapshot,
): Promise<void> {
  const values = {
    plan: next.plan,
    state: next.state,
    subscriptionStatus: next.subscriptionStatus,
    subscriptionId: next.subscriptionId,
    features: next.features,
    limits: { ...next.limits },
    seats: next.seats,
    trialEnd: next.trialEnd,
    currentPeriodEnd: next.currentPeriodEnd,
    cancelAtPeriodEnd: next.cancelAtPeriodEnd,
    accessEndsAt: next.accessEndsAt,
    pastDueInvoiceUrl: next.pastDueInvoiceUrl,
    computedAt: new Date(),
  };
  await tx
    .insert(entitlement)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: entitlement.workspaceId, set: values });
}

/** The stored row as a snapshot; limits missing from an old row come from the catalog. */
export function snapshotFromRow(row: Entitlement): EntitlementSnapshot {
  const plan =
    row.plan in catalog.plans ? catalog.plans[row.plan as keyof typeof catalog.plans] : catalog.plans.free;
  return {
    plan: plan.key,
    state: (['active', 'trialing', 'grace', 'free'] as const).find((state) => state === row.state) ?? 'free',
    subscriptionStatus: row.subscriptionStatus,
    subscriptionId: row.subscriptionId,
    features: row.features,
    limits: {
      members: row.limits.members ?? plan.limits.members,
      projects: row.limits.projects ?? plan.limits.projects,
      storageBytes: row.limits.storageBytes ?? plan.limits.storageBytes,
    },
    seats: row.seats,
    trialEnd: row.trialEnd,
    currentPeriodEnd: row.currentPeriodEnd,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    // A row written before access_ends_at existed: its cancellation was at the period end.
    accessEndsAt: row.accessEndsAt ?? (row.cancelAtPeriodEnd ? row.currentPeriodEnd : null),
    pastDueInvoiceUrl: row.pastDueInvoiceUrl,
  };
}
