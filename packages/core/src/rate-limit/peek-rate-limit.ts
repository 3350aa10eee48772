import type { Database } from '@plinth/db';
import type { RateLimitRule } from './define-rate-limit';
import type { RateLimitResult } from './consume-rate-limit';

/**
 * Reads a counter without counting: for limits that count only some outcomes (failed sign-ins),
 * checked before the attempt and consumed after it fails.
 */
export async function peekRateLimit(
  database: Database,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitResult> {
  const { rows } = await database.pool.query<{ count: number; seconds_left: number }>(
    `select count, greatest(1, ceil(extract(epoch from expires_at - now())))::int as seconds_left
     from rate_limit where key = $1 and expires_at > now()`,
    [`${rule.name}:${subject}`],
  );
  const count = rows[0]?.count ?? 0;
  const allowed = count < rule.limit;
  return {
    allowed,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: allowed ? 0 : rows[0]!.seconds_left,
  };
}
