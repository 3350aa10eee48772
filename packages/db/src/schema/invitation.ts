import { sql } from 'drizzle-orm';
import { index, pgPolicy, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import type { MemberRole } from './identity';
import { tenantTable } from './tenant-table';

export const invitationStatuses = ['pending', 'accepted', 'revoked'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/**
 * An invitation to join a workspace. Only a SHA-256 of its token is stored; the token itself lives
 * in the invitee's mail. RLS shows a row inside its workspace, or to a transaction that presents
 * the row's token hash in `app.invitation_token_hash` — which is how an invitee who is not yet a
 * member can read the one invitation they hold, and nothing else.
 */
export const invitation = tenantTable(
  'invitation',
  {
    id: id(),
    email: text('email').notNull(),
    role: text('role').$type<MemberRole>().notNull(),
    tokenHash: text('token_hash').notNull(),
    status: text('status').$type<InvitationStatus>().notNull().default('pending'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    invitedBy: uuid('invited_by').notNull(),
    acceptedBy: uuid('accepted_by'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('invitation_token_hash_key').on(t.tokenHash),
    uniqueIndex('invitation_pending_email_key')
      .on(t.workspaceId, t.email)
      .where(sql`${t.status} = 'pending'`),
    index('invitation_workspace_id_status_idx').on(t.workspaceId, t.status),
    pgPolicy('invitation_token_holder_read', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`${t.tokenHash} = nullif(current_setting('app.invitation_token_hash', true), '')`,
    }),
  ],
);

export type Invitation = typeof invitation.$inferSelect;
