import { createMiddleware } from 'hono/factory';
import { securityHeaders } from '@plinth/core/security';
import type { ApiEnv } from '../types';

export function apiSecurityHeaders(production: boolean) {
  const headers = Object.entries(securityHeaders({ production, surface: 'api' }));
  return createMiddleware<ApiEnv>(async (c, next) => {
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
  });
}
