import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { workspace } from './workspace';

/**
 * People and their memberships. Shaped as better-auth's `user` and organization-plugin `member`
 * models so the identity issue plugs them in; these tables are not tenant-scoped by RLS because the
 * membership check itself (which workspace may this user enter?) runs before a tenant is chosen.
 */
export const user = pgTable(
  'user',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    /** Platform staff flag for the admin console ('admin'), null for everyone else. */
    role: text('role'),
    banned: boolean('banned').notNull().default(false),
    banReason: text('ban_reason'),
    banExpires: timestamp('ban_expires', { withTimezone: true }),
    twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
    /** Colour theme: 'system' follows the device (prefers-color-scheme); 'light' or 'dark' pin it. */
    theme: text('theme').notNull().default('system'),
    /**
     * Interface and mail language ('en', 'de', …: @plinth/core/locales); null follows the browser's
     * Accept-Language. No check constraint: adding a locale is a catalog change, not a migration,
     * and core validates every write against the supported list.
     */
    locale: text('locale'),
    /** Set when the account is deleted: personal data is anonymised, audit rows keep the id. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('user_email_key').on(t.email),
    check('user_theme_check', sql`${t.theme} in ('system', 'light', 'dark')`),
  ],
);

/** Sign-in sessions (better-auth). The token is the cookie's value; rows are deleted on revoke. */
export const session = pgTable(
  'session',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    impersonatedBy: uuid('impersonated_by'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('session_token_key').on(t.token), index('session_user_id_idx').on(t.userId)],
);

/** Credentials: one row per provider (credential = email + password hash, or an OAuth identity). */
export const account = pgTable(
  'account',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('account_provider_id_account_id_key').on(t.providerId, t.accountId),
    index('account_user_id_idx').on(t.userId),
  ],
);

/** Single-use tokens: email verification, password reset, magic links. */
export const verification = pgTable(
  'verification',
  {
    id: id(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ...timestamps(),
  },
  (t) => [index('verification_identifier_idx').on(t.identifier)],
);

/** TOTP secret and backup codes (both encrypted by better-auth with the auth secret). */
export const twoFactor = pgTable(
  'two_factor',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    secret: text('secret').notNull(),
    backupCodes: text('backup_codes').notNull(),
    verified: boolean('verified').notNull().default(true),
    failedVerificationCount: integer('failed_verification_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [index('two_factor_user_id_idx').on(t.userId), index('two_factor_secret_idx').on(t.secret)],
);

export const memberRoles = ['owner', 'admin', 'member', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const member = pgTable(
  'member',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role').$type<MemberRole>().notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('member_workspace_id_user_id_key').on(t.workspaceId, t.userId),
    index('member_user_id_idx').on(t.userId),
  ],
);

export type User = typeof user.$inferSelect;
export type Member = typeof member.$inferSelect;
export type Session = typeof session.$inferSelect;
