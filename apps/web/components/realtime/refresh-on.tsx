'use client';

import { useRouter } from 'next/navigation';
import { useLiveEvents } from './live-events';

/**
 * Re-renders the page (its server components fetch again) when the workspace's `topics` change,
 * or after a resync. Renders nothing.
 */
export function RefreshOn({ workspaceId, topics }: { workspaceId: string; topics: string[] }) {
  const router = useRouter();
  useLiveEvents((event) => {
    if (
      event.type === 'resync' ||
      (event.type === 'invalidate' && event.workspaceId === workspaceId && topics.includes(event.topic))
    ) {
      router.refresh();
    }
  });
  return null;
}
