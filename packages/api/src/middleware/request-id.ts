import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { Logger } from '@plinth/core/logger';
import type { ApiEnv } from '../types';
import { nodeResponse } from './response-headers';

// A caller's id is kept only if it is short and plain, so it is safe in logs and headers.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes X-Request-Id from the caller (or makes one), returns it, and binds a per-request logger. */
export function requestContext(logger: Logger) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && acceptableRequestId.test(incoming) ? incoming : randomUUID();
    const requestLogger = logger.child({ request_id: requestId });
    c.set('requestId', requestId);
    c.set('logger', requestLogger);
    const outgoing = nodeResponse(c);
    if (outgoing) outgoing.setHeader('X-Request-Id', requestId);
    else c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    const status = c.res.status;
    const entry = {
      method: c.req.method,
      path: c.req.path,
      status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
    };
    if (status >= 500) requestLogger.error(entry, 'request failed');
    else requestLogger.info(entry, 'request');
  });
}
