import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

/**
 * The tenant. Shaped so better-auth's organization plugin can use it as its `organization` model
 * (identity issue); our own services own the rules on top.
 */
export const workspace = pgTable(
  'workspace',
  {
    id: id(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    logo: text('logo'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    /** Soft delete: hidden from everyone, restorable by an owner until the hard-delete job runs. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('workspace_slug_key').on(t.slug)],
);

export type Workspace = typeof workspace.$inferSelect;
