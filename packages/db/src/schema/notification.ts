import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id } from './columns';
import { user } from './identity';
import { workspace } from './workspace';

/**
 * The person a transaction acts as, when that is a person: `app.actor_id` under `app.actor_type`
 * 'user' (withTenant and withRecipient set both). The `case` keeps a non-user actor's id (an API
 * key, `system`) from ever being cast or compared.
 */
const actingPerson = sql`(case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end)`;

/**
 * One in-app notification for one person (docs/architecture.md §6, decision 0026). Not a tenant
 * table: it belongs to its recipient, in or outside a workspace (a new-device sign-in has none).
 * RLS: any transaction may insert (notify() runs in the transaction of the change, acting as
 * whoever made it), and only the recipient reads, marks read or deletes.
 */
export const notification = pgTable(
  'notification',
  {
    id: id(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').references(() => workspace.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    category: text('category').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** False when the person turned this category's in-app channel off: kept only for a digest. */
    inApp: boolean('in_app').notNull().default(true),
    /** Waiting for the category's daily digest mail. */
    digestPending: boolean('digest_pending').notNull().default(false),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notification_recipient_id_id_idx').on(t.recipientId, t.id),
    index('notification_unread_idx')
      .on(t.recipientId, t.id)
      .where(sql`${t.readAt} is null and ${t.inApp}`),
    index('notification_digest_idx')
      .on(t.recipientId, t.category)
      .where(sql`${t.digestPending}`),
    // Only for the people notify() is notifying right now (the transaction-local
    // `app.notify_recipients` it sets around its reads and the insert): any other insert is refused.
    pgPolicy('notification_insert', {
      as: 'permissive',
      for: 'insert',
      to: 'public',
      withCheck: sql`${t.recipientId} = any(string_to_array(nullif(current_setting('app.notify_recipients', true), ''), ',')::uuid[])`,
    }),
    pgPolicy('notification_recipient_read', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`${t.recipientId} = ${actingPerson}`,
    }),
    pgPolicy('notification_recipient_update', {
      as: 'permissive',
      for: 'update',
      to: 'public',
      using: sql`${t.recipientId} = ${actingPerson}`,
      withCheck: sql`${t.recipientId} = ${actingPerson}`,
    }),
    // The daily digest job reads and clears pending digests of everyone, in a transaction that set
    // the transaction-local `app.digest_run`; it may change only rows still pending. (The read
    // policy cannot require `digest_pending`: Postgres checks an updated row against it too.)
    pgPolicy('notification_digest_run', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`current_setting('app.digest_run', true) = 'on'`,
    }),
    pgPolicy('notification_digest_clear', {
      as: 'permissive',
      for: 'update',
      to: 'public',
      using: sql`${t.digestPending} and current_setting('app.digest_run', true) = 'on'`,
      withCheck: sql`current_setting('app.digest_run', true) = 'on'`,
    }),
    pgPolicy('notification_recipient_delete', {
      as: 'permissive',
      for: 'delete',
      to: 'public',
      using: sql`${t.recipientId} = ${actingPerson}`,
    }),
  ],
);

export type NotificationRow = typeof notification.$inferSelect;

/**
 * A person's choice for one category on one channel, account-wide (`workspace_id` null) or for one
 * workspace (an override). No row: the catalog's default. `mode`: 'on', 'off', or for email
 * 'digest' (one daily summary). RLS: only the person reads and writes their own; notify(), which
 * runs as whoever made the change, may also read (never write) the rows of the people it is
 * notifying right now, named in the transaction-local `app.notify_recipients`.
 */
export const notificationPreference = pgTable(
  'notification_preference',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').references(() => workspace.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    channel: text('channel').$type<'in_app' | 'email'>().notNull(),
    mode: text('mode').$type<'on' | 'off' | 'digest'>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('notification_preference_key')
      .on(t.userId, t.workspaceId, t.category, t.channel)
      .nullsNotDistinct(),
    check('notification_preference_channel', sql`${t.channel} in ('in_app', 'email')`),
    check(
      'notification_preference_mode',
      sql`${t.mode} in ('on', 'off') or (${t.mode} = 'digest' and ${t.channel} = 'email')`,
    ),
    pgPolicy('notification_preference_owner', {
      as: 'permissive',
      for: 'all',
      to: 'public',
      using: sql`${t.userId} = ${actingPerson}`,
      withCheck: sql`${t.userId} = ${actingPerson}`,
    }),
    pgPolicy('notification_preference_notify_read', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`${t.userId} = any(string_to_array(nullif(current_setting('app.notify_recipients', true), ''), ',')::uuid[])`,
    }),
  ],
);

export type NotificationPreferenceRow = typeof notificationPreference.$inferSelect;
