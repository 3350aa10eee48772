import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '@plinth/core/errors';

/** The largest /api/v1 request body: every operation takes a small JSON object. */
export const MAX_V1_BODY_BYTES = 1024 * 1024;

/**
 * Refuses a body over `maxBytes` with a 413 `payload_too_large` envelope, before anything reads it
 * (refuseBody, the Idempotency-Key hash, the validators): by its Content-Length, or counted as it
 * streams in when there is none. A request that announces no body skips it, because looking at
 * `c.req.raw` would build a fetch Request on every GET (@hono/node-server makes it lazily).
 */
export function requestBodyLimit(maxBytes = MAX_V1_BODY_BYTES): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      // The rest of the body is never read: close the connection rather than leave the client
      // writing into a socket it would reuse for its next request.
      throw new AppError('payload_too_large', `The request body is over ${maxBytes} bytes.`, {
        headers: { Connection: 'close' },
      });
    },
  });
  return (c, next) =>
    c.req.header('content-length') === undefined && c.req.header('transfer-encoding') === undefined
      ? next()
      : limit(c, next);
}
