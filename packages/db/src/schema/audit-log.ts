import { sql } from 'drizzle-orm';
import { index, inet, jsonb, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';

export const actorTypes = ['user', 'api_key', 'system'] as const;
export type ActorType = (typeof actorTypes)[number];

/**
 * Append-only record of privileged actions. The app role may INSERT and SELECT only, and a trigger
 * (migration 0001) refuses UPDATE, DELETE and TRUNCATE for everyone. `workspace_id` has no foreign
 * key on purpose: a workspace's audit trail outlives the workspace.
 * RLS: a row with a workspace is readable only inside that tenant; a row without one (sign-ins,
 * staff actions) only by its own actor (app.actor_id) or by audited admin paths.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    workspaceId: uuid('workspace_id'),
    actorType: text('actor_type').$type<ActorType>().notNull(),
    actorId: text('actor_id').notNull(),
    impersonatorId: uuid('impersonator_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /**
     * The target's name when the row was written (a project's, an API key's), so the log still
     * reads well after the thing is renamed or deleted. Never a person's name: people are named
     * when the log is read, from `user`, so an erased account's name leaves the log with it.
     */
    targetName: text('target_name'),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_workspace_id_occurred_at_idx').on(t.workspaceId, t.occurredAt),
    index('audit_log_actor_id_occurred_at_idx').on(t.actorId, t.occurredAt),
    pgPolicy('audit_log_insert', { as: 'permissive', for: 'insert', to: 'public', withCheck: sql`true` }),
    pgPolicy('audit_log_tenant_read', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`${t.workspaceId} = nullif(current_setting('app.workspace_id', true), '')::uuid`,
    }),
    // A person's own account-level history (sign-ins, 2FA changes), for security notices and an
    // activity page: readable only inside a transaction that set app.actor_id to that person.
    pgPolicy('audit_log_own_account_read', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`${t.workspaceId} is null and ${t.actorId} = nullif(current_setting('app.actor_id', true), '')`,
    }),
    // Staff records of staff actions on a workspace (kept outside it, see auditStaffAction), for the
    // staff console: readable only in a read-only transaction that set app.staff_read (withStaffRead).
    pgPolicy('audit_log_staff_read', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`${t.workspaceId} is null and current_setting('app.staff_read', true) = 'on'`,
    }),
    // The staff console finds them by the workspace they were about.
    index('audit_log_staff_workspace_idx')
      .on(sql`(${t.metadata}->>'workspaceId')`)
      .where(sql`${t.workspaceId} is null and ${t.metadata} ? 'workspaceId'`),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
