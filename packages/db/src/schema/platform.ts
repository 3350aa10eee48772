import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('captured_mail_to_created_at_idx').on(t.to, t.createdAt)],
);
