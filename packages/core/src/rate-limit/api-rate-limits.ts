import type { Database } from '@plinth/db';
import { entitlements, type Entitlements } from '../entitlements/index';
import type { RateLimitCheck } from './synced-rate-limiter';

/** Requests per window for /api/v1, per credential (API key or signed-in user), client IP and plan. */
export interface ApiRateLimits {
  windowSeconds: number;
  perCredential: number;
  perIp: number;
  /** Per workspace, by plan; a plan whose limits declare `apiRequestsPerMinute` uses that instead. */
  perWorkspace: Readonly<Record<string, number>>;
  /** Multiplies every limit (API_RATE_LIMIT_SCALE): for load tests and large deployments. */
  scale: number;
}

/**
 * The defaults: a workspace's plan bounds all its keys and members together; one credential or one
 * address can use a good share of it but not starve the rest. Per minute.
 */
export const defaultApiRateLimits: ApiRateLimits = Object.freeze({
  windowSeconds: 60,
  perCredential: 1_200,
  perIp: 2_400,
  perWorkspace: Object.freeze({ free: 600, pro: 3_000, team: 12_000 }),
  scale: 1,
});

const scaled = (limits: ApiRateLimits, value: number) => Math.max(1, Math.round(value * limits.scale));

export function ipCheck(limits: ApiRateLimits, ipBlock: string): RateLimitCheck {
  return {
    name: 'api.ip',
    subject: ipBlock,
    limit: scaled(limits, limits.perIp),
    windowSeconds: limits.windowSeconds,
  };
}

/** `credential` is `type:id` of an API key or a user. */
export function credentialCheck(limits: ApiRateLimits, credential: string): RateLimitCheck {
  return {
    name: 'api.credential',
    subject: credential,
    limit: scaled(limits, limits.perCredential),
    windowSeconds: limits.windowSeconds,
  };
}

/** `limit` as workspaceApiLimit returns it (already scaled). */
export function workspaceCheck(limits: ApiRateLimits, workspaceId: string, limit: number): RateLimitCheck {
  return { name: 'api.workspace', subject: workspaceId, limit, windowSeconds: limits.windowSeconds };
}

/** The API requests per window a workspace's plan grants. */
export function workspaceApiLimit(
  limits: ApiRateLimits,
  plan: Pick<Entitlements, 'plan' | 'limits'>,
): number {
  const declared = (plan.limits as Record<string, unknown>).apiRequestsPerMinute;
  const perMinute =
    typeof declared === 'number' && declared > 0
      ? declared
      : (limits.perWorkspace[plan.plan] ?? limits.perWorkspace.free ?? limits.perCredential);
  return scaled(limits, perMinute);
}

/**
 * The workspace's API limit, from its entitlements, cached per node for `ttlMs`: a plan change
 * reaches the limiter within that time without a query per request. A stale entry is answered at
 * once and refreshed in the background; only a workspace never seen waits for the lookup.
 */
export function createWorkspaceApiLimits(
  deps: { database: Database },
  limits: ApiRateLimits,
  ttlMs = 60_000,
): (workspaceId: string) => number | Promise<number> {
  const cache = new Map<string, { limit: number; fetchedAt: number; refreshing: boolean }>();
  const load = async (workspaceId: string) => {
    const limit = workspaceApiLimit(limits, await entitlements(deps, workspaceId));
    cache.set(workspaceId, { limit, fetchedAt: Date.now(), refreshing: false });
    // Bounded: a node meets a workspace again within the hour or forgets it.
    if (cache.size > 50_000) cache.delete(cache.keys().next().value!);
    return limit;
  };
  return (workspaceId) => {
    const entry = cache.get(workspaceId);
    if (!entry) return load(workspaceId);
    if (!entry.refreshing && Date.now() - entry.fetchedAt > ttlMs) {
      entry.refreshing = true;
      // The old limit holds until the new one is read; a failed read retries after the next ttl.
      load(workspaceId).catch(() => {
        entry.refreshing = false;
        entry.fetchedAt = Date.now();
      });
    }
    return entry.limit;
  };
}
