import type { Database } from '@plinth/db';
import { AppError } from '../errors/index';
import { consumeRateLimit, type RateLimitResult } from './consume-rate-limit';
import type { RateLimitRule } from './define-rate-limit';

/**
 * consumeRateLimit, throwing `rate_limited` (429) with a Retry-After header when over the limit.
 * The message is the same for every rule: it must not tell a caller which one it tripped.
 */
export async function assertWithinRateLimit(
  database: Database,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitResult> {
  const result = await consumeRateLimit(database, rule, subject);
  if (!result.allowed) {
    throw new AppError('rate_limited', undefined, {
      headers: { 'Retry-After': String(result.retryAfterSeconds) },
    });
  }
  return result;
}
