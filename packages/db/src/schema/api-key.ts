import { sql } from 'drizzle-orm';
import {
  index,
  inet,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id } from './columns';
import { workspace } from './workspace';

/**
 * A workspace's API key. Only a SHA-256 of the secret is stored; `prefix` (`plk_` + the first
 * characters) is what lists show so a person can tell keys apart. No RLS: a request presents the
 * key before any tenant is known, exactly like a membership lookup; the key then names its
 * workspace, and everything after runs inside that tenant.
 */
export const apiKey = pgTable(
  'api_key',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** Permission names from the permission table; the key can never do more. */
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Updated in batches, not on every request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedIp: inet('last_used_ip'),
  },
  (t) => [
    uniqueIndex('api_key_secret_hash_key').on(t.secretHash),
    index('api_key_workspace_id_created_at_idx').on(t.workspaceId, t.createdAt),
  ],
);

export type ApiKey = typeof apiKey.$inferSelect;

/**
 * Stored responses for POST requests carrying an Idempotency-Key, for 24 h. Keyed by who sent it
 * (a user or an API key) and the key itself; `request_hash` detects the same key reused with a
 * different request. A row with no `response_status` is a request still in flight.
 */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    ownerId: text('owner_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '24 hours'`),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.key] }),
    index('idempotency_key_expires_at_idx').on(t.expiresAt),
  ],
);
