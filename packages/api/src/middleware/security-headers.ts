import type { Context, Next } from 'hono';
import { createMiddleware } from 'hono/factory';
import { securityHeaders } from '@plinth/core/security';
import type { ApiEnv } from '../types';
import { nodeResponse } from './response-headers';

export function apiSecurityHeaders(production: boolean) {
  const headers = Object.entries(securityHeaders({ production, surface: 'api' }));
  const afterward = async (c: Context<ApiEnv>, next: Next) => {
    await next();
    for (const [name, value] of headers) {
      // A response that brings its own CSP keeps it: the API reference page (HTML with one hashed
      // inline stylesheet) is the only one, and its policy is as strict as that page allows.
      if (name === 'Content-Security-Policy' && c.res.headers.has(name)) continue;
      c.res.headers.set(name, value);
    }
  };
  // Not async on Node's path (every request): an async wrapper would cost each one a promise.
  return createMiddleware<ApiEnv>((c, next) => {
    const outgoing = nodeResponse(c);
    if (!outgoing) return afterward(c, next);
    // Set first, merged at writeHead: a response that brings its own CSP (above) keeps it.
    for (const [name, value] of headers) outgoing.setHeader(name, value);
    return next();
  });
}
