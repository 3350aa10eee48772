'use client';

import { useRouter } from 'next/navigation';
import { useLiveEvents } from '../../../components/realtime/live-events';

/** Re-renders the list when a notification arrives. */
export function RefreshOnNotification() {
  const router = useRouter();
  useLiveEvents((event) => {
    if (event.type === 'notification' || event.type === 'resync') router.refresh();
  });
  return null;
}
