import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';

/**
 * Request counters for rate limits, shared by every node. One row per (rule, subject) key; the
 * window restarts when it has passed. Kept in Postgres so limits hold across nodes with no Redis.
 */
export const rateLimit = pgTable(
  'rate_limit',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_expires_at_idx').on(t.expiresAt)],
);

/**
 * Mail caught by the development transport instead of being sent: what /dev/mail and
 * GET /api/dev/mail show. Never used in production (the env module refuses the capture transport).
 */
export const capturedMail = pgTable(
  'captured_mail',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    tag: text('tag'),
    /** Extra headers the message carried (List-Unsubscribe…), as SMTP would have sent them. */
    headers: jsonb('headers').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('captured_mail_to_created_at_idx').on(t.to, t.createdAt)],
);

/**
 * One row per running Plinth process (server or worker), upserted every ~15 s by the process itself
 * and marked stopped when it shuts down: what /admin/system lists as the nodes seen recently, with
 * their version and uptime. Operational, not tenant data; rows of nodes gone for a day are pruned by
 * the heartbeats of the others.
 */
export const nodeHeartbeat = pgTable(
  'node_heartbeat',
  {
    /** Chosen by the process when it starts (a fresh uuid per start): a restart is a new node. */
    id: uuid('id').primaryKey(),
    /** PLINTH_ROLE: all, api, web or worker. */
    role: text('role').notNull(),
    version: text('version').notNull(),
    hostname: text('hostname').notNull(),
    pid: integer('pid').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set by a graceful shutdown; a node that died without one just stops being seen. */
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
  },
  (t) => [index('node_heartbeat_last_seen_at_idx').on(t.lastSeenAt)],
);

export type NodeHeartbeatRow = typeof nodeHeartbeat.$inferSelect;
