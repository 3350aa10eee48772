import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import type { FileVariants } from './file';
import { user } from './identity';

/**
 * An avatar's life: declared → uploaded and checked (ready; variants once resized); or rejected; or
 * superseded (replaced by a newer upload, or removed), kept until the cleanup job has deleted
 * whatever its upload policy could still write.
 */
export const avatarStatuses = ['pending', 'ready', 'rejected', 'superseded'] as const;
export type AvatarStatus = (typeof avatarStatuses)[number];

/**
 * The person a transaction acts as, when that is a person (the same expression as the notification
 * policies): `app.actor_id` under `app.actor_type` 'user'. An API key's or the system's id is never
 * compared.
 */
const actingPerson = sql`(case when current_setting('app.actor_type', true) = 'user' then nullif(current_setting('app.actor_id', true), '')::uuid end)`;

/**
 * A person's profile picture (decision 0030). Not a tenant table: it belongs to its person, in no
 * workspace, its bytes under `users/<user id>/avatar/<uuid>` in object storage. RLS: only the person
 * reads and writes their own rows; the resize and cleanup jobs work in a transaction that set the
 * transaction-local `app.avatar_jobs`. Anyone may see the resized image itself: its URL is on
 * `user.image`.
 */
export const avatar = pgTable(
  'avatar',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    status: text('status').$type<AvatarStatus>().notNull().default('pending'),
    /** The declared type (PNG, JPEG or WebP); the object must carry exactly this type. */
    contentType: text('content_type').notNull(),
    /** Declared bytes; the upload policy admits exactly this many. */
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Where the browser uploads: its POST policy may rewrite this key until the policy expires. */
    storageKey: text('storage_key').notNull(),
    /** Where the checked copy lives once completed (chosen when declared; no policy names it). */
    finalKey: text('final_key').notNull(),
    /** When the cleanup job deleted whatever the policy let a browser write at `storage_key`. */
    uploadSweptAt: timestamp('upload_swept_at', { withTimezone: true }),
    rejectedReason: text('rejected_reason'),
    /** The resized copies, once the job has run; null until then (pages show initials). */
    variants: jsonb('variants').$type<FileVariants>(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('avatar_storage_key_key').on(t.storageKey),
    uniqueIndex('avatar_final_key_key').on(t.finalKey),
    index('avatar_user_id_idx').on(t.userId),
    index('avatar_status_created_at_idx').on(t.status, t.createdAt),
    check('avatar_status_check', sql`${t.status} in ('pending', 'ready', 'rejected', 'superseded')`),
    check('avatar_size_check', sql`${t.size} > 0`),
    pgPolicy('avatar_owner', {
      as: 'permissive',
      for: 'all',
      to: 'public',
      using: sql`${t.userId} = ${actingPerson}`,
      withCheck: sql`${t.userId} = ${actingPerson}`,
    }),
    pgPolicy('avatar_jobs', {
      as: 'permissive',
      for: 'all',
      to: 'public',
      using: sql`current_setting('app.avatar_jobs', true) = 'on'`,
      withCheck: sql`current_setting('app.avatar_jobs', true) = 'on'`,
    }),
  ],
);

export type AvatarRow = typeof avatar.$inferSelect;
