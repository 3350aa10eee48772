import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { session, user } from './identity';

/**
 * A staff member proving again who they are (password + TOTP) inside a session they already have,
 * so the staff console's "signed in within the last 12 hours" rule holds without signing out and in
 * again (packages/core/src/staff). One row per session, moved forward on each re-authentication;
 * it goes with its session.
 */
export const staffReauthentication = pgTable('staff_reauthentication', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => session.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' }),
  reauthenticatedAt: timestamp('reauthenticated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An impersonation session made writable for a while: impersonation is read-only unless the staff
 * member elevates it with a written reason (audited). Writes pass while `expires_at` is in the
 * future; the row stays for the record (and goes with the session when it ends).
 */
export const staffElevation = pgTable(
  'staff_elevation',
  {
    id: id(),
    /** The impersonation session (its `impersonated_by` is the staff member). */
    sessionId: uuid('session_id')
      .notNull()
      .references(() => session.id, { onDelete: 'cascade' }),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** The person being impersonated. */
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_elevation_session_id_expires_at_idx').on(t.sessionId, t.expiresAt)],
);

export type StaffElevationRow = typeof staffElevation.$inferSelect;
