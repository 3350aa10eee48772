import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '@plinth/db';
import type { Logger } from '../logger/index';

/** How often a node reports itself, and how long the staff page counts a node as seen recently. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
export const NODE_SEEN_WITHIN_SECONDS = 5 * 60;
/** Rows of nodes not seen for this long are deleted by the others' heartbeats. */
const FORGET_AFTER = '1 day';

export interface NodeIdentity {
  /** A fresh uuid per process start unless given. */
  id?: string;
  role: string;
  version: string;
}

export interface Heartbeat {
  /** This process's node id (the row's primary key). */
  readonly id: string;
  /** Stops the timer and marks the row stopped; once, whatever happens to the database. */
  stop(): Promise<void>;
}

/**
 * Reports this process in `node_heartbeat`: one upsert now and every `intervalMs` (last_seen_at from
 * the database's clock, so nodes' clocks cannot disagree), and on stop() the row is marked stopped.
 * A failed beat is logged and the next one tries again; it never stops the process.
 */
export async function startHeartbeat(
  deps: { database: Database; logger: Logger },
  node: NodeIdentity,
  options: { intervalMs?: number } = {},
): Promise<Heartbeat> {
  const id = node.id ?? randomUUID();
  const intervalMs = options.intervalMs ?? HEARTBEAT_INTERVAL_MS;
  const startedAt = new Date();
  const host = hostname().slice(0, 255);
  const logger = deps.logger.child({ component: 'heartbeat' });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let beating: Promise<void> = Promise.resolve();

  const beat = async () => {
    await deps.database.pool.query(
      `insert into node_heartbeat (id, role, version, hostname, pid, started_at, last_seen_at)
       values ($1, $2, $3, $4, $5, $6, now())
       on conflict (id) do update set last_seen_at = now(), stopped_at = null`,
      [id, node.role, node.version, host, process.pid, startedAt],
    );
    await deps.database.pool.query(
      `delete from node_heartbeat where last_seen_at < now() - interval '${FORGET_AFTER}'`,
    );
  };
  const tick = () => {
    beating = beat()
      .catch((error: unknown) => logger.warn({ err: error }, 'heartbeat failed'))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(tick, intervalMs);
          timer.unref();
        }
      });
  };

  // The first beat is awaited: a node appears on the page as soon as it has started.
  await beat().catch((error: unknown) => logger.warn({ err: error }, 'heartbeat failed'));
  timer = setTimeout(tick, intervalMs);
  timer.unref();

  let stopping: Promise<void> | undefined;
  return {
    id,
    stop: () =>
      (stopping ??= (async () => {
        stopped = true;
        clearTimeout(timer);
        await beating;
        await deps.database.pool
          .query('update node_heartbeat set stopped_at = now(), last_seen_at = now() where id = $1', [id])
          .catch((error: unknown) => logger.warn({ err: error }, 'could not mark the node stopped'));
      })()),
  };
}

/** A node as the staff page lists it. */
export interface NodeSeen {
  id: string;
  role: string;
  version: string;
  hostname: string;
  pid: number;
  startedAt: Date;
  lastSeenAt: Date;
  stoppedAt: Date | null;
  /** Seconds since it started (until it stopped, for a stopped node). */
  uptimeSeconds: number;
  /** Seconds since its last heartbeat. */
  lastSeenSecondsAgo: number;
  /** running: beat within three intervals; stopped: shut down gracefully; silent: neither (crashed, frozen, cut off). */
  status: 'running' | 'stopped' | 'silent';
}

/** Nodes seen in the last `withinSeconds` (5 minutes by default), running ones first, newest start first. */
export async function listNodes(
  deps: { database: Database },
  options: { withinSeconds?: number; intervalMs?: number } = {},
): Promise<NodeSeen[]> {
  const within = options.withinSeconds ?? NODE_SEEN_WITHIN_SECONDS;
  const silentAfter = (3 * (options.intervalMs ?? HEARTBEAT_INTERVAL_MS)) / 1000;
  const { rows } = await deps.database.pool.query<{
    id: string;
    role: string;
    version: string;
    hostname: string;
    pid: number;
    started_at: Date;
    last_seen_at: Date;
    stopped_at: Date | null;
    uptime: number;
    ago: number;
  }>(
    `select id, role, version, hostname, pid, started_at, last_seen_at, stopped_at,
            extract(epoch from coalesce(stopped_at, now()) - started_at)::float8 as uptime,
            extract(epoch from now() - last_seen_at)::float8 as ago
       from node_heartbeat
      where last_seen_at > now() - make_interval(secs => $1)
      order by (stopped_at is null) desc, started_at desc, id`,
    [within],
  );
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    version: row.version,
    hostname: row.hostname,
    pid: row.pid,
    startedAt: row.started_at,
    lastSeenAt: row.last_seen_at,
    stoppedAt: row.stopped_at,
    uptimeSeconds: Math.max(0, row.uptime),
    lastSeenSecondsAgo: Math.max(0, row.ago),
    status: row.stopped_at ? 'stopped' : row.ago > silentAfter ? 'silent' : 'running',
  }));
}
