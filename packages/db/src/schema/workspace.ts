import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

/**
 * The tenant. Shaped so better-auth's organization plugin can use it as its `organization` model
 * (identity issue); our own services own the rules on top.
 */
export const workspace = pgTable(
  'workspace',
  {
    id: id(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    logo: text('logo'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    /** Soft delete: hidden from everyone, restorable by an owner until the hard-delete job runs. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /**
     * Suspended by staff (docs/decisions/0032): members see a suspended page and the API answers
     * 403 workspace_suspended; data and billing are untouched. Checked in the membership lookups.
     */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    suspendedReason: text('suspended_reason'),
    /**
     * When the workspace met the activation rule (docs/decisions/0036; the rule is
     * packages/core/src/onboarding/activation.ts), set in the transaction of the change that met it.
     */
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /** When a manager dismissed the first-run checklist; it stays hidden for everyone after. */
    onboardingDismissedAt: timestamp('onboarding_dismissed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('workspace_slug_key').on(t.slug)],
);

export type Workspace = typeof workspace.$inferSelect;
