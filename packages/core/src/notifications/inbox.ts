import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  member,
  notification,
  notificationPreference,
  workspace,
  type Database,
  type Executor,
} from '@plinth/db';
import type { Actor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError, parseInput } from '../errors/index';
import {
  categoryRules,
  describeNotification,
  notificationCatalog,
  notificationCategories,
  notificationChannels,
  notificationModes,
  type NotificationCategory,
  type NotificationChannel,
  type NotificationMode,
} from './catalog';
import { resolveMode } from './notify';
import { verifyUnsubscribeToken } from './unsubscribe-token';

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

/**
 * A transaction acting as one person outside any workspace: RLS on `notification` and
 * `notification_preference` then shows exactly their rows.
 */
export function withPerson<T>(database: Database, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.actor_type', 'user', true), set_config('app.actor_id', ${userId}, true)`,
    );
    return fn(tx);
  });
}

export interface NotificationView {
  id: string;
  type: string;
  category: string;
  workspaceId: string | null;
  title: string;
  path: string;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

export const listNotificationsInput = z.strictObject({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.uuid().optional(),
  unread: z.boolean().default(false),
});

/**
 * A cursor from a URL (the /notifications page's `?before=`) as listNotifications takes it, or
 * undefined when it is not one: the same check, so a page never passes what the list refuses.
 */
export function notificationCursorOf(value: unknown): string | undefined {
  const parsed = listNotificationsInput.shape.cursor.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

type Person = Pick<Actor, 'type' | 'id'>;

function assertPerson(actor: Person): void {
  if (actor.type !== 'user') {
    throw new AppError('forbidden', 'API keys act for a workspace, not a person: sign in to do this.');
  }
}

/** The person's notifications, newest first, a page at a time (keyset on the uuid v7 id). */
export async function listNotifications(
  deps: { database: Database },
  actor: Person,
  input: z.input<typeof listNotificationsInput>,
): Promise<{ items: NotificationView[]; nextCursor: string | null; unreadCount: number }> {
  assertPerson(actor);
  const { limit, cursor, unread } = parseInput(listNotificationsInput, input);
  return withPerson(deps.database, actor.id, async (tx) => {
    const rows = await tx
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.recipientId, actor.id),
          eq(notification.inApp, true),
          unread ? isNull(notification.readAt) : undefined,
          cursor ? lt(notification.id, cursor) : undefined,
        ),
      )
      .orderBy(desc(notification.id))
      .limit(limit + 1);
    const unreadCount = await countUnreadIn(tx, actor.id);
    const page = rows.slice(0, limit);
    return {
      items: page.map(toView),
      nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
      unreadCount,
    };
  });
}

async function countUnreadIn(tx: Executor, userId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(notification)
    .where(
      and(eq(notification.recipientId, userId), eq(notification.inApp, true), isNull(notification.readAt)),
    );
  return row?.count ?? 0;
}

/** How many unread notifications the bell shows. */
export async function countUnread(deps: { database: Database }, actor: Person): Promise<number> {
  assertPerson(actor);
  return withPerson(deps.database, actor.id, (tx) => countUnreadIn(tx, actor.id));
}

function toView(row: typeof notification.$inferSelect): NotificationView {
  const { title, path } = describeNotification(row.type, row.data);
  return {
    id: row.id,
    type: row.type,
    category: row.category,
    workspaceId: row.workspaceId,
    title,
    path,
    data: row.data,
    readAt: row.readAt,
    createdAt: row.createdAt,
  };
}

/** Marks one as read (idempotent); someone else's, or none, is a 404. */
export async function markNotificationRead(
  deps: { database: Database },
  actor: Person,
  notificationId: string,
): Promise<NotificationView> {
  assertPerson(actor);
  return withPerson(deps.database, actor.id, async (tx) => {
    const [row] = await tx
      .update(notification)
      .set({ readAt: sql`coalesce(${notification.readAt}, now())` })
      .where(
        and(
          eq(notification.id, notificationId),
          eq(notification.recipientId, actor.id),
          eq(notification.inApp, true),
        ),
      )
      .returning();
    if (!row) throw new AppError('not_found', 'No notification with that id.');
    return toView(row);
  });
}

/** Marks every unread one read; returns how many changed. */
export async function markAllNotificationsRead(deps: { database: Database }, actor: Person): Promise<number> {
  assertPerson(actor);
  return withPerson(deps.database, actor.id, async (tx) => {
    const changed = await tx
      .update(notification)
      .set({ readAt: sql`now()` })
      .where(and(eq(notification.recipientId, actor.id), isNull(notification.readAt)))
      .returning({ id: notification.id });
    return changed.length;
  });
}

// Preferences --------------------------------------------------------------------------------------

export interface PreferenceView {
  category: NotificationCategory;
  label: string;
  description: string;
  channels: Partial<Record<NotificationChannel, { mode: NotificationMode; locked: boolean }>>;
  /** Workspace overrides: the channels a workspace sets differently. */
  overrides: { workspaceId: string; channel: NotificationChannel; mode: NotificationMode }[];
}

/** The channels any type of the category uses; a channel none uses is not offered. */
function channelsOf(category: NotificationCategory): NotificationChannel[] {
  const used = new Set<NotificationChannel>();
  for (const entry of Object.values(notificationCatalog)) {
    if (entry.category === category) for (const channel of entry.channels) used.add(channel);
  }
  return notificationChannels.filter((channel) => used.has(channel));
}

export async function getNotificationPreferences(
  deps: { database: Database },
  actor: Person,
): Promise<PreferenceView[]> {
  assertPerson(actor);
  const rows = await withPerson(deps.database, actor.id, (tx) =>
    tx.select().from(notificationPreference).where(eq(notificationPreference.userId, actor.id)),
  );
  return notificationCategories.map((category) => {
    const own = rows.filter((row) => row.category === category);
    const offered = channelsOf(category);
    const channels: PreferenceView['channels'] = {};
    for (const channel of offered) {
      channels[channel] = {
        mode: resolveMode(category, channel, offered, own, null),
        locked: categoryRules[category].lockedChannels.includes(channel),
      };
    }
    return {
      category,
      label: categoryRules[category].label,
      description: categoryRules[category].description,
      channels,
      overrides: own
        .filter((row) => row.workspaceId !== null)
        .map((row) => ({ workspaceId: row.workspaceId!, channel: row.channel, mode: row.mode })),
    };
  });
}

export const preferenceChange = z.strictObject({
  category: z.enum(notificationCategories),
  channel: z.enum(notificationChannels),
  /** `null` clears the choice (back to the default, or for a workspace to the account's). */
  mode: z.enum(notificationModes).nullable(),
  /** A workspace you belong to: the change is an override for it only. */
  workspaceId: z.uuid().nullable().default(null),
});

export const updatePreferencesInput = z.strictObject({
  changes: z.array(preferenceChange).min(1).max(50),
});

/**
 * Applies the changes in one transaction, or none. A locked channel, 'digest' on a channel other
 * than email, or an override for a workspace the person is not in is a 400 naming the change.
 */
export async function updateNotificationPreferences(
  deps: { database: Database },
  actor: Person,
  input: z.input<typeof updatePreferencesInput>,
  origin: AuditOrigin = {},
): Promise<PreferenceView[]> {
  assertPerson(actor);
  const { changes } = parseInput(updatePreferencesInput, input);
  changes.forEach((change, index) => {
    const at = `changes.${index}`;
    if (categoryRules[change.category].lockedChannels.includes(change.channel)) {
      throw new AppError(
        'invalid_input',
        `${categoryRules[change.category].label} email cannot be turned off.`,
        {
          fields: { [`${at}.channel`]: 'This channel cannot be changed for this category.' },
        },
      );
    }
    if (!channelsOf(change.category).includes(change.channel)) {
      throw new AppError('invalid_input', 'This category does not use that channel.', {
        fields: { [`${at}.channel`]: 'Not used by this category.' },
      });
    }
    if (change.mode === 'digest' && change.channel !== 'email') {
      throw new AppError('invalid_input', 'Only email can be a daily digest.', {
        fields: { [`${at}.mode`]: 'Use on or off.' },
      });
    }
  });
  await withPerson(deps.database, actor.id, async (tx) => {
    for (const [index, change] of changes.entries()) {
      if (change.workspaceId) {
        const [membership] = await tx
          .select({ id: member.id })
          .from(member)
          .innerJoin(workspace, eq(workspace.id, member.workspaceId))
          .where(
            and(
              eq(member.workspaceId, change.workspaceId),
              eq(member.userId, actor.id),
              isNull(workspace.deletedAt),
            ),
          );
        if (!membership) {
          throw new AppError('invalid_input', 'You are not a member of that workspace.', {
            fields: { [`changes.${index}.workspace_id`]: 'Not a workspace you belong to.' },
          });
        }
      }
      await setPreference(tx, actor.id, change);
    }
    await audit(
      tx,
      { type: 'user', id: actor.id },
      {
        action: 'notification.preferences_updated',
        workspaceId: null,
        target: { type: 'user', id: actor.id },
        metadata: { changes },
      },
      origin,
    );
  });
  return getNotificationPreferences(deps, actor);
}

/** Stores one change; true when it changed what was stored (not when it set what was there). */
async function setPreference(
  tx: Executor,
  userId: string,
  change: z.output<typeof preferenceChange>,
): Promise<boolean> {
  const match = and(
    eq(notificationPreference.userId, userId),
    eq(notificationPreference.category, change.category),
    eq(notificationPreference.channel, change.channel),
    change.workspaceId
      ? eq(notificationPreference.workspaceId, change.workspaceId)
      : isNull(notificationPreference.workspaceId),
  );
  if (change.mode === null) {
    const removed = await tx
      .delete(notificationPreference)
      .where(match)
      .returning({ id: notificationPreference.id });
    return removed.length > 0;
  }
  const written = await tx
    .insert(notificationPreference)
    .values({
      userId,
      workspaceId: change.workspaceId,
      category: change.category,
      channel: change.channel,
      mode: change.mode,
    })
    .onConflictDoUpdate({
      target: [
        notificationPreference.userId,
        notificationPreference.workspaceId,
        notificationPreference.category,
        notificationPreference.channel,
      ],
      set: { mode: change.mode, updatedAt: sql`now()` },
      // A row that already says this is left alone, and returns nothing.
      setWhere: sql`${notificationPreference.mode} is distinct from excluded.mode`,
    })
    .returning({ id: notificationPreference.id });
  return written.length > 0;
}

/**
 * The one-click unsubscribe (RFC 8058): no session, the signed token is the authority. Turns the
 * token's category's mail off for its person (for its workspace only, when the mail was about one
 * and so carried it), and records it in the person's account audit trail when it changed anything.
 * Idempotent.
 */
export async function unsubscribeWithToken(
  deps: { database: Database; secret: string },
  token: unknown,
  origin: AuditOrigin = {},
): Promise<{ category: NotificationCategory }> {
  const target = verifyUnsubscribeToken(deps.secret, token);
  const category = target.category as NotificationCategory;
  if (
    !notificationCategories.includes(category) ||
    categoryRules[category].lockedChannels.includes('email')
  ) {
    throw new AppError('invalid_input', 'This unsubscribe link is invalid or has expired.', {
      fields: { token: 'Invalid or expired.' },
    });
  }
  await withPerson(deps.database, target.userId, async (tx) => {
    // A workspace deleted since the mail: unsubscribe account-wide rather than fail.
    let workspaceId = target.workspaceId;
    if (workspaceId) {
      const [live] = await tx
        .select({ id: workspace.id })
        .from(workspace)
        .where(eq(workspace.id, workspaceId));
      if (!live) workspaceId = null;
    }
    const changed = await setPreference(tx, target.userId, {
      category,
      channel: 'email',
      mode: 'off',
      workspaceId,
    });
    // Audited when it turned the mail off, not on each repeat of the same click (the endpoint
    // needs no session: a replayed link must not fill the person's audit trail).
    if (!changed) return;
    await audit(
      tx,
      { type: 'user', id: target.userId },
      {
        action: 'notification.unsubscribed',
        workspaceId: null,
        target: { type: 'notification_category', id: category },
        metadata: { channel: 'email', workspace_id: workspaceId, via: 'one-click' },
      },
      origin,
    );
  });
  return { category };
}
