import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    ...timestamps(),
  },
  (t) => [uniqueIndex('user_email_key').on(t.email)],
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
