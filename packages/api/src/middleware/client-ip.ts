import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { HttpBindings } from '@hono/node-server';
import { resolveClientIp, TrustedProxies } from '@plinth/core/client-ip';
import type { ApiEnv } from '../types';

/** What `clientIp` holds when the socket has no address (the client has already gone). */
export const UNKNOWN_CLIENT_IP = 'unknown';

/**
 * Resolves the client's address once per request and keeps it as `c.get('clientIp')` for rate
 * limits, logs and audit: the socket peer, or, when that peer is one of `trustedProxies`, the hop
 * X-Forwarded-For names (see resolveClientIp). The list is compiled here, at start-up, so a bad
 * TRUSTED_PROXIES entry stops the start.
 */
export function clientIp(trustedProxies: readonly string[]) {
  const trusted = new TrustedProxies(trustedProxies);
  // Not async: every request passes through here, and an async wrapper would cost it a promise.
  return createMiddleware<ApiEnv>((c, next) => {
    c.set('clientIp', clientIpOf(c, trusted));
    return next();
  });
}

/** The request's client address; falls back to the bare socket peer (trusting no header). */
export function readClientIp(c: Context<ApiEnv>): string {
  return c.get('clientIp') ?? clientIpOf(c, new TrustedProxies([]));
}

function clientIpOf(c: Context<ApiEnv>, trustedProxies: TrustedProxies): string {
  // Present when served by @hono/node-server (apps/server); absent under app.request() in tests.
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  const ip = resolveClientIp({
    socketAddress: incoming?.socket?.remoteAddress,
    forwardedFor: trustedProxies.size > 0 ? c.req.header('x-forwarded-for') : undefined,
    trustedProxies,
  });
  return ip ?? UNKNOWN_CLIENT_IP;
}
