import { flagOverride, type Database, type NotifyHub } from '@plinth/db';
import type { FlagDefinition, FlagEnvironment } from './definitions';
import type { CachedOverride } from './evaluate';

/** The channel every node listens on; the payload is the changed flag's key (informative only). */
export const FLAGS_CHANNEL = 'plinth.flags';

/**
 * One node's view of the flags: the declarations in code plus every override in Postgres, held in
 * memory so evaluating a flag costs no query. Loaded at start; reloaded whole when any node NOTIFYs
 * a change on FLAGS_CHANNEL (sent at the commit of the change), and after the LISTEN connection was
 * lost and came back (notifications sent meanwhile are gone, so only a full reload is safe).
 */
export interface FlagStore {
  readonly definitions: Readonly<Record<string, FlagDefinition>>;
  readonly environment: FlagEnvironment;
  /** Resolves once the first load is done and the node listens for changes (starting both). */
  ready(): Promise<void>;
  /** The live and expired overrides of one flag, from the cache. */
  overridesOf(key: string): readonly CachedOverride[];
  /** Re-reads every override now (what a notification or a resync does). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface FlagStoreOptions {
  database: Database;
  /** The node's LISTEN connection; without one (a CLI, a unit test) the cache is loaded once. */
  hub?: NotifyHub | undefined;
  definitions: Readonly<Record<string, FlagDefinition>>;
  environment: FlagEnvironment;
  /** Told when a reload fails (the previous cache stays in use). */
  onError?: (error: unknown) => void;
}

export function createFlagStore(options: FlagStoreOptions): FlagStore {
  let byKey = new Map<string, CachedOverride[]>();
  // Reloads never overlap, and a change that arrives during one gets a reload after it: the cache
  // always ends on a read that began after the last notification.
  let running: Promise<void> | null = null;
  let again = false;
  let unsubscribe: (() => Promise<void>) | undefined;

  async function load(): Promise<void> {
    const rows = await options.database.db
      .select({
        key: flagOverride.key,
        scope: flagOverride.scope,
        workspaceId: flagOverride.workspaceId,
        userId: flagOverride.userId,
        value: flagOverride.value,
        expiresAt: flagOverride.expiresAt,
      })
      .from(flagOverride);
    const next = new Map<string, CachedOverride[]>();
    for (const { key, ...override } of rows) {
      const list = next.get(key) ?? [];
      list.push(override);
      next.set(key, list);
    }
    byKey = next;
  }

  function reload(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await load();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const reloadQuietly = () => {
    reload().catch((error: unknown) => options.onError?.(error));
  };

  // Started on first use (a worker that never reads a flag never loads them); a failed start (the
  // database down at boot) is retried by the next ready().
  let started: Promise<void> | null = null;
  function start(): Promise<void> {
    started ??= (async () => {
      if (options.hub && !unsubscribe) {
        unsubscribe = await options.hub.subscribe(FLAGS_CHANNEL, reloadQuietly, reloadQuietly);
      }
      await reload();
    })().catch((error: unknown) => {
      started = null;
      throw error;
    });
    return started;
  }

  return {
    definitions: options.definitions,
    environment: options.environment,
    ready: start,
    overridesOf: (key) => byKey.get(key) ?? [],
    reload,
    async close() {
      await started?.catch(() => {});
      await unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}
