import { sql } from 'drizzle-orm';
import { customType, index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { tenantTable } from './tenant-table';

/** Postgres' full-text document type; only ever read inside search SQL. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The example tenant table: the shape a product team copies for its own domain. */
export const project = tenantTable(
  'project',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    createdBy: uuid('created_by').notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps(),
    /**
     * The search document (docs/decisions/0035): name (weight A) and description (B) in the
     * language-neutral 'simple' configuration, kept by Postgres itself — never written by the app.
     */
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, coalesce("name", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("description", '')), 'B')`,
    ),
  },
  (t) => [
    index('project_workspace_id_name_idx').on(t.workspaceId, t.name),
    index('project_search_idx').using('gin', t.search),
    // pg_trgm (created by migration 0021_search): typo-tolerant matches on the name.
    index('project_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

export type Project = typeof project.$inferSelect;
export type NewProject = typeof project.$inferInsert;
