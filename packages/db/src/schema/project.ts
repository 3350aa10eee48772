import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { tenantTable } from './tenant-table';

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
  },
  (t) => [index('project_workspace_id_name_idx').on(t.workspaceId, t.name)],
);

export type Project = typeof project.$inferSelect;
export type NewProject = typeof project.$inferInsert;
