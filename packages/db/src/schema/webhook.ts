import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { tenantTable } from './tenant-table';

/**
 * A customer's endpoint for outgoing webhooks. The signing secret is stored encrypted (the core
 * SecretBox, keyed by SECRETS_ENCRYPTION_KEY); during a rotation the previous secret stays until
 * `previous_secret_expires_at`, and deliveries carry both signatures until then.
 */
export const webhookEndpoint = tenantTable('webhook_endpoint', {
  id: id(),
  url: text('url').notNull(),
  description: text('description'),
  /** Event types this endpoint receives; null means every type. */
  eventTypes: text('event_types').array(),
  enabled: boolean('enabled').notNull().default(true),
  /** Why the platform disabled it (`gone`: a 410; `failing`: five days of failures); null when a person did. */
  disabledReason: text('disabled_reason'),
  secretCiphertext: text('secret_ciphertext').notNull(),
  previousSecretCiphertext: text('previous_secret_ciphertext'),
  previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
  /** Set at the first failure after a success (or creation); cleared by a success. */
  failingSince: timestamp('failing_since', { withTimezone: true }),
  createdBy: uuid('created_by').notNull(),
  ...timestamps(),
});

export type WebhookEndpoint = typeof webhookEndpoint.$inferSelect;

export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One event for one endpoint: the unit that is retried, logged and replayed. `event_id` is the
 * message's `webhook-id` (stable across retries and the same for every endpoint); the body is
 * stored as it is signed, so every attempt sends the same bytes.
 */
export const webhookDelivery = tenantTable(
  'webhook_delivery',
  {
    id: id(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoint.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    /** When the event happened (the `webhook-timestamp` of the first attempt). */
    eventCreatedAt: timestamp('event_created_at', { withTimezone: true }).notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** A worker holds the delivery until then; a worker that died lets go when it passes. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    responseStatus: integer('response_status'),
    /** The receiver's answer, truncated to 4 KB. */
    responseBody: text('response_body'),
    /** Why the last attempt failed when there was no HTTP answer (timeout, refused address…). */
    error: text('error'),
    durationMs: integer('duration_ms'),
    requestHeaders: jsonb('request_headers').$type<Record<string, string>>(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_delivery_endpoint_id_event_id_key').on(t.endpointId, t.eventId),
    index('webhook_delivery_endpoint_id_id_idx').on(t.endpointId, t.id),
    index('webhook_delivery_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    // The retention job deletes a workspace's old rows (decision 0016).
    index('webhook_delivery_workspace_id_created_at_idx').on(t.workspaceId, t.createdAt),
  ],
);

/**
 * The delivery queue: one row per pending delivery, holding ids and times only (the body and the
 * outcome stay in the tenant table). Workers claim due rows across workspaces in batches, so it
 * carries no row-level security, like the job queue it replaces; it holds nothing a tenant wrote.
 * `due_at` is when the next attempt may start; a claim moves it to the end of the claim's lease
 * (`lease_until`), so the attempt of a worker that died becomes due again when its lease lapses.
 */
export const webhookDispatch = pgTable(
  'webhook_dispatch',
  {
    deliveryId: uuid('delivery_id')
      .primaryKey()
      .references(() => webhookDelivery.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    endpointId: uuid('endpoint_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while an attempt holds the delivery; rows leased past now count against the endpoint's bound. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
  },
  (t) => [
    // A claim walks the endpoints with queued rows and takes each one's earliest due rows.
    index('webhook_dispatch_endpoint_id_due_at_idx').on(t.endpointId, t.dueAt),
    index('webhook_dispatch_lease_until_endpoint_id_idx')
      .on(t.leaseUntil, t.endpointId)
      .where(sql`${t.leaseUntil} is not null`),
  ],
);

export type WebhookDelivery = typeof webhookDelivery.$inferSelect;
