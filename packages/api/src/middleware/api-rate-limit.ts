import type { Context, Next } from 'hono';
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
import { nodeResponse } from './response-headers';

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
 * unauthenticated and failing requests are bounded too. It also writes the RateLimit-* headers,
 * once, on whatever response the rest of the chain produced (an error envelope included), for the
 * limit closest to refusing.
 */
export function apiRateLimitByIp(rateLimiting: ApiRateLimiting) {
  const { limiter, limits } = rateLimiting;
  return createMiddleware<RateLimitEnv>(async (c, next) => {
    const taken = limiter.take([ipCheck(limits, clientAddressBlock(readClientIp(c)))]);
    enforce(c, taken instanceof Promise ? await taken : taken);
    await next();
    const shown = c.get('rateLimit');
    if (shown) writeHeaders(nodeResponse(c) ?? c.res.headers, shown);
  });
}

/**
 * Step two (after the actor and the tenant): per credential (the API key, or the signed-in user)
 * and per workspace, whose limit its plan sets. A refused request is counted nowhere.
 */
export function apiRateLimitByActor(rateLimiting: ApiRateLimiting) {
  const { limiter, limits, workspaceLimit } = rateLimiting;
  /** The same steps once something must be awaited: the workspace's limit, or the bucket's take. */
  const settle = async (
    c: Context<RateLimitEnv>,
    next: Next,
    checks: RateLimitCheck[],
    pending: { workspaceId: string; limit: Promise<number> } | { taken: Promise<RateLimitDecision> },
  ) => {
    let taken: Promise<RateLimitDecision> | RateLimitDecision;
    if ('taken' in pending) taken = pending.taken;
    else {
      checks.push(workspaceCheck(limits, pending.workspaceId, await pending.limit));
      taken = limiter.take(checks);
    }
    enforce(c, taken instanceof Promise ? await taken : taken);
    await next();
  };
  // Not async when both answers are known in memory (the usual case): an async wrapper would cost
  // every request a promise. A workspace limit or a bucket not yet read from Postgres is awaited.
  return createMiddleware<RateLimitEnv>((c, next) => {
    const actor = c.get('actor');
    if (!actor) return next();
    const checks: RateLimitCheck[] = [credentialCheck(limits, `${actor.type}:${actor.id}`)];
    const workspaceId = c.get('workspace')?.id ?? actor.workspaceId;
    if (workspaceId) {
      const limit = workspaceLimit(workspaceId);
      if (typeof limit !== 'number') return settle(c, next, checks, { workspaceId, limit });
      checks.push(workspaceCheck(limits, workspaceId, limit));
    }
    const taken = limiter.take(checks);
    if (taken instanceof Promise) return settle(c, next, checks, { taken });
    enforce(c, taken);
    return next();
  });
}

/** Keeps the closest limit so far for the headers; a refusal is a 429 with Retry-After and them. */
function enforce(c: Context<RateLimitEnv>, decision: RateLimitDecision): void {
  const earlier = c.get('rateLimit');
  const shown = decision.allowed && earlier && earlier.remaining < decision.remaining ? earlier : decision;
  c.set('rateLimit', shown);
  if (!decision.allowed) {
    const headers: Record<string, string> = { 'Retry-After': String(decision.retryAfterSeconds) };
    writeHeaders(headers, decision);
    // The same message for every limit: which one tripped shows only in the headers' numbers.
    throw new AppError('rate_limited', undefined, { headers });
  }
}

/** Onto Node's response (see nodeResponse), the Response's Headers (tests), or a 429's header record. */
function writeHeaders(
  target: { setHeader(name: string, value: string): unknown } | Headers | Record<string, string>,
  decision: RateLimitDecision,
): void {
  const limit = String(decision.limit);
  const remaining = String(decision.remaining);
  const reset = String(decision.resetSeconds);
  const values = [limit, remaining, reset, limit, remaining, reset];
  for (let index = 0; index < rateLimitHeaderNames.length; index++) {
    const name = rateLimitHeaderNames[index]!;
    const value = values[index]!;
    if (target instanceof Headers) target.set(name, value);
    else if (typeof target.setHeader === 'function') target.setHeader(name, value);
    else (target as Record<string, string>)[name] = value;
  }
}

const rateLimitHeaderNames = [
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
] as const;
