'use client';

import { useSyncExternalStore } from 'react';
import { formatDate, formatDateTime } from '../../lib/format';

const subscribe = () => () => {};

/**
 * A date in the reader's own locale and time zone. The server (and the first, hydrating render)
 * prints the UTC date, so server and client HTML agree; the browser then swaps in its own format.
 */
export function LocalTime({ value, dateOnly = false }: { value: Date | string; dateOnly?: boolean }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = value instanceof Date ? value : new Date(value);
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  const text = inBrowser
    ? dateOnly
      ? formatDate(date)
      : formatDateTime(date)
    : iso
      ? dateOnly
        ? iso.slice(0, 10)
        : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
      : '—';
  return <time dateTime={iso || undefined}>{text}</time>;
}
