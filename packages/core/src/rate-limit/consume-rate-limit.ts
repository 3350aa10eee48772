import type pg from 'pg';
import type { Database } from '@plinth/db';
import type { RateLimitRule } from './define-rate-limit';

/**
 * Where a count is taken: the pool (its own statement), or a client inside an open transaction — the
 * count then commits or rolls back with the work it guards (a refused invitation does not use quota).
 */
export type RateLimitStore = Database | Pick<pg.PoolClient, 'query'>;

export interface RateLimitResult {
  allowed: boolean;
  /** Requests left in the current window after this one. */
  remaining: number;
  /** Seconds until the window resets; 0 when allowed. */
  retryAfterSeconds: number;
}

// One statement, so it is atomic on every node: the row lock taken by ON CONFLICT DO UPDATE
// serializes concurrent requests for one key, and each sees the count the previous one left.
// A window that has passed restarts at 1. Times come from the database's clock, not the nodes'.
const consumeSql = `
insert into rate_limit as bucket (key, window_start, count, expires_at)
values ($1, now(), 1, now() + make_interval(secs => $2))
on conflict (key) do update set
  window_start = case when bucket.expires_at <= now() then now() else bucket.window_start end,
  count = case when bucket.expires_at <= now() then 1 else bucket.count + 1 end,
  expires_at = case when bucket.expires_at <= now() then now() + make_interval(secs => $2)
                    else bucket.expires_at end
returning count, window_start, greatest(1, ceil(extract(epoch from expires_at - now())))::int as seconds_left`;

/**
 * Counts one request by `subject` (an IP block, a hashed email) against `rule` and says whether it
 * is within the limit. Does not throw for a limited request (see assertWithinRateLimit); database
 * errors propagate, so a limit is never silently skipped.
 */
export async function consumeRateLimit(
  store: RateLimitStore,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitResult> {
  const runner = 'pool' in store ? store.pool : store;
  const { rows } = await runner.query<{ count: number; seconds_left: number }>(consumeSql, [
    `${rule.name}:${subject}`,
    rule.windowSeconds,
  ]);
  const { count, seconds_left: secondsLeft } = rows[0]!;
  const allowed = count <= rule.limit;
  return {
    allowed,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: allowed ? 0 : secondsLeft,
  };
}
