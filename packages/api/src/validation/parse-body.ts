import type { Context } from 'hono';

/**
 * Query parameters as a plain object (last value wins), for the non-v1 routes whose services
 * validate them strictly. /api/v1 operations declare theirs with `defineRoute` (../openapi) instead,
 * which also refuses a repeated parameter.
 */
export function parseQuery(c: Context): Record<string, string> {
  return Object.fromEntries(new URL(c.req.url).searchParams);
}
