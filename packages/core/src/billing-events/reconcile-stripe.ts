import { asc, eq, gt } from 'drizzle-orm';
import type Stripe from 'stripe';
import { billingState, customer, entitlement, withTenant } from '@plinth/db';
import { systemActor } from '../actor/index';
import { syncCustomer as defaultSyncCustomer } from '../billing/index';
import { isForeignCustomer } from './foreign-customers';
import { customerIdOf } from './handled-events';
import { ingestStripeEvent, queueStripeEvent } from './ingest-stripe-event';
import type { BillingEventsDeps } from './types';

/** billing_state key of the newest event reconciliation has seen: `{ created, id }`. */
export const EVENTS_CURSOR_KEY = 'events_cursor';
/** Events are re-read this far behind the cursor: same-second events, clock skew. Sync is idempotent. */
const OVERLAP_SECONDS = 5;
/** A pending row never attempted this long after it arrived has lost its job. */
const STALLED_AFTER_SECONDS = 120;

export interface EventsCursor {
  created: number;
  id: string;
}

export interface ReconcileReport {
  /** Events read from /v1/events. */
  events: number;
  /** Of those, events the inbox had never received (dropped deliveries), now queued. */
  recovered: number;
  /** Customers re-synced, and how many of them had drifted. */
  customers: number;
  changed: number;
  /** Customers whose sync failed (logged; their events stay in the inbox and retry). */
  failed: number;
  /** Customers named by events that were never ours (another system on the account): skipped. */
  foreign: number;
  /** Pending inbox rows no job had picked up for minutes, queued again (a job lost in a crash). */
  requeued: number;
  cursor: EventsCursor | null;
}

/**
 * Repairs what webhooks missed: walks /v1/events since the stored cursor, puts every event the inbox
 * lacks into it (so a dropped delivery still gets its side effect, once), re-syncs each customer
 * named, then stores the newest event as the cursor. With `allCustomers`, then re-syncs every
 * customer we know too (the slow, periodic pass). Drift is logged at warn.
 */
export async function reconcileStripe(
  deps: BillingEventsDeps,
  options: { allCustomers?: boolean } = {},
): Promise<ReconcileReport> {
  const cursor = await readCursor(deps);
  let newest = cursor;
  let events = 0;
  let recovered = 0;
  const customers = new Set<string>();
  const seen: Stripe.Event[] = [];
  const params: Stripe.EventListParams = { limit: 100 };
  if (cursor) params.created = { gt: Math.max(0, cursor.created - OVERLAP_SECONDS) };
  // Held in memory until the syncs are done: a run covers ten minutes of events (the first run, at
  // most Stripe's 30 days of them).
  for await (const event of deps.stripe.events.list(params)) {
    seen.push(event);
    const customerId = customerIdOf(event);
    if (customerId) customers.add(customerId);
    if (!newest || event.created > newest.created) newest = { created: event.created, id: event.id };
  }
  if (options.allCustomers) for (const id of await allCustomerIds(deps)) customers.add(id);
  // Sync first, then fill the inbox: the drift this run finds is what webhooks missed, not what
  // the worker did meanwhile with the events this run handed it.
  const outcome = await syncAll(deps, [...customers]);
  for (const event of seen.reverse()) {
    events += 1;
    if ((await ingestStripeEvent(deps, event)).inserted) recovered += 1;
  }
  if (newest && newest !== cursor) await writeCursor(deps, newest);
  const requeued = await requeueStalledEvents(deps);
  const report = { events, recovered, ...outcome, requeued, cursor: newest };
  deps.logger.info({ ...report }, 'stripe reconciliation done');
  return report;
}

/**
 * The inbox's safety net: a row still pending, never attempted, minutes after it arrived, lost its
 * job (the process died between the insert and the send). Sending again is a no-op for a row whose
 * job exists, because the job id derives from the event id.
 */
async function requeueStalledEvents(deps: BillingEventsDeps): Promise<number> {
  const { rows } = await deps.database.pool.query<{ id: string }>(
    `select id from webhook_event
     where status = 'pending' and attempts = 0 and received_at < now() - make_interval(secs => $1)
     order by received_at limit 1000`,
    [STALLED_AFTER_SECONDS],
  );
  let requeued = 0;
  for (const row of rows) if (await queueStripeEvent(deps, row.id)) requeued += 1;
  if (requeued > 0) deps.logger.warn({ requeued }, 'queued inbox events whose job was missing');
  return requeued;
}

async function readCursor(deps: BillingEventsDeps): Promise<EventsCursor | null> {
  const [row] = await deps.database.db
    .select({ value: billingState.value })
    .from(billingState)
    .where(eq(billingState.key, EVENTS_CURSOR_KEY));
  const value = row?.value as Partial<EventsCursor> | undefined;
  return typeof value?.created === 'number' && typeof value.id === 'string'
    ? { created: value.created, id: value.id }
    : null;
}

async function writeCursor(deps: BillingEventsDeps, cursor: EventsCursor): Promise<void> {
  await deps.database.db
    .insert(billingState)
    .values({ key: EVENTS_CURSOR_KEY, value: { ...cursor } })
    .onConflictDoUpdate({ target: billingState.key, set: { value: { ...cursor }, updatedAt: new Date() } });
}

/**
 * Every customer we know, in pages. The mirror's subscriptions sit behind row-level security per
 * workspace, so "customers with a live subscription" would cost a tenant transaction each; a sync
 * per customer costs about the same and also catches a subscription we never heard of.
 */
async function allCustomerIds(deps: BillingEventsDeps): Promise<string[]> {
  const ids: string[] = [];
  let after = '';
  for (;;) {
    const page = await deps.database.db
      .select({ id: customer.id })
      .from(customer)
      .where(gt(customer.id, after))
      .orderBy(asc(customer.id))
      .limit(500);
    ids.push(...page.map((row) => row.id));
    if (page.length < 500) return ids;
    after = page.at(-1)!.id;
  }
}

async function syncAll(
  deps: BillingEventsDeps,
  customerIds: readonly string[],
): Promise<{ customers: number; changed: number; failed: number; foreign: number }> {
  let changed = 0;
  let failed = 0;
  let foreign = 0;
  let next = 0;
  const worker = async () => {
    while (next < customerIds.length) {
      const customerId = customerIds[next++]!;
      try {
        if (await syncWithDriftLog(deps, customerId)) changed += 1;
      } catch (error) {
        if (await isForeignCustomer(deps, customerId, error)) {
          foreign += 1;
          deps.logger.debug({ customer: customerId }, 'reconciliation skipped a foreign customer');
          continue;
        }
        failed += 1;
        deps.logger.warn({ err: error, customer: customerId }, 'reconciliation could not sync a customer');
      }
    }
  };
  // As many at once as the process's sync limiter lets run (more would only queue there).
  await Promise.all(Array.from({ length: Math.min(deps.syncLimiter.size, customerIds.length) }, worker));
  return { customers: customerIds.length, changed, failed, foreign };
}

/** Syncs one customer; when its entitlement changed, logs before and after at warn (drift). */
async function syncWithDriftLog(deps: BillingEventsDeps, customerId: string): Promise<boolean> {
  const before = await currentEntitlement(deps, customerId);
  const result = await (deps.syncCustomer ?? defaultSyncCustomer)(deps, customerId);
  if (!result.changed) return false;
  deps.logger.warn(
    {
      customer: customerId,
      workspace_id: result.workspaceId,
      before: before ?? { plan: 'free', state: 'free', seats: null },
      after: {
        plan: result.entitlement.plan,
        state: result.entitlement.state,
        seats: result.entitlement.seats,
        subscription_status: result.entitlement.subscriptionStatus,
      },
    },
    'billing drift: reconciliation changed an entitlement',
  );
  return true;
}

async function currentEntitlement(deps: BillingEventsDeps, customerId: string) {
  const [owner] = await deps.database.db
    .select({ workspaceId: customer.workspaceId })
    .from(customer)
    .where(eq(customer.id, customerId));
  if (!owner) return undefined;
  return withTenant(deps.database, owner.workspaceId, systemActor('billing.reconcile'), async (tx) => {
    const [row] = await tx
      .select({
        plan: entitlement.plan,
        state: entitlement.state,
        seats: entitlement.seats,
        subscription_status: entitlement.subscriptionStatus,
      })
      .from(entitlement)
      .where(eq(entitlement.workspaceId, owner.workspaceId));
    return row;
  });
}
