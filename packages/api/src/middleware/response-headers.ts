import type { ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';

/**
 * Node's response behind this request when @hono/node-server serves it (apps/server), while its
 * headers can still be set; undefined under app.request() (tests) and once they are sent.
 *
 * The headers every /api response carries (X-Request-Id, the security headers, RateLimit-*) go
 * here rather than on the fetch Response: Node merges them with the Response's own at writeHead,
 * where the Response's own value wins (the reference page's CSP must). Set on the Response they
 * cost a fetch Headers object per request, ~16 validated Headers.set calls and a copy of it all
 * back into a plain object for writeHead — a measurable share of a list request (bench/api.ts);
 * with none of them on it, c.json's Response keeps its one header as a plain object.
 */
export function nodeResponse(c: Context): ServerResponse | Http2ServerResponse | undefined {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  return outgoing && !outgoing.headersSent ? outgoing : undefined;
}
