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
  /**
   * Between keep-alive comments on every stream (proxies close silent connections). Each tick also
   * checks, in one query, that the sessions of the open streams are still sessions.
   */
  keepAliveMs?: number;
  /** Open streams one person may hold on this node; opening one more ends their oldest. */
  maxStreamsPerUser?: number;
  /**
   * Of the given session ids, those still live (identity's `liveSessionIds`): asked on each
   * keep-alive for every stream opened with a session, and a stream whose session is gone ends.
   */
  liveSessions?: (sessionIds: string[]) => Promise<Set<string>>;
}

/** How a stream is opened: where it resumes, the session it lives on, and how the hub ends it. */
export interface RealtimeStreamOptions {
  /** The id of the last event the client saw: the events after it are replayed, or `resync`. */
  lastEventId?: string | undefined;
  /** The session the stream was opened with: the stream ends when the session does. */
  sessionId?: string | undefined;
  /** Closes the response; the hub calls it when it ends the stream (session gone, too many). */
  end?: (() => void) | undefined;
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
    options?: RealtimeStreamOptions,
  ): Promise<RealtimeConnection>;
  /** Open streams on this node (of `userId` only, when given). */
  size(userId?: string): number;
  close(): Promise<void>;
}

interface Stream {
  userId: string;
  sessionId: string | undefined;
  write: (frame: string) => boolean;
  end: (() => void) | undefined;
}

/** The default of `maxStreamsPerUser`: a person's tabs and devices, with room to spare. */
export const MAX_STREAMS_PER_USER = 8;

const frame = (id: string | undefined, event: string, data: unknown) =>
  `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * This node's realtime fan-out: one subscription to the `realtime` NOTIFY channel (on the node's
 * one LISTEN connection) feeds every SSE stream the node holds. Messages are handled one at a time,
 * in commit order, so a client sees events in the order the changes committed.
 *
 * A workspace event goes only to streams of people who are members of that workspace when the
 * event is handled: one query per event per node (not per stream), so a member removed a moment
 * ago gets nothing more, whether their stream was opened before or after (decision 0027). Streams
 * are bounded: a few per person, and each ends soon after its session does.
 */
export function createRealtimeHub(deps: RealtimeHubDeps): RealtimeHub {
  const backlogSize = deps.backlogSize ?? 1_000;
  const backlogMs = deps.backlogMs ?? 5 * 60_000;
  const maxStreamsPerUser = deps.maxStreamsPerUser ?? MAX_STREAMS_PER_USER;
  const logger = deps.logger.child({ component: 'realtime' });
  const byUser = new Map<string, Set<Stream>>();
  const backlog: { at: number; message: RealtimeMessage }[] = [];
  let chain: Promise<void> = Promise.resolve();
  let unsubscribe: Promise<() => Promise<void>> | undefined;
  let keepAlive: NodeJS.Timeout | undefined;
  let checkingSessions = false;
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

  /** Ends a stream the hub no longer serves: the client sees its response end. */
  const drop = (stream: Stream) => {
    remove(stream);
    stream.end?.();
  };

  const send = (stream: Stream, text: string) => {
    if (!stream.write(text)) remove(stream);
  };

  const allStreams = (): Stream[] => [...byUser.values()].flatMap((streams) => [...streams]);

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

  /** The (live, not suspended) workspaces `userId` is a member of now: one query for a replay. */
  const workspacesOf = async (userId: string): Promise<Set<string>> => {
    const { rows } = await deps.database.pool.query<{ workspace_id: string }>(
      `select m.workspace_id from member m join workspace w on w.id = m.workspace_id
        where m.user_id = $1 and w.deleted_at is null and w.suspended_at is null`,
      [userId],
    );
    return new Set(rows.map((row) => row.workspace_id));
  };

  const textOf = (message: RealtimeMessage): string =>
    message.k === 'notification'
      ? frame(message.i, 'notification', { id: encodeId('ntf', message.n) })
      : frame(message.i, 'invalidate', { workspace_id: encodeId('ws', message.w), topic: message.t });

  /** Writes one live message to every stream of this node it concerns. */
  const deliver = async (message: RealtimeMessage, members?: Promise<Set<string>>): Promise<void> => {
    if (message.k === 'notification') {
      const text = textOf(message);
      for (const stream of [...(byUser.get(message.u) ?? [])]) send(stream, text);
      return;
    }
    const current = await (members ?? membersAmong(message.w, [...byUser.keys()]));
    const text = textOf(message);
    for (const userId of current) for (const stream of [...(byUser.get(userId) ?? [])]) send(stream, text);
  };

  /**
   * Replays backlog messages to one stream, each checked as if it arrived now: the person's
   * memberships are read once for the whole replay (not once per event: a replay runs in the
   * node's one delivery queue, and up to `backlogSize` events may follow the client's last).
   */
  const replay = async (stream: Stream, messages: RealtimeMessage[]): Promise<void> => {
    const workspaces = messages.some((message) => message.k === 'workspace')
      ? await workspacesOf(stream.userId)
      : new Set<string>();
    for (const message of messages) {
      const concerned =
        message.k === 'notification' ? message.u === stream.userId : workspaces.has(message.w);
      if (concerned) send(stream, textOf(message));
    }
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
    void enqueue(() => (byUser.size === 0 ? Promise.resolve() : deliver(message, members)));
  };

  // After a lost LISTEN connection events may have been missed: every client refetches, and the
  // backlog, which now has a hole, cannot serve a resume.
  const onResync = () => {
    void enqueue(async () => {
      backlog.length = 0;
      const text = frame(undefined, 'resync', {});
      for (const stream of allStreams()) send(stream, text);
    });
  };

  /**
   * Ends the streams whose session is no longer one (signed out, revoked by staff, expired, the
   * person banned): one query for every stream of the node, once per keep-alive.
   */
  const checkSessions = async () => {
    const liveSessions = deps.liveSessions;
    if (checkingSessions || !liveSessions) return;
    const streams = allStreams().filter((stream) => stream.sessionId !== undefined);
    if (streams.length === 0) return;
    checkingSessions = true;
    try {
      const live = await liveSessions([...new Set(streams.map((stream) => stream.sessionId!))]);
      for (const stream of streams) if (!live.has(stream.sessionId!)) drop(stream);
    } catch (error) {
      // The database is away: the next keep-alive checks again.
      logger.warn({ err: error }, 'realtime sessions not checked');
    } finally {
      checkingSessions = false;
    }
  };

  const start = () => {
    unsubscribe ??= deps.notifyHub.subscribe(REALTIME_CHANNEL, onMessage, onResync);
    keepAlive ??= setInterval(() => {
      for (const stream of allStreams()) send(stream, ': keep-alive\n\n');
      void checkSessions();
    }, deps.keepAliveMs ?? 20_000);
    keepAlive.unref();
    return unsubscribe;
  };

  return {
    async connect(userId, write, options = {}) {
      if (closed) throw new Error('realtime hub closed');
      await start();
      const stream: Stream = { userId, sessionId: options.sessionId, write, end: options.end };
      // In the queue: the stream joins between two events, and a replay cannot interleave with
      // live delivery.
      await enqueue(async () => {
        let set = byUser.get(userId);
        if (!set) byUser.set(userId, (set = new Set()));
        set.add(stream);
        // One person cannot hold the node's memory with streams: past the cap their oldest ends
        // (its tab reconnects and resumes; a connection left half-open by a lost network goes first).
        if (set.size > maxStreamsPerUser) drop(set.values().next().value!);
        const last = options.lastEventId;
        if (last === undefined) return;
        const index = backlog.findIndex((entry) => entry.message.i === last);
        if (index < 0) {
          send(stream, frame(undefined, 'resync', {}));
          return;
        }
        await replay(
          stream,
          backlog.slice(index + 1).map((entry) => entry.message),
        );
      });
      return { userId, close: () => remove(stream) };
    },
    size(userId) {
      if (userId !== undefined) return byUser.get(userId)?.size ?? 0;
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
