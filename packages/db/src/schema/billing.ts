import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id } from './columns';
import { tenantTable } from './tenant-table';
import { workspace } from './workspace';

/**
 * Billing mirror (docs/architecture.md §5). Stripe is the source of truth; these rows are what
 * syncCustomer() last read from it. Stripe's own ids are the primary keys, so a re-sync is an
 * upsert by id and can never create a second row for one Stripe object.
 *
 * `customer` and the catalog (`product`, `price`) are routing/global tables without RLS: the webhook
 * worker must find the workspace of a Stripe customer before it can enter that tenant. Everything
 * that belongs to one workspace's account (subscriptions, items, invoices, checkout sessions,
 * entitlement) is a tenant table under RLS.
 */
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => new Date());
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The staff numbers (MRR, churn, trials: packages/core/src/staff-console/numbers.ts) read the
 * subscription mirror of every workspace at once, in a read-only transaction that set the
 * transaction-local `app.staff_read` (withStaffRead). SELECT only: nothing writes across tenants.
 */
const staffRead = (name: string) =>
  pgPolicy(`${name}_staff_read`, {
    as: 'permissive',
    for: 'select',
    to: 'public',
    using: sql`current_setting('app.staff_read', true) = 'on'`,
  });

/** One Stripe customer per workspace, created before the first Checkout. */
export const customer = pgTable(
  'customer',
  {
    /** Stripe's `cus_…`. */
    id: text('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    email: text('email'),
    livemode: boolean('livemode').notNull().default(false),
    /** When syncCustomer() last completed for this customer. */
    syncedAt: at('synced_at'),
    /**
     * The nonce of the last billing portal session opened for this customer: its return link carries
     * it, and the billing page syncs once for it (the first load that presents it clears it).
     */
    portalVisit: text('portal_visit'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('customer_workspace_id_key').on(t.workspaceId)],
);

export const product = pgTable('product', {
  /** Stripe's `prod_…`. */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  active: boolean('active').notNull(),
  metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
  updatedAt: updatedAt(),
});

export const price = pgTable(
  'price',
  {
    /** Stripe's `price_…`. */
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    /** How code names a price (`pro_monthly`); never a price id in env or code. */
    lookupKey: text('lookup_key'),
    active: boolean('active').notNull(),
    currency: text('currency').notNull(),
    unitAmount: bigint('unit_amount', { mode: 'number' }),
    /** `month` | `year`; null for one-off prices. */
    interval: text('interval'),
    intervalCount: integer('interval_count'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('price_lookup_key_key')
      .on(t.lookupKey)
      .where(sql`${t.lookupKey} is not null`),
  ],
);

export const subscription = tenantTable(
  'subscription',
  {
    /** Stripe's `sub_…`. */
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    /** Stripe's status: trialing, active, past_due, unpaid, paused, incomplete, incomplete_expired, canceled. */
    status: text('status').notNull(),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    cancelAt: at('cancel_at'),
    canceledAt: at('canceled_at'),
    endedAt: at('ended_at'),
    trialStart: at('trial_start'),
    trialEnd: at('trial_end'),
    /** The period of the subscription's items (periods live on items in the current API). */
    currentPeriodStart: at('current_period_start'),
    currentPeriodEnd: at('current_period_end'),
    latestInvoiceId: text('latest_invoice_id'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    stripeCreatedAt: at('stripe_created_at').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [index('subscription_customer_id_idx').on(t.customerId), staffRead('subscription')],
);

export const subscriptionItem = tenantTable(
  'subscription_item',
  {
    /** Stripe's `si_…`. */
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id').notNull(),
    priceId: text('price_id').notNull(),
    /** Seats, for seat-based prices; 1 otherwise. */
    quantity: integer('quantity').notNull().default(1),
    currentPeriodStart: at('current_period_start'),
    currentPeriodEnd: at('current_period_end'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('subscription_item_subscription_id_idx').on(t.subscriptionId),
    staffRead('subscription_item'),
  ],
);

export const invoice = tenantTable(
  'invoice',
  {
    /** Stripe's `in_…`. */
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    subscriptionId: text('subscription_id'),
    /** draft, open, paid, uncollectible, void. */
    status: text('status'),
    number: text('number'),
    currency: text('currency').notNull(),
    amountDue: bigint('amount_due', { mode: 'number' }).notNull(),
    amountPaid: bigint('amount_paid', { mode: 'number' }).notNull(),
    amountRemaining: bigint('amount_remaining', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    hostedInvoiceUrl: text('hosted_invoice_url'),
    invoicePdf: text('invoice_pdf'),
    attemptCount: integer('attempt_count').notNull().default(0),
    nextPaymentAttempt: at('next_payment_attempt'),
    periodStart: at('period_start'),
    periodEnd: at('period_end'),
    dueDate: at('due_date'),
    stripeCreatedAt: at('stripe_created_at').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [index('invoice_workspace_id_created_idx').on(t.workspaceId, t.stripeCreatedAt)],
);

/** Checkout sessions we opened, so a repeated Upgrade click reuses the open one. */
export const checkoutSession = tenantTable('checkout_session', {
  /** Stripe's `cs_…`. */
  id: text('id').primaryKey(),
  customerId: text('customer_id').notNull(),
  /** The price lookup key and quantity the session was opened for. */
  lookupKey: text('lookup_key').notNull(),
  quantity: integer('quantity').notNull().default(1),
  url: text('url'),
  /** open, complete, expired. */
  status: text('status').notNull(),
  expiresAt: at('expires_at').notNull(),
  /**
   * When Checkout's success page synced for this session: once, claimed in one UPDATE, so parallel
   * loads make one Stripe round trip and a reload none.
   */
  confirmedAt: at('confirmed_at'),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: updatedAt(),
});

/**
 * What a workspace may do now, derived by one function from its synced subscription state. One row
 * per workspace; a workspace without a row is on the free plan.
 */
export const entitlement = tenantTable(
  'entitlement',
  {
    id: id(),
    /** Catalog plan key: free, pro, team… */
    plan: text('plan').notNull(),
    /** Access state: active, trialing, grace (past_due), free. */
    state: text('state').notNull(),
    /** The Stripe subscription status it was derived from, if any. */
    subscriptionStatus: text('subscription_status'),
    subscriptionId: text('subscription_id'),
    features: jsonb('features').$type<string[]>().notNull().default([]),
    limits: jsonb('limits').$type<Record<string, number>>().notNull().default({}),
    /** Paid seats (subscription item quantity) for seat-based plans. */
    seats: integer('seats'),
    trialEnd: at('trial_end'),
    currentPeriodEnd: at('current_period_end'),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    /**
     * When a scheduled cancellation ends access (Stripe's cancel_at, else the period end of a
     * cancel-at-period-end): reads past it apply the free plan before the sync that records it.
     */
    accessEndsAt: at('access_ends_at'),
    /** For past_due: the hosted page of the invoice to pay. */
    pastDueInvoiceUrl: text('past_due_invoice_url'),
    computedAt: at('computed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('entitlement_workspace_id_key').on(t.workspaceId)],
);

/**
 * A plan (and optionally limits) granted by staff until `expires_at`, with the reason (a sales deal,
 * a pilot): entitlements apply it over what Stripe says until it expires, then Stripe's truth again
 * (docs/decisions/0032). One per workspace; replaced when set again, deleted when cleared.
 */
export const planOverride = tenantTable(
  'plan_override',
  {
    id: id(),
    plan: text('plan').notNull(),
    /** Limits beyond the plan's own (null: the plan's). */
    members: integer('members'),
    projects: integer('projects'),
    storageBytes: bigint('storage_bytes', { mode: 'number' }),
    reason: text('reason').notNull(),
    expiresAt: at('expires_at').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_override_workspace_id_key').on(t.workspaceId)],
);

export type PlanOverrideRow = typeof planOverride.$inferSelect;

export const webhookEventStatuses = ['pending', 'processed', 'ignored', 'dead'] as const;
export type WebhookEventStatus = (typeof webhookEventStatuses)[number];

/**
 * The webhook inbox: every verified Stripe event, keyed by Stripe's event id so a redelivery is a
 * no-op insert. The worker processes it; `dead` rows failed every retry and wait for a replay.
 */
export const webhookEvent = pgTable(
  'webhook_event',
  {
    /** Stripe's `evt_…`. */
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    /** The customer the event concerns, when it names one; the worker serializes on it. */
    customerId: text('customer_id'),
    apiVersion: text('api_version'),
    livemode: boolean('livemode').notNull().default(false),
    stripeCreatedAt: at('stripe_created_at').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<WebhookEventStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    receivedAt: at('received_at').notNull().defaultNow(),
    processedAt: at('processed_at'),
  },
  (t) => [
    index('webhook_event_pending_idx')
      .on(t.receivedAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_event_status_received_at_idx').on(t.status, t.receivedAt),
  ],
);

/**
 * Side effects of billing events (dunning and trial mails…) claimed once per (event, effect): the
 * insert that wins the primary key performs the effect; every retry or duplicate finds it taken.
 */
export const billingEffect = pgTable(
  'billing_effect',
  {
    eventId: text('event_id').notNull(),
    effect: text('effect').notNull(),
    claimedAt: at('claimed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.effect] })],
);

/** Small durable state of billing jobs, such as the reconciliation cursor over /v1/events. */
export const billingState = pgTable('billing_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedAt: updatedAt(),
});

export type Customer = typeof customer.$inferSelect;
export type Product = typeof product.$inferSelect;
export type Price = typeof price.$inferSelect;
export type Subscription = typeof subscription.$inferSelect;
export type SubscriptionItem = typeof subscriptionItem.$inferSelect;
export type Invoice = typeof invoice.$inferSelect;
export type CheckoutSession = typeof checkoutSession.$inferSelect;
export type Entitlement = typeof entitlement.$inferSelect;
export type WebhookEvent = typeof webhookEvent.$inferSelect;
