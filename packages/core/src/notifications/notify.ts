import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { notification, notificationPreference, user, uuidv7, type Executor } from '@plinth/db';
import { enqueueEvent } from '../outbox/index';
import type { AnyMailRequest } from '../mail/index';
import { publishRealtime } from '../realtime/index';
import {
  categoryRules,
  notificationCatalog,
  type NotificationCategory,
  type NotificationChannel,
  type NotificationData,
  type NotificationMode,
  type NotificationType,
} from './catalog';

export interface NotifyInput<T extends NotificationType> {
  /** User ids; duplicates and deleted accounts are skipped. */
  recipients: readonly string[];
  type: T;
  data: NotificationData<T>;
  /** The workspace it is about: its overrides apply, and the row is deleted with it. */
  workspaceId?: string | null;
}

export interface NotifyDeps {
  /** Turns the catalog's paths into the links mail carries. */
  appUrl: string;
}

type PreferenceRow = {
  userId: string;
  workspaceId: string | null;
  channel: string;
  mode: string;
};

/**
 * The mode of one channel for one person: the workspace override, else the account-wide choice,
 * else the catalog's default. A locked channel (security and billing mail) is always on.
 */
export function resolveMode(
  category: NotificationCategory,
  channel: NotificationChannel,
  defaults: readonly NotificationChannel[],
  rows: readonly PreferenceRow[],
  workspaceId: string | null,
): NotificationMode {
  if (!defaults.includes(channel)) return 'off';
  if (categoryRules[category].lockedChannels.includes(channel)) return 'on';
  const override = workspaceId
    ? rows.find((row) => row.channel === channel && row.workspaceId === workspaceId)
    : undefined;
  const account = rows.find((row) => row.channel === channel && row.workspaceId === null);
  const mode = (override ?? account)?.mode as NotificationMode | undefined;
  if (mode === 'digest' && channel !== 'email') return 'on';
  return mode ?? 'on';
}

/**
 * Notifies people of something, in the caller's transaction (the one that made the change): the
 * in-app rows, the mail jobs (through the outbox) and the realtime pings exist if and only if it
 * commits. Each person's preferences decide the channels. `data` is checked against the catalog; a
 * mismatch is a bug in the caller, so it throws rather than storing a malformed notification.
 * Returns the ids of the in-app notifications made.
 */
export async function notify<T extends NotificationType>(
  tx: Executor,
  input: NotifyInput<T>,
  deps: NotifyDeps,
): Promise<string[]> {
  const entry = notificationCatalog[input.type];
  const parsed = entry.data.safeParse(input.data);
  if (!parsed.success) {
    throw new TypeError(`notify(${input.type}): data does not match the catalog: ${parsed.error.message}`);
  }
  const data = parsed.data as Record<string, unknown>;
  const ids = [...new Set(input.recipients)];
  if (ids.length === 0) return [];
  const workspaceId = input.workspaceId ?? null;
  const people = await tx
    .select({ id: user.id, email: user.email, name: user.name })
    .from(user)
    .where(and(inArray(user.id, ids), isNull(user.deletedAt)));
  if (people.length === 0) return [];
  // The preferences table shows each person only their own rows; notify may read those of the
  // people it is notifying, and insert their notifications, named in a transaction-local setting
  // that is cleared once they are inserted.
  await tx.execute(
    sql`select set_config('app.notify_recipients', ${people.map((p) => p.id).join(',')}, true)`,
  );
  const preferences = await tx
    .select({
      userId: notificationPreference.userId,
      workspaceId: notificationPreference.workspaceId,
      channel: notificationPreference.channel,
      mode: notificationPreference.mode,
    })
    .from(notificationPreference)
    .where(
      and(
        inArray(
          notificationPreference.userId,
          people.map((p) => p.id),
        ),
        eq(notificationPreference.category, entry.category),
        workspaceId
          ? or(
              isNull(notificationPreference.workspaceId),
              eq(notificationPreference.workspaceId, workspaceId),
            )
          : isNull(notificationPreference.workspaceId),
      ),
    );

  const rows: (typeof notification.$inferInsert)[] = [];
  const mails: AnyMailRequest[] = [];
  for (const person of people) {
    const own = preferences.filter((row) => row.userId === person.id);
    const inApp = resolveMode(entry.category, 'in_app', entry.channels, own, workspaceId) !== 'off';
    const email = resolveMode(entry.category, 'email', entry.channels, own, workspaceId);
    if (inApp || email === 'digest') {
      rows.push({
        id: uuidv7(),
        recipientId: person.id,
        workspaceId,
        type: input.type,
        category: entry.category,
        data,
        inApp,
        digestPending: email === 'digest',
      });
    }
    if (email === 'on') {
      const mail = (entry.mail as (d: unknown, c: { appUrl: string; recipientName: string }) => unknown)(
        data,
        { appUrl: deps.appUrl, recipientName: person.name },
      ) as Omit<AnyMailRequest, 'to'>;
      const switchable = !categoryRules[entry.category].lockedChannels.includes('email');
      mails.push({
        ...mail,
        to: person.email,
        ...(switchable ? { unsubscribe: { userId: person.id, category: entry.category, workspaceId } } : {}),
      } as AnyMailRequest);
    }
  }
  // No RETURNING: the inserting transaction acts as whoever made the change, and RLS lets only the
  // recipient read a notification back. The insert policy takes only the people named in
  // `app.notify_recipients`, cleared right after.
  if (rows.length > 0) await tx.insert(notification).values(rows);
  await tx.execute(sql`select set_config('app.notify_recipients', '', true)`);
  for (const mail of mails) {
    await enqueueEvent(tx, {
      topic: 'mail.send',
      payload: mail as unknown as Record<string, unknown>,
      workspaceId,
    });
  }
  for (const row of rows) {
    if (row.inApp) await publishRealtime(tx, { k: 'notification', u: row.recipientId, n: row.id! });
  }
  return rows.filter((row) => row.inApp).map((row) => row.id!);
}
