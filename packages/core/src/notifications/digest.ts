import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notification, user, type Database } from '@plinth/db';
import { defineQueue } from '../jobs/index';
import type { AnyMailRequest } from '../mail/index';
import { enqueueEvent } from '../outbox/index';
import {
  categoryRules,
  describeNotification,
  notificationParams,
  type NotificationCategory,
} from './catalog';

/** The daily digest: a cluster-once schedule on worker nodes (pg-boss fires it on one node). */
export const notificationDigestQueue = defineQueue({ name: 'notifications.digest', retryLimit: 3 });

/** At most this many titles in one mail; the rest are counted. */
const ITEMS_PER_MAIL = 20;

/**
 * Mails each person one summary per category of the notifications waiting for a digest, and marks
 * them sent, in one transaction per batch (the mails leave through the outbox, so a crash sends
 * nothing twice). The transaction sets `app.digest_run`, the one setting under which RLS shows the
 * job pending digests of everyone (and nothing else). Returns how many mails it queued.
 */
export async function sendNotificationDigests(
  deps: { database: Database; appUrl: string },
  batchSize = 2_000,
): Promise<number> {
  let mails = 0;
  for (;;) {
    const batch = await deps.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.digest_run', 'on', true)`);
      const rows = await tx
        .select({
          id: notification.id,
          recipientId: notification.recipientId,
          category: notification.category,
          type: notification.type,
          data: notification.data,
        })
        .from(notification)
        .where(eq(notification.digestPending, true))
        .orderBy(notification.recipientId, notification.category, notification.id)
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return { rows: 0, queued: 0 };
      const people = await tx
        .select({ id: user.id, email: user.email })
        .from(user)
        .where(
          and(inArray(user.id, [...new Set(rows.map((row) => row.recipientId))]), isNull(user.deletedAt)),
        );
      const emailOf = new Map(people.map((person) => [person.id, person.email]));
      const groups = new Map<string, typeof rows>();
      for (const row of rows) {
        const key = `${row.recipientId} ${row.category}`;
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      let queued = 0;
      for (const group of groups.values()) {
        const { recipientId, category } = group[0]!;
        const to = emailOf.get(recipientId);
        const rules = categoryRules[category as NotificationCategory];
        if (!to || !rules) continue;
        const items = group.slice(-ITEMS_PER_MAIL).map((row) => {
          const { title, path } = describeNotification(row.type, row.data);
          // The type and data's text parts too: the mail words each title in the recipient's language.
          const params = notificationParams(row.data);
          return { title, url: new URL(path, deps.appUrl).toString(), type: row.type, params };
        });
        const mail: AnyMailRequest = {
          template: 'notification-digest',
          to,
          data: {
            categoryLabel: rules.label,
            category: category as NotificationCategory,
            items,
            more: group.length - items.length,
            inboxUrl: new URL('/notifications', deps.appUrl).toString(),
          },
          ...(rules.lockedChannels.includes('email')
            ? {}
            : { unsubscribe: { userId: recipientId, category, workspaceId: null } }),
        };
        await enqueueEvent(tx, { topic: 'mail.send', payload: mail as unknown as Record<string, unknown> });
        queued++;
      }
      await tx
        .update(notification)
        .set({ digestPending: false })
        .where(
          inArray(
            notification.id,
            rows.map((row) => row.id),
          ),
        );
      return { rows: rows.length, queued };
    });
    mails += batch.queued;
    // A full batch may have more behind it, even when it made no mail (its people were deleted).
    if (batch.rows < batchSize) return mails;
  }
}
