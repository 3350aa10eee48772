'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { notificationTitle } from '../../lib/notification-text';
import { useLiveEvents } from '../realtime/live-events';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../ui/dropdown-menu';

interface Item {
  id: string;
  type: string;
  data: Record<string, unknown>;
  title: string;
  link: string;
  read_at: string | null;
  created_at: string;
}

/**
 * The bell in the top bar: the unread count, and the latest notifications in a dropdown. It reads
 * GET /api/v1/me/notifications and refetches when a `notification` (or `resync`) event arrives.
 */
export function NotificationBell() {
  const t = useTranslations('notifications');
  const [items, setItems] = useState<Item[]>([]);
  const [unread, setUnread] = useState(0);

  const load = useCallback(async () => {
    const response = await fetch('/api/v1/me/notifications?limit=8', { cache: 'no-store' });
    if (!response.ok) return;
    const page = (await response.json()) as { items: Item[]; unread_count: number };
    setItems(page.items);
    setUnread(page.unread_count);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useLiveEvents((event) => {
    if (event.type === 'notification' || event.type === 'resync') void load();
  });

  async function open(item: Item) {
    if (!item.read_at) {
      await fetch(`/api/v1/me/notifications/${item.id}/read`, { method: 'POST' });
      void load();
    }
  }

  async function readAll() {
    await fetch('/api/v1/me/notifications/read-all', { method: 'POST' });
    void load();
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="relative flex size-9 cursor-pointer items-center justify-center rounded-full transition-colors hover:bg-muted data-[state=open]:bg-muted"
        aria-label={t('bellLabel', { count: unread })}
        data-testid="notification-bell"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            data-testid="notification-count"
            className="absolute -right-0.5 -top-0.5 flex min-w-5 items-center justify-center rounded-full bg-primary px-1 text-xs font-semibold text-primary-foreground"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
        <DropdownMenuLabel>{t('title')}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.length === 0 ? (
          <p className="px-2 py-3 text-sm text-muted-foreground">{t('empty')}</p>
        ) : (
          items.map((item) => (
            <DropdownMenuItem key={item.id} asChild>
              <Link href={item.link} onClick={() => void open(item)} className="flex items-start gap-2">
                <span
                  aria-hidden="true"
                  className={`mt-1.5 size-2 shrink-0 rounded-full ${item.read_at ? 'bg-transparent' : 'bg-primary'}`}
                />
                <span className="text-sm">{notificationTitle(item, t)}</span>
              </Link>
            </DropdownMenuItem>
          ))
        )}
        <DropdownMenuSeparator />
        <div className="flex items-center justify-between px-2 py-1 text-sm">
          <Link href="/notifications" className="underline-offset-4 hover:underline">
            {t('seeAll')}
          </Link>
          {unread > 0 ? (
            <button
              type="button"
              onClick={() => void readAll()}
              className="cursor-pointer underline-offset-4 hover:underline"
            >
              {t('markAllRead')}
            </button>
          ) : null}
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
