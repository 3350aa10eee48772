import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listNotifications, notificationCursorOf } from '@plinth/core/notifications';
import { serverContext } from '@plinth/core/server-context';
import { LocalTime } from '../../../components/ui/local-time';
import { RefreshOnNotification } from './refresh-on-notification';
import { notificationTitle } from '../../../lib/notification-text';
import { requireSession } from '../../../lib/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('metaTitle') };
}

/** Every notification of the signed-in person, newest first (the bell shows the latest few). */
export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const { user } = await requireSession('/notifications');
  // A cursor that is not one (a hand-edited URL) is ignored: the first page, not an error page.
  const cursor = notificationCursorOf((await searchParams).before);
  const [page, t] = await Promise.all([
    listNotifications(
      serverContext(),
      { type: 'user', id: user.id },
      {
        limit: 50,
        ...(cursor ? { cursor } : {}),
      },
    ),
    getTranslations('notifications'),
  ]);
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <RefreshOnNotification />
      <div className="flex items-end justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t('unread', { count: page.unreadCount })}</p>
        </div>
        <Link href="/account/notifications" className="text-sm underline-offset-4 hover:underline">
          {t('preferences')}
        </Link>
      </div>
      {page.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <ul
          className="divide-y divide-border rounded-lg border border-border"
          data-testid="notification-list"
        >
          {page.items.map((item) => (
            <li key={item.id} className="flex items-start gap-3 px-4 py-3">
              <span
                aria-hidden="true"
                className={`mt-1.5 size-2 shrink-0 rounded-full ${item.readAt ? 'bg-transparent' : 'bg-primary'}`}
              />
              <div className="min-w-0 flex-1">
                <Link href={item.path} className="text-sm font-medium underline-offset-4 hover:underline">
                  {notificationTitle(item, t)}
                </Link>
                <p className="text-xs text-muted-foreground">
                  <LocalTime value={item.createdAt} />
                  {item.readAt ? null : ` · ${t('unreadMark')}`}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <Link
          href={`/notifications?before=${page.nextCursor}`}
          className="text-sm underline-offset-4 hover:underline"
        >
          {t('older')}
        </Link>
      ) : null}
    </div>
  );
}
