'use client';

import { useSyncExternalStore } from 'react';
import { useLocale } from 'next-intl';
import { dateLocale, formatDate, formatDateTime } from '../../lib/format';

const subscribe = () => () => {};

/**
 * A date in the reader's locale (the app's, in the browser's variant of it: lib/format dateLocale)
 * and time zone. The server (and the first, hydrating render)
 * prints the UTC date, so server and client HTML agree; the browser then swaps in its own format.
 */
export function LocalTime({ value, dateOnly = false }: { value: Date | string; dateOnly?: boolean }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const appLocale = useLocale();
  const locale = inBrowser ? dateLocale(appLocale) : undefined;
  const date = value instanceof Date ? value : new Date(value);
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  const text = inBrowser
    ? dateOnly
      ? formatDate(date, locale)
      : formatDateTime(date, locale)
    : iso
      ? dateOnly
        ? iso.slice(0, 10)
        : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
      : '—';
  return <time dateTime={iso || undefined}>{text}</time>;
}
