import pg from 'pg';
import type { Executor } from './client';
import { sql } from 'drizzle-orm';

/**
 * Postgres LISTEN/NOTIFY for one node: one dedicated connection listens on every channel anyone on
 * this node subscribed to, and hands each notification to that channel's handlers. Features that
 * must reach every node (realtime events to browsers, flag-cache invalidation) publish with
 * `publishNotification()` inside the transaction that made the change, so the notification is sent
 * at commit and never for a rolled-back change.
 *
 * The connection must hold a server session of its own: a direct connection or a session-mode
 * pooler, never a transaction-mode pooler (LISTEN is session state). Publishing has no such need
 * (NOTIFY is part of the transaction), so it goes through the ordinary pool.
 *
 * Delivery is at most once: notifications sent while the connection is down are lost. After a
 * reconnect every subscriber's `onResync` runs, so it can reload what it caches or tell its clients
 * to refetch; a consumer that needs more than "something changed" reads the database, not the payload.
 */
export interface NotifyHub {
  /**
   * Calls `handler` with the payload of every notification on `channel` (connecting and LISTENing on
   * first use). `onResync` runs after the connection was lost and re-established. Returns the
   * unsubscribe function; the channel is UNLISTENed when its last subscriber leaves.
   */
  subscribe(
    channel: string,
    handler: (payload: string) => void,
    onResync?: () => void,
  ): Promise<() => Promise<void>>;
  /** Resolves once the listening connection is up (for tests and readiness). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface NotifyHubOptions {
  connectionString: string;
  applicationName?: string;
  /** Told when the listening connection is lost or cannot be opened (it keeps retrying). */
  onError?: (error: Error) => void;
  /** First and largest wait between reconnect attempts. Defaults 100 ms and 5 s. */
  retryMs?: { min: number; max: number };
}

/** A channel name is an identifier we quote ourselves: keep it to a safe, short alphabet. */
const channelPattern = /^[a-z][a-z0-9_.:-]{0,62}$/;

export function assertChannel(channel: string): void {
  if (!channelPattern.test(channel)) throw new Error(`invalid notification channel name: ${channel}`);
}

/** NOTIFY's payload limit is 8000 bytes; stay well under it, and fail loudly instead of truncating. */
export const maxNotificationPayloadBytes = 7_900;

/**
 * Sends `payload` on `channel` when the surrounding transaction commits (at once outside one).
 * Keep payloads to ids and kinds; receivers read the rows themselves under their own rules.
 */
export async function publishNotification(tx: Executor, channel: string, payload: string): Promise<void> {
  assertChannel(channel);
  if (Buffer.byteLength(payload) > maxNotificationPayloadBytes) {
    throw new Error(`notification payload on ${channel} exceeds ${maxNotificationPayloadBytes} bytes`);
  }
  await tx.execute(sql`select pg_notify(${channel}, ${payload})`);
}

interface Subscription {
  handler: (payload: string) => void;
  onResync: (() => void) | undefined;
}

export function createNotifyHub(options: NotifyHubOptions): NotifyHub {
  const retry = options.retryMs ?? { min: 100, max: 5_000 };
  const channels = new Map<string, Set<Subscription>>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let everConnected = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let wait = retry.min;
  const readyWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  const quote = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

  const dispatch = (message: pg.Notification) => {
    const subscribers = channels.get(message.channel);
    if (!subscribers) return;
    for (const subscriber of [...subscribers]) {
      try {
        subscriber.handler(message.payload ?? '');
      } catch (error) {
        options.onError?.(error as Error);
      }
    }
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect().catch(() => undefined);
    }, wait);
    retryTimer.unref();
    wait = Math.min(wait * 2, retry.max);
  };

  const connect = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    if (connecting) return connecting;
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: options.applicationName ?? 'plinth-listen',
      keepAlive: true,
    });
    connecting = (async () => {
      const lost = (error?: Error) => {
        if (client !== next) return;
        client = undefined;
        next.removeAllListeners('notification');
        next.end().catch(() => undefined);
        if (error) options.onError?.(error);
        scheduleReconnect();
      };
      next.on('error', (error) => lost(error));
      next.on('end', () => lost(new Error('notification connection ended')));
      try {
        await next.connect();
        next.on('notification', dispatch);
        for (const channel of channels.keys()) await next.query(`LISTEN ${quote(channel)}`);
      } catch (error) {
        next.removeAllListeners();
        next.on('error', () => undefined);
        await next.end().catch(() => undefined);
        connecting = undefined;
        options.onError?.(error as Error);
        for (const waiter of readyWaiters.splice(0)) waiter.reject(error as Error);
        scheduleReconnect();
        throw error;
      }
      if (closed) {
        await next.end().catch(() => undefined);
        connecting = undefined;
        throw new Error('notification hub closed');
      }
      client = next;
      connecting = undefined;
      wait = retry.min;
      const resync = everConnected;
      everConnected = true;
      for (const waiter of readyWaiters.splice(0)) waiter.resolve();
      if (resync) {
        for (const subscribers of channels.values()) {
          for (const subscriber of subscribers) {
            try {
              subscriber.onResync?.();
            } catch (error) {
              options.onError?.(error as Error);
            }
          }
        }
      }
      return next;
    })();
    return connecting;
  };

  return {
    async subscribe(channel, handler, onResync) {
      if (closed) throw new Error('notification hub closed');
      assertChannel(channel);
      const subscription: Subscription = { handler, onResync };
      let subscribers = channels.get(channel);
      const first = !subscribers;
      if (!subscribers) {
        subscribers = new Set();
        channels.set(channel, subscribers);
      }
      subscribers.add(subscription);
      // A new connection LISTENs on every channel in the map; an open one needs this one added.
      const listening = await connect();
      if (first && client === listening) await listening.query(`LISTEN ${quote(channel)}`);
      return async () => {
        const current = channels.get(channel);
        if (!current?.delete(subscription) || current.size > 0) return;
        channels.delete(channel);
        if (client) await client.query(`UNLISTEN ${quote(channel)}`).catch(() => undefined);
      };
    },
    ready() {
      if (client) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        readyWaiters.push({ resolve, reject });
        void connect().catch(() => undefined);
      });
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      const open = client ?? (await connecting?.catch(() => undefined));
      client = undefined;
      channels.clear();
      if (open) {
        open.removeAllListeners();
        open.on('error', () => undefined);
        await open.end().catch(() => undefined);
      }
    },
  };
}
