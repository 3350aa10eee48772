import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { user } from './identity';
import { workspace } from './workspace';

export const flagOverrideScopes = ['kill', 'workspace', 'user'] as const;
export type FlagOverrideScope = (typeof flagOverrideScopes)[number];

/**
 * Feature-flag overrides set by staff: a kill switch (one value for everyone, beating everything),
 * or a value for one workspace or one person. The flags themselves are declared in code
 * (packages/core/src/flags); this table only holds exceptions. A platform table without RLS: every
 * node loads all of it into its flag cache, across tenants, and reloads when a change is NOTIFYed.
 * An override past `expires_at` no longer applies (rows stay for the record until cleared).
 */
export const flagOverride = pgTable(
  'flag_override',
  {
    id: id(),
    key: text('key').notNull(),
    scope: text('scope', { enum: flagOverrideScopes }).notNull(),
    workspaceId: uuid('workspace_id').references(() => workspace.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => user.id, { onDelete: 'cascade' }),
    /** The flag's value while the override applies: a boolean, or one of a string flag's variants. */
    value: jsonb('value').$type<boolean | string>().notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    // One override per flag and target: setting it again replaces the value.
    unique('flag_override_target_key').on(t.key, t.scope, t.workspaceId, t.userId).nullsNotDistinct(),
    index('flag_override_workspace_id_idx').on(t.workspaceId),
    index('flag_override_user_id_idx').on(t.userId),
    check(
      'flag_override_scope_target',
      sql`(${t.scope} = 'kill' and ${t.workspaceId} is null and ${t.userId} is null)
        or (${t.scope} = 'workspace' and ${t.workspaceId} is not null and ${t.userId} is null)
        or (${t.scope} = 'user' and ${t.userId} is not null and ${t.workspaceId} is null)`,
    ),
  ],
);

export type FlagOverrideRow = typeof flagOverride.$inferSelect;
