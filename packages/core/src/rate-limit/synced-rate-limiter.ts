import type { Database } from '@plinth/db';
import type { Logger } from '../logger/index';

/** One limit to check: at most `limit` requests per `windowSeconds` for `subject` under `name`. */
export interface RateLimitCheck {
  /** The bucket family (`api.key`, `api.ip`, `api.workspace`); part of the shared counter's key. */
  name: string;
  subject: string;
  limit: number;
  windowSeconds: number;
}

/** The outcome of a request against all its checks, for the RateLimit-* headers. */
export interface RateLimitDecision {
  allowed: boolean;
  /** The check that decided: the one that refused, or the one with the fewest requests left. */
  name: string;
  limit: number;
  remaining: number;
  /** Seconds until that check's current window ends. */
  resetSeconds: number;
  /** Seconds until a refused request may succeed; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface SyncedRateLimiterOptions {
  database: Database;
  /** How often this node adds its local counts to the shared ones and reads the totals back. */
  syncIntervalMs?: number;
  logger?: Logger;
  now?: () => number;
  /**
   * The most buckets kept in memory (default 50 000). Past it, the least recently used idle ones
   * are dropped; one met again later starts cold (it reads the shared count before deciding).
   */
  maxBuckets?: number;
}

/** A counter for one (name, subject): the shared totals as last read, plus what this node added since. */
interface Bucket {
  id: string;
  windowMs: number;
  /** Index of the current window (epoch ms / windowMs). */
  window: number;
  /** Every node's count for `window` at the last sync (this node's flushed requests included). */
  current: number;
  /** Every node's count for `window - 1`: the sliding window's weighted tail. */
  previous: number;
  /** Admitted here, not yet sent. */
  pending: number;
  /** Sent in the sync now in flight, not yet reflected in `current`. */
  sent: number;
  lastUsedMs: number;
  /** When the last sync that read this bucket's totals began (a bucket unused for a while is stale). */
  readAtMs: number;
  /** The window whose total that sync read: another one means the previous window is worth reading. */
  readWindow: number;
  /** Used since the last sync began: it is in #touched, and the next sync sends and reads it. */
  touched: boolean;
  /** The number of the last sync that covered it (to list each bucket once per sync). */
  syncedIn: number;
  /** Resolved once the bucket has read the shared counts; until then requests wait for it. */
  warm: Promise<void> | undefined;
  resolveWarm: (() => void) | undefined;
  rejectWarm: ((error: unknown) => void) | undefined;
}

interface FlushEntry {
  bucket: Bucket;
  window: number;
  delta: number;
}

// One statement per sync, whatever the number of buckets: add this node's deltas to the shared rows
// (in key order, so two nodes syncing overlapping keys lock them in the same order and cannot
// deadlock) and read back the totals, plus the rows it only needs to read. Rows live in the
// identity limits' `rate_limit` table, keyed `name:subject@window`, and expire one window after
// their own ends (pruneRateLimits deletes them).
const syncQuery = {
  name: 'plinth_rate_limit_sync',
  text: `with upserted as (
           insert into rate_limit as counter (key, window_start, count, expires_at)
           select d.key, to_timestamp(d.starts), d.delta, to_timestamp(d.expires)
           from unnest($1::text[], $2::int[], $3::float8[], $4::float8[]) as d(key, delta, starts, expires)
           order by d.key
           on conflict (key) do update set count = counter.count + excluded.count
           returning counter.key, counter.count)
         select key, count from upserted
         union all
         select key, count from rate_limit where key = any($5::text[])`,
};

/**
 * Rate limits shared by every node without a database write per request. Each node keeps its own
 * counters in memory and decides at once from the shared totals as of the last sync plus what it
 * admitted since; every `syncIntervalMs` it adds its deltas to one Postgres row per (bucket, window)
 * and reads the totals back, in one statement. The window slides: the previous window's count is
 * weighted by how much of it still overlaps (the approximation Cloudflare and others use), so a
 * burst at a window boundary cannot double the limit. The first request for a bucket on a node
 * waits for one sync, so a node that starts (or meets a new key) never admits blind.
 *
 * A sync covers only the buckets used in the last few intervals (since the previous sync, or
 * within `3 × interval + 1 s`), so its cost follows recent traffic, not every subject seen in the
 * last two windows; a bucket whose totals are older than that waits for a sync again before
 * deciding, like a new one. The map is capped (`maxBuckets`): past
 * the cap the least recently used idle buckets are dropped, so an address spray costs bounded
 * memory (a drop only costs the next request of that subject one sync; it is never admitted blind).
 * Buckets in use are never dropped, so the map may pass the cap by the subjects of one interval.
 *
 * Accuracy: between syncs the nodes do not see each other's requests, so together they can admit
 * up to (nodes − 1) × (what one node admits in one sync interval + round trip) beyond the limit
 * (docs/decisions/0010-api-rate-limits.md).
 */
export class SyncedRateLimiter {
  readonly #database: Database;
  readonly #intervalMs: number;
  readonly #logger: Logger | undefined;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  readonly #maxBuckets: number;
  /** Totals older than this are not trusted for a decision: the bucket waits for a sync. */
  readonly #staleMs: number;
  /** Buckets used since the last sync began: the next sync sends and reads them. */
  #touched: Bucket[] = [];
  /** What the last sync covered: still read while used within #staleMs, so they stay fresh. */
  #recent: Bucket[] = [];
  #syncs = 0;
  /** False once an eviction found nothing to drop; a sync makes buckets idle again. */
  #evictable = true;
  #lastSweepMs = 0;
  /** Deltas of windows that ended before they were sent. */
  #carried: FlushEntry[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #flushAgain = false;
  #failing = false;

  constructor(options: SyncedRateLimiterOptions) {
    this.#database = options.database;
    this.#intervalMs = options.syncIntervalMs ?? 500;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#maxBuckets = options.maxBuckets ?? 50_000;
    this.#staleMs = 3 * this.#intervalMs + 1000;
  }

  /** How many buckets this node holds in memory. */
  get size(): number {
    return this.#buckets.size;
  }

  /**
   * Counts one request against every check, or refuses it (and counts it nowhere) when any check
   * is exhausted. Synchronous for buckets this node already knows; a Promise the first time.
   */
  take(checks: readonly RateLimitCheck[]): RateLimitDecision | Promise<RateLimitDecision> {
    const now = this.#now();
    const buckets: Bucket[] = [];
    let cold: Promise<void>[] | undefined;
    for (const check of checks) {
      const bucket = this.#bucket(check, now);
      buckets.push(bucket);
      if (bucket.warm) (cold ??= []).push(bucket.warm);
    }
    if (!cold) return this.#decide(checks, buckets, now);
    this.#requestFlush();
    // Buckets just used are never evicted, so the same objects are still the map's after the wait.
    return Promise.all(cold).then(() => {
      // The sync that warmed them has begun since: what this request adds goes in the next one.
      for (const bucket of buckets) this.#touch(bucket);
      return this.#decide(checks, buckets, this.#now());
    });
  }

  /** Starts the periodic sync; the timer never keeps the process alive. */
  start(): this {
    this.#timer ??= setInterval(() => this.#requestFlush(), this.#intervalMs);
    this.#timer.unref();
    return this;
  }

  /** Sends what is pending now and waits for it: for shutdown, and for tests that need a sync point. */
  async flush(): Promise<void> {
    this.#requestFlush();
    while (this.#flushing) await this.#flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.flush().catch(() => {});
  }

  #bucket(check: RateLimitCheck, now: number): Bucket {
    const id = `${check.name}:${check.subject}`;
    let bucket = this.#buckets.get(id);
    if (!bucket) {
      if (this.#buckets.size >= this.#maxBuckets && this.#evictable) this.#evict();
      const windowMs = check.windowSeconds * 1000;
      bucket = {
        id,
        windowMs,
        window: Math.floor(now / windowMs),
        current: 0,
        previous: 0,
        pending: 0,
        sent: 0,
        lastUsedMs: now,
        readAtMs: now,
        readWindow: -1,
        touched: false,
        syncedIn: 0,
        warm: undefined,
        resolveWarm: undefined,
        rejectWarm: undefined,
      };
      this.#makeCold(bucket);
      this.#buckets.set(id, bucket);
    } else if (!bucket.warm && now - bucket.readAtMs > this.#staleMs) {
      // Unused here for a while: other nodes may have used it up since; read before deciding.
      this.#makeCold(bucket);
    }
    bucket.lastUsedMs = now;
    this.#touch(bucket);
    return bucket;
  }

  #touch(bucket: Bucket): void {
    if (bucket.touched) return;
    bucket.touched = true;
    this.#touched.push(bucket);
  }

  /** Drops the least recently used idle buckets, down to 90% of the cap (so not on every insert). */
  #evict(): void {
    const idle: Bucket[] = [];
    for (const bucket of this.#buckets.values()) if (isIdle(bucket)) idle.push(bucket);
    idle.sort((a, b) => a.lastUsedMs - b.lastUsedMs);
    const target = Math.min(this.#maxBuckets - 1, Math.floor(this.#maxBuckets * 0.9));
    let index = 0;
    while (this.#buckets.size > target && index < idle.length) this.#buckets.delete(idle[index++]!.id);
    // Everything left is in use: no point scanning again on every new subject until a sync.
    if (this.#buckets.size >= this.#maxBuckets) this.#evictable = false;
  }

  /** Drops buckets idle for two windows: nothing of them is left to count. */
  #sweep(now: number): void {
    for (const bucket of this.#buckets.values()) {
      if (now - bucket.lastUsedMs > 2 * bucket.windowMs && isIdle(bucket)) this.#buckets.delete(bucket.id);
    }
  }

  #makeCold(bucket: Bucket): void {
    bucket.warm = new Promise<void>((resolve, reject) => {
      bucket.resolveWarm = resolve;
      bucket.rejectWarm = reject;
    });
    // A rejection is delivered to the requests waiting on it; never an unhandled one.
    bucket.warm.catch(() => {});
  }

  /** Moves a bucket into the window `now` falls in. */
  #roll(bucket: Bucket, now: number): void {
    const window = Math.floor(now / bucket.windowMs);
    if (window === bucket.window) return;
    // Admitted in the window that ended but not sent yet: still counted there, at the next sync.
    if (bucket.pending > 0) this.#carried.push({ bucket, window: bucket.window, delta: bucket.pending });
    // Best knowledge of the window that just ended; the next sync reads its final total.
    bucket.previous = window === bucket.window + 1 ? bucket.current + bucket.sent + bucket.pending : 0;
    bucket.current = 0;
    bucket.pending = 0;
    bucket.sent = 0;
    bucket.window = window;
  }

  #decide(checks: readonly RateLimitCheck[], buckets: readonly Bucket[], now: number): RateLimitDecision {
    let decision: RateLimitDecision | undefined;
    for (let index = 0; index < checks.length; index++) {
      const check = checks[index]!;
      const bucket = buckets[index]!;
      this.#roll(bucket, now);
      const windowStart = bucket.window * bucket.windowMs;
      const overlap = 1 - (now - windowStart) / bucket.windowMs;
      const ours = bucket.current + bucket.sent + bucket.pending;
      const used = bucket.previous * overlap + ours;
      const allowed = used + 1 <= check.limit;
      const resetSeconds = Math.max(1, Math.ceil((windowStart + bucket.windowMs - now) / 1000));
      const candidate: RateLimitDecision = {
        allowed,
        name: check.name,
        limit: check.limit,
        remaining: allowed ? Math.max(0, Math.floor(check.limit - used - 1)) : 0,
        resetSeconds,
        retryAfterSeconds: allowed ? 0 : retryAfter(bucket, check.limit, ours, now),
      };
      decision = mostLimiting(decision, candidate);
    }
    if (!decision) throw new TypeError('SyncedRateLimiter.take needs at least one check');
    if (decision.allowed) {
      for (const bucket of buckets) bucket.pending += 1;
    }
    return decision;
  }

  #requestFlush(): void {
    if (this.#flushing) {
      this.#flushAgain = true;
      return;
    }
    this.#flushing = this.#sync()
      .catch((error: unknown) => {
        if (!this.#failing) this.#logger?.warn({ err: error }, 'rate-limit sync failed; retrying');
        this.#failing = true;
      })
      .finally(() => {
        this.#flushing = undefined;
        if (this.#flushAgain) {
          this.#flushAgain = false;
          this.#requestFlush();
        }
      });
  }

  async #sync(): Promise<void> {
    const now = this.#now();
    const writes: FlushEntry[] = this.#carried;
    this.#carried = [];
    const reads: FlushEntry[] = [];
    const waking: Bucket[] = [];
    // This sync covers the buckets used since the last one, and those used within #staleMs (kept
    // fresh while in use); everything else waits, and is read again before its next decision.
    const sync = ++this.#syncs;
    const touched: Bucket[] = [];
    for (const bucket of this.#touched) {
      bucket.touched = false;
      bucket.syncedIn = sync;
      touched.push(bucket);
    }
    this.#touched = [];
    for (const bucket of this.#recent) {
      if (bucket.syncedIn === sync || now - bucket.lastUsedMs > this.#staleMs) continue;
      if (this.#buckets.get(bucket.id) !== bucket) continue;
      bucket.syncedIn = sync;
      touched.push(bucket);
    }
    this.#recent = touched;
    if (now - this.#lastSweepMs > 10_000) {
      this.#lastSweepMs = now;
      this.#sweep(now);
    }
    for (const bucket of touched) {
      this.#roll(bucket, now);
      if (bucket.warm) waking.push(bucket);
      if (bucket.pending > 0) {
        writes.push({ bucket, window: bucket.window, delta: bucket.pending });
        bucket.sent += bucket.pending;
        bucket.pending = 0;
      } else {
        reads.push({ bucket, window: bucket.window, delta: 0 });
      }
      // Other nodes' last deltas for the window that just ended land within a sync or two of its end;
      // a bucket last read in an earlier window has not seen that window's final total at all.
      if (
        bucket.warm ||
        bucket.readWindow !== bucket.window ||
        now - bucket.window * bucket.windowMs < 3 * this.#intervalMs + 1000
      ) {
        reads.push({ bucket, window: bucket.window - 1, delta: 0 });
      }
    }
    this.#evictable = true;
    if (writes.length === 0 && reads.length === 0) return;
    writes.sort((a, b) => compare(rowKey(a), rowKey(b)));
    let rows: { key: string; count: number }[];
    try {
      ({ rows } = await this.#database.pool.query<{ key: string; count: number }>({
        ...syncQuery,
        values: [
          writes.map(rowKey),
          writes.map((entry) => entry.delta),
          writes.map((entry) => (entry.window * entry.bucket.windowMs) / 1000),
          // Kept through the next window, where it is the sliding window's tail.
          writes.map((entry) => ((entry.window + 2) * entry.bucket.windowMs) / 1000),
          reads.map(rowKey),
        ],
      }));
    } catch (error) {
      // Nothing was counted: put the deltas back for the next sync, and fail the cold requests
      // (a limit is never skipped silently).
      for (const entry of writes) {
        const bucket = entry.bucket;
        if (entry.window === bucket.window) {
          bucket.sent -= entry.delta;
          bucket.pending += entry.delta;
        } else this.#carried.push(entry);
      }
      for (const bucket of waking) {
        bucket.rejectWarm?.(error);
        this.#makeCold(bucket);
      }
      // Their deltas are pending again and the cold ones still need a read: the next sync retries them.
      for (const bucket of touched) this.#touch(bucket);
      throw error;
    }
    this.#failing = false;
    const counts = new Map(rows.map((row) => [row.key, row.count]));
    for (const entry of writes) {
      const bucket = entry.bucket;
      if (entry.window === bucket.window) {
        bucket.sent -= entry.delta;
        bucket.current = counts.get(rowKey(entry)) ?? bucket.current;
        bucket.readWindow = entry.window;
      } else if (entry.window === bucket.window - 1) {
        bucket.previous = counts.get(rowKey(entry)) ?? bucket.previous;
      }
    }
    for (const entry of reads) {
      const bucket = entry.bucket;
      const count = counts.get(rowKey(entry)) ?? 0;
      if (entry.window === bucket.window) {
        bucket.current = count;
        bucket.readWindow = entry.window;
      } else if (entry.window === bucket.window - 1) bucket.previous = Math.max(count, bucket.previous);
    }
    for (const bucket of touched) bucket.readAtMs = now;
    for (const bucket of waking) {
      bucket.warm = undefined;
      bucket.resolveWarm?.();
    }
  }
}

/** Nothing to send, nothing in flight, nobody waiting, unused since the last sync: safe to drop. */
function isIdle(bucket: Bucket): boolean {
  return !bucket.touched && bucket.pending === 0 && bucket.sent === 0 && !bucket.warm;
}

function rowKey(entry: FlushEntry): string {
  return `${entry.bucket.id}@${entry.window}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Seconds until the sliding count falls below the limit: while this window alone is under it, the
 * previous window's weight decays linearly; otherwise only the next window helps.
 */
function retryAfter(bucket: Bucket, limit: number, ours: number, now: number): number {
  const windowEnd = (bucket.window + 1) * bucket.windowMs;
  if (ours + 1 > limit || bucket.previous === 0) {
    // Next window: its tail is this window's count, weighted by the overlap.
    const overlapNeeded = Math.max(0, (limit - 1) / Math.max(ours, 1));
    const intoNext = ours + 1 > limit ? (1 - Math.min(1, overlapNeeded)) * bucket.windowMs : 0;
    return Math.max(1, Math.ceil((windowEnd - now + intoNext) / 1000));
  }
  const overlapNeeded = (limit - 1 - ours) / bucket.previous;
  const at = windowEnd - overlapNeeded * bucket.windowMs;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** A refusal wins over an admission; between two of a kind, the longer wait or the fewer left. */
function mostLimiting(a: RateLimitDecision | undefined, b: RateLimitDecision): RateLimitDecision {
  if (!a) return b;
  if (a.allowed !== b.allowed) return a.allowed ? b : a;
  if (!a.allowed) return b.retryAfterSeconds > a.retryAfterSeconds ? b : a;
  return b.remaining < a.remaining ? b : a;
}
