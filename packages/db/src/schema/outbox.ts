import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';

/**
 * Transactional outbox: a domain event is inserted in the same transaction as the change that
 * caused it, and the relay moves it to the job queue in one transaction of its own, so an event is
 * published if and only if its change committed.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    workspaceId: uuid('workspace_id'),
    /**
     * The trace and actor of the request (or job) that wrote the event (traceparent, request_id,
     * workspace_id, user_id or api_key_id); the relay hands it to the job, so the job's logs and
     * spans join that request's trace.
     */
    context: jsonb('context').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_unpublished_idx')
      .on(t.createdAt)
      .where(sql`${t.publishedAt} is null`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
