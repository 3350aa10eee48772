import type { Database, NotifyHub } from '@plinth/db';
import type { Logger } from '../logger/index';
import { encodeId } from '../public-ids/index';
import { REALTIME_CHANNEL, type RealtimeMessage } from './publish';

/** One open SSE stream, as the hub sees it: whose it is, and how to write a frame to it. */
export interface RealtimeConnection {
  readonly userId: string;
  close(): void;
}

export interface RealtimeHubDeps {
  database: Database;
  notifyHub: NotifyHub;
  logger: Logger;
  /** Events kept for Last-Event-ID resume: at most this many, none older than `backlogMs`. */
  backlogSize?: number;
  backlogMs?: number;
  /** Between keep-alive comments on every stream (proxies close silent connections). */
  keepAliveMs?: number;
}

export interface RealtimeHub {
  /**
   * Opens a stream for `userId`. `write` receives whole SSE frames; it returns false when the
   * client is gone. With `lastEventId` the events after it are replayed from the backlog (each
   * checked as if it arrived now), or a `resync` frame tells the client it missed too much.
   */
  connect(
    userId: string,
    write: (frame: string) => boolean,
    options?: { lastEventId?: string | undefined },
  ): Promise<RealtimeConnection>;
  /** Open streams on this node. */
  size(): number;
  close(): Promise<void>;
}

interface Stream {
  userId: string;
  write: (frame: string) => boolean;
}

const frame = (id: string | undefined, event: string, data: unknown) =>
  `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * This node's realtime fan-out: one subscription to the `realtime` NOTIFY channel (on the node's
 * one LISTEN connection) feeds every SSE stream the node holds. Messages are handled one at a time,
 * in commit order, so a client sees events in the order the changes committed.
 *
 * A workspace event goes only to streams of people who are members of that workspace when the
 * event is handled: one query per event per node (not per stream), so a member removed a moment
 * ago gets nothing more, whether their stream was opened before or after (decision 0027).
 */
export function createRealtimeHub(deps: RealtimeHubDeps): RealtimeHub {
  const backlogSize = deps.backlogSize ?? 1_000;
  const backlogMs = deps.backlogMs ?? 5 * 60_000;
  const logger = deps.logger.child({ component: 'realtime' });
  const byUser = new Map<string, Set<Stream>>();
  const backlog: { at: number; message: RealtimeMessage }[] = [];
  let chain: Promise<void> = Promise.resolve();
  let unsubscribe: Promise<() => Promise<void>> | undefined;
  let keepAlive: NodeJS.Timeout | undefined;
  let closed = false;

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    const run = chain.then(task).catch((error: unknown) => {
      logger.warn({ err: error }, 'realtime event not delivered');
    });
    chain = run;
    return run;
  };

  const remove = (stream: Stream) => {
    const streams = byUser.get(stream.userId);
    if (!streams) return;
    streams.delete(stream);
    if (streams.size === 0) byUser.delete(stream.userId);
  };

  const send = (stream: Stream, text: string) => {
    if (!stream.write(text)) remove(stream);
  };

  /** Of `userIds`, those who are members of the (live, not suspended) workspace now. */
  const membersAmong = async (workspaceId: string, userIds: string[]): Promise<Set<string>> => {
    if (userIds.length === 0) return new Set();
    const { rows } = await deps.database.pool.query<{ user_id: string }>(
      `select m.user_id from member m join workspace w on w.id = m.workspace_id
        where m.workspace_id = $1 and w.deleted_at is null and w.suspended_at is null
          and m.user_id = any($2::uuid[])`,
      [workspaceId, userIds],
    );
    return new Set(rows.map((row) => row.user_id));
  };

  /** Writes one message to the streams it concerns (all of this node's, or `only`). */
  const deliver = async (
    message: RealtimeMessage,
    only?: Stream,
    members?: Promise<Set<string>>,
  ): Promise<void> => {
    if (message.k === 'notification') {
      const targets = only ? (only.userId === message.u ? [only] : []) : [...(byUser.get(message.u) ?? [])];
      const text = frame(message.i, 'notification', { id: encodeId('ntf', message.n) });
      for (const stream of targets) send(stream, text);
      return;
    }
    const candidates = only ? [only.userId] : [...byUser.keys()];
    const current = await (members ?? membersAmong(message.w, candidates));
    const text = frame(message.i, 'invalidate', {
      workspace_id: encodeId('ws', message.w),
      topic: message.t,
    });
    if (only) {
      if (current.has(only.userId)) send(only, text);
      return;
    }
    for (const userId of current) for (const stream of [...(byUser.get(userId) ?? [])]) send(stream, text);
  };

  const remember = (message: RealtimeMessage) => {
    const now = Date.now();
    backlog.push({ at: now, message });
    while (backlog.length > backlogSize || (backlog.length > 0 && backlog[0]!.at < now - backlogMs)) {
      backlog.shift();
    }
  };

  const onMessage = (payload: string) => {
    let message: RealtimeMessage;
    try {
      message = JSON.parse(payload) as RealtimeMessage;
    } catch {
      logger.warn('realtime payload is not JSON');
      return;
    }
    remember(message);
    // The membership query starts as the event arrives (queries of consecutive events run side by
    // side on the pool); delivery still happens one event at a time, in order.
    const members =
      message.k === 'workspace' && byUser.size > 0 ? membersAmong(message.w, [...byUser.keys()]) : undefined;
    members?.catch(() => undefined);
    void enqueue(() => (byUser.size === 0 ? Promise.resolve() : deliver(message, undefined, members)));
  };

  // After a lost LISTEN connection events may have been missed: every client refetches, and the
  // backlog, which now has a hole, cannot serve a resume.
  const onResync = () => {
    void enqueue(async () => {
      backlog.length = 0;
      const text = frame(undefined, 'resync', {});
      for (const streams of [...byUser.values()]) for (const stream of [...streams]) send(stream, text);
    });
  };

  const start = () => {
    unsubscribe ??= deps.notifyHub.subscribe(REALTIME_CHANNEL, onMessage, onResync);
    keepAlive ??= setInterval(() => {
      for (const streams of [...byUser.values()])
        for (const stream of [...streams]) send(stream, ': keep-alive\n\n');
    }, deps.keepAliveMs ?? 20_000);
    keepAlive.unref();
    return unsubscribe;
  };

  return {
    async connect(userId, write, options = {}) {
      if (closed) throw new Error('realtime hub closed');
      await start();
      const stream: Stream = { userId, write };
      // In the queue: the stream joins between two events, and a replay cannot interleave with
      // live delivery.
      await enqueue(async () => {
        let set = byUser.get(userId);
        if (!set) byUser.set(userId, (set = new Set()));
        set.add(stream);
        const last = options.lastEventId;
        if (last === undefined) return;
        const index = backlog.findIndex((entry) => entry.message.i === last);
        if (index < 0) {
          send(stream, frame(undefined, 'resync', {}));
          return;
        }
        for (const entry of backlog.slice(index + 1)) await deliver(entry.message, stream);
      });
      return { userId, close: () => remove(stream) };
    },
    size() {
      let count = 0;
      for (const streams of byUser.values()) count += streams.size;
      return count;
    },
    async close() {
      closed = true;
      if (keepAlive) clearInterval(keepAlive);
      byUser.clear();
      const stop = await unsubscribe?.catch(() => undefined);
      await stop?.();
      await chain;
    },
  };
}
