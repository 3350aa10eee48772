import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { project } from './project';
import { tenantTable } from './tenant-table';

/** A file's life: declared → uploaded and checked → (scanned) → ready; or rejected. */
export const fileStatuses = ['pending', 'pending_scan', 'ready', 'rejected'] as const;
export type FileStatus = (typeof fileStatuses)[number];

/** Resized copies of an image, by size name: their keys beside the original. */
export type FileVariants = Record<string, { key: string; width: number; height: number; size: number }>;

/**
 * A stored object's metadata. The browser uploads straight to storage at `storage_key`
 * (`workspaces/<workspace id>/<purpose>/<uuid>`, the key its POST policy names); completing copies
 * that object to `final_key`, a key no policy ever names, and everything after (the checks, the
 * scan, the resize, downloads) reads the copy (decision 0022).
 */
export const file = tenantTable(
  'file',
  {
    id: id(),
    purpose: text('purpose').notNull(),
    status: text('status').$type<FileStatus>().notNull().default('pending'),
    /** The name shown and offered on download (cleaned: no path, no control or bidi characters). */
    name: text('name').notNull(),
    /** The declared type, from the purpose's allowlist; the object must carry exactly this type. */
    contentType: text('content_type').notNull(),
    /** Declared bytes; the upload policy admits exactly this many. */
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Where the browser uploads: its POST policy may rewrite this key until the policy expires. */
    storageKey: text('storage_key').notNull(),
    /** Where the checked copy lives once completed (chosen when declared; no policy names it). */
    finalKey: text('final_key').notNull(),
    /** When the cleanup job deleted whatever the policy let a browser write at `storage_key`. */
    uploadSweptAt: timestamp('upload_swept_at', { withTimezone: true }),
    /** The project an attachment belongs to; null for other purposes. */
    projectId: uuid('project_id').references(() => project.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').notNull(),
    rejectedReason: text('rejected_reason'),
    variants: jsonb('variants').$type<FileVariants>(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Soft delete: unreadable and its objects deleted at once; the row is purged after 30 days. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('file_storage_key_key').on(t.storageKey),
    uniqueIndex('file_final_key_key').on(t.finalKey),
    index('file_workspace_id_project_id_idx').on(t.workspaceId, t.projectId),
    index('file_workspace_id_status_created_at_idx').on(t.workspaceId, t.status, t.createdAt),
    check('file_status_check', sql`${t.status} in ('pending', 'pending_scan', 'ready', 'rejected')`),
    check('file_size_check', sql`${t.size} > 0`),
  ],
);

export type FileRow = typeof file.$inferSelect;
