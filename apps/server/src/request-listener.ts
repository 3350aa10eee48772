import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { toErrorEnvelope, AppError } from '@plinth/core/errors';
import { resolveClientIp, TrustedProxies } from '@plinth/core/client-ip';
import { CLIENT_IP_HEADER } from '@plinth/core/identity';
import { securityHeaders } from '@plinth/core/security';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RequestListenerOptions {
  /** The Hono app; absent on a `web`-only node. */
  api?: Hono<never> | { fetch: (request: Request) => Response | Promise<Response> };
  /** Origins pages may connect to besides their own (object storage, for direct uploads). */
  connectSources?: readonly string[];
  /** Origins pages may show images from besides their own (storage, a CDN: avatars and logos). */
  imageSources?: readonly string[];
  /** Next's request handler; absent on an `api`-only node. */
  web?: NodeHandler;
  production: boolean;
  devServer: boolean;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES). */
  trustedProxies?: readonly string[];
  /** /api/health/live and /ready (health.ts), answered before routing, on every role. */
  health?: { handles(url: string | undefined): boolean; handle: NodeHandler };
}

// A caller's request id is kept only if it is short and plain, as on /api.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** True for `/api` and everything under `/api/`, not for `/apiary`. */
export function isApiPath(url: string | undefined): boolean {
  if (!url) return false;
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * One listener for the one process: /api/* goes straight to Hono, everything else to Next. Pages
 * get the same security headers as the API (their own CSP), set here because Next's config
 * headers do not apply under a custom server.
 */
export function createRequestListener(options: RequestListenerOptions): NodeHandler {
  const api = options.api ? getRequestListener(options.api.fetch) : undefined;
  const trusted = new TrustedProxies(options.trustedProxies ?? []);
  const pageHeaders = Object.entries(
    securityHeaders({
      production: options.production,
      surface: 'page',
      devServer: options.devServer,
      connectSources: options.connectSources ?? [],
      imageSources: options.imageSources ?? [],
    }),
  );
  return (req, res) => {
    if (options.health?.handles(req.url)) return options.health.handle(req, res);
    if (isApiPath(req.url)) {
      if (api) return api(req, res);
      return sendNotFound(res);
    }
    if (!options.web) return sendNotFound(res);
    // Pages and server actions read who is asking from these two headers; whatever a client sent
    // under the same names is replaced, so an action's audit row records the real address.
    const clientIp = resolveClientIp({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers['x-forwarded-for'],
      trustedProxies: trusted,
    });
    req.headers[CLIENT_IP_HEADER] = clientIp ?? '';
    const incomingId = req.headers['x-request-id'];
    const requestId =
      typeof incomingId === 'string' && acceptableRequestId.test(incomingId) ? incomingId : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    for (const [name, value] of pageHeaders) res.setHeader(name, value);
    return options.web(req, res);
  };
}

function sendNotFound(res: ServerResponse): void {
  const { status, body } = toErrorEnvelope(new AppError('not_found'), randomUUID());
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
