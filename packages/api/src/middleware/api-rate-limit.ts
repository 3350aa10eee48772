import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Database } from '@plinth/db';
import type { Actor } from '@plinth/core/actor';
import { clientAddressBlock } from '@plinth/core/client-ip';
import { AppError } from '@plinth/core/errors';
import type { Logger } from '@plinth/core/logger';
import {
  createWorkspaceApiLimits,
  credentialCheck,
  ipCheck,
  SyncedRateLimiter,
  workspaceCheck,
  type ApiRateLimits,
  type RateLimitCheck,
  type RateLimitDecision,
} from '@plinth/core/rate-limit';
import type { ApiEnv } from '../types';
import { readClientIp } from './client-ip';

/** The node's limiter and the limits it enforces; built once per API app. */
export interface ApiRateLimiting {
  limiter: SyncedRateLimiter;
  limits: ApiRateLimits;
  workspaceLimit: (workspaceId: string) => number | Promise<number>;
}

export function createApiRateLimiting(
  deps: { database: Database; logger?: Logger },
  limits: ApiRateLimits,
  limiter?: SyncedRateLimiter,
): ApiRateLimiting {
  return {
    limiter: limiter ?? new SyncedRateLimiter({ database: deps.database, logger: deps.logger }).start(),
    limits,
    workspaceLimit: createWorkspaceApiLimits(deps, limits),
  };
}

interface RateLimitEnv {
  Variables: ApiEnv['Variables'] & {
    actor?: Actor;
    workspace?: { id: string };
    rateLimit?: RateLimitDecision;
  };
}

/**
 * /api/v1 limits, step one (before auth): per client address (an IPv6 /64 counts as one), so
 * unauthenticated and failing requests are bounded too. Sets the RateLimit-* headers.
 */
export function apiRateLimitByIp(rateLimiting: ApiRateLimiting) {
  const { limiter, limits } = rateLimiting;
  return createMiddleware<RateLimitEnv>(async (c, next) => {
    const taken = limiter.take([ipCheck(limits, clientAddressBlock(readClientIp(c)))]);
    enforce(c, taken instanceof Promise ? await taken : taken);
    await next();
  });
}

/**
 * Step two (after the actor and the tenant): per credential (the API key, or the signed-in user)
 * and per workspace, whose limit its plan sets. A refused request is counted nowhere. The headers
 * describe whichever limit is closest to refusing, this step's or the address's.
 */
export function apiRateLimitByActor(rateLimiting: ApiRateLimiting) {
  const { limiter, limits, workspaceLimit } = rateLimiting;
  return createMiddleware<RateLimitEnv>(async (c, next) => {
    const actor = c.get('actor');
    if (!actor) return next();
    const checks: RateLimitCheck[] = [credentialCheck(limits, `${actor.type}:${actor.id}`)];
    const workspaceId = c.get('workspace')?.id ?? actor.workspaceId;
    if (workspaceId) {
      const limit = workspaceLimit(workspaceId);
      checks.push(workspaceCheck(limits, workspaceId, typeof limit === 'number' ? limit : await limit));
    }
    const taken = limiter.take(checks);
    enforce(c, taken instanceof Promise ? await taken : taken);
    await next();
  });
}

/** Headers for the closest limit so far; 429 with Retry-After (and the envelope) when refused. */
function enforce(c: Context<RateLimitEnv>, decision: RateLimitDecision): void {
  const earlier = c.get('rateLimit');
  const shown = earlier && earlier.remaining < decision.remaining && decision.allowed ? earlier : decision;
  c.set('rateLimit', shown);
  const limit = String(shown.limit);
  const remaining = String(shown.remaining);
  const reset = String(shown.resetSeconds);
  c.header('RateLimit-Limit', limit);
  c.header('RateLimit-Remaining', remaining);
  c.header('RateLimit-Reset', reset);
  c.header('X-RateLimit-Limit', limit);
  c.header('X-RateLimit-Remaining', remaining);
  c.header('X-RateLimit-Reset', reset);
  if (!decision.allowed) {
    // The same message for every limit: which one tripped is in the headers' numbers only.
    throw new AppError('rate_limited', undefined, {
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
    });
  }
}
