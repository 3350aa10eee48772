import { createMiddleware } from 'hono/factory';
import type { Database } from '@plinth/db';
import { clientAddressBlock } from '@plinth/core/client-ip';
import { assertWithinRateLimit, hashSubject, type RateLimitRule } from '@plinth/core/rate-limit';
import type { ApiEnv } from '../types';
import { readClientIp } from './client-ip';

/**
 * Limits a route group per client (its IP, or its IPv6 /64). Over the limit, the request ends
 * here with 429, Retry-After and the error envelope (rate_limited), before auth or the handler.
 */
export function rateLimitByIp(database: Database, rule: RateLimitRule) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    await assertWithinRateLimit(database, rule, clientAddressBlock(readClientIp(c)));
    await next();
  });
}

/**
 * Limits per email address, for a handler that has parsed its body: throws rate_limited (429 with
 * Retry-After, rendered by the error handler). The address is stored only as a hash.
 */
export async function rateLimitByEmail(
  database: Database,
  rule: RateLimitRule,
  email: string,
): Promise<void> {
  await assertWithinRateLimit(database, rule, hashSubject(email));
}
