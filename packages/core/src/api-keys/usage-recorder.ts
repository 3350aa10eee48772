import { isIP } from 'node:net';
import type { Database } from '@plinth/db';
import type { Logger } from '../logger/index';

export interface ApiKeyUsageRecorder {
  /** Notes a use in memory; no I/O. */
  record(keyId: string, ip?: string | null): void;
  /** Writes what was noted since the last flush, in one statement. */
  flush(): Promise<void>;
  /** Stops the timer and flushes: call on shutdown, before the pool closes. */
  close(): Promise<void>;
}

// One statement however many keys were used: parallel arrays unnested into rows. The last
// condition keeps the newest time when several nodes flush the same key.
const flushQuery = {
  name: 'plinth_api_key_last_used',
  text: `update api_key k set last_used_at = u.used_at, last_used_ip = u.ip
         from unnest($1::uuid[], $2::timestamptz[], $3::inet[]) as u(id, used_at, ip)
         where k.id = u.id and (k.last_used_at is null or k.last_used_at < u.used_at)`,
};

/** A key's last use since the last flush: when (ms since the epoch) and from where, as given. */
interface Use {
  at: number;
  ip: string | null | undefined;
}

/**
 * `last_used_at` without a write per request: uses are collected per key in memory and written
 * every `flushIntervalMs` (and on close) as one UPDATE — at most one row write per key per
 * interval, however busy the key. A crash loses at most one interval of "last used" facts,
 * which is the trade this column accepts.
 */
export function createApiKeyUsageRecorder(deps: {
  database: Database;
  flushIntervalMs: number;
  logger?: Logger;
}): ApiKeyUsageRecorder {
  // The address is checked when written, not on every use: a busy key is recorded on every
  // request, and only its last use per interval is ever written.
  let pending = new Map<string, Use>();
  let flushing: Promise<void> = Promise.resolve();

  async function write(batch: Map<string, Use>) {
    const ids: string[] = [];
    const times: Date[] = [];
    const ips: (string | null)[] = [];
    for (const [id, use] of batch) {
      ids.push(id);
      times.push(new Date(use.at));
      ips.push(use.ip && isIP(use.ip) ? use.ip : null);
    }
    try {
      await deps.database.pool.query({ ...flushQuery, values: [ids, times, ips] });
    } catch (error) {
      deps.logger?.warn({ err: error, keys: ids.length }, 'api key usage flush failed; retrying next time');
      // Put the uses back unless a newer one arrived meanwhile.
      for (const [id, use] of batch) if (!pending.has(id)) pending.set(id, use);
    }
  }

  function flush(): Promise<void> {
    // Serialized, so two flushes never race each other's batches.
    flushing = flushing.then(async () => {
      if (pending.size === 0) return;
      const batch = pending;
      pending = new Map();
      await write(batch);
    });
    return flushing;
  }

  const timer = setInterval(() => void flush(), deps.flushIntervalMs);
  timer.unref();

  return {
    record(keyId, ip) {
      const use = pending.get(keyId);
      if (use) {
        use.at = Date.now();
        use.ip = ip;
      } else pending.set(keyId, { at: Date.now(), ip });
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
