'use client';

import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

/** One event from GET /api/v1/me/events, as the browser received it. */
export type LiveEvent =
  | { type: 'notification'; id: string }
  | { type: 'invalidate'; workspaceId: string; topic: string }
  | { type: 'resync' };

type Listener = (event: LiveEvent) => void;

const LiveEventsContext = createContext<Set<Listener> | null>(null);

/**
 * One EventSource per tab for the whole signed-in shell (docs/decisions/0027): the browser
 * reconnects by itself and sends Last-Event-ID, so missed events are replayed or a `resync` comes.
 * Events only say what to refetch; each listener refetches through the API or the page.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  useEffect(() => {
    const source = new EventSource('/api/v1/me/events');
    const emit = (event: LiveEvent) => {
      for (const listener of [...listeners.current]) listener(event);
    };
    source.addEventListener('notification', (message) => {
      const data = JSON.parse((message as MessageEvent<string>).data) as { id: string };
      emit({ type: 'notification', id: data.id });
    });
    source.addEventListener('invalidate', (message) => {
      const data = JSON.parse((message as MessageEvent<string>).data) as {
        workspace_id: string;
        topic: string;
      };
      emit({ type: 'invalidate', workspaceId: data.workspace_id, topic: data.topic });
    });
    source.addEventListener('resync', () => emit({ type: 'resync' }));
    return () => source.close();
  }, []);
  return <LiveEventsContext.Provider value={listeners.current}>{children}</LiveEventsContext.Provider>;
}

/** Calls `listener` for every live event while the component is mounted. */
export function useLiveEvents(listener: Listener): void {
  const listeners = useContext(LiveEventsContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    if (!listeners) return;
    const forward: Listener = (event) => latest.current(event);
    listeners.add(forward);
    return () => {
      listeners.delete(forward);
    };
  }, [listeners]);
}
