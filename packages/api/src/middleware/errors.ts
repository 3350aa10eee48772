import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, toAppError, toErrorEnvelope } from '@plinth/core/errors';
import { sqlStateOf } from '@plinth/db';
import type { ApiEnv } from '../types';

/**
 * Every failure leaves as the one envelope. Expected failures (4xx, including a value Postgres
 * refused) are logged at warn here; a 5xx (a lost database, an unknown error) goes to the error
 * reporter from requestContext, which logs it with its stack.
 */
export function handleError(error: Error, c: Context<ApiEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  const appError = toAppError(error) ?? fromHonoException(error);
  if (appError && appError.status < 500) {
    // A value Postgres refused: which rule it broke, never the value (the query's parameters).
    const sqlstate = sqlStateOf(error);
    c.get('logger')?.warn(
      { code: appError.code, fields: appError.fields, ...(sqlstate ? { sqlstate } : {}) },
      appError.message,
    );
  }
  c.set('errorCode', appError?.code ?? 'internal');
  const { status, body } = toErrorEnvelope(appError ?? error, requestId);
  const response = c.json(body, status as 500);
  for (const [name, value] of Object.entries(appError?.headers ?? {})) {
    response.headers.set(name, value);
  }
  return response;
}

export function handleNotFound(c: Context<ApiEnv>): Response {
  c.set('errorCode', 'not_found');
  const { status, body } = toErrorEnvelope(new AppError('not_found'), c.get('requestId') ?? 'unknown');
  return c.json(body, status as 404);
}

/** Hono's own exceptions (malformed JSON, body limit) mapped onto our codes. */
function fromHonoException(error: Error): AppError | undefined {
  if (!(error instanceof HTTPException)) return undefined;
  if (error.status === 413) return new AppError('payload_too_large', undefined, { cause: error });
  if (error.status === 415) return new AppError('unsupported_media_type', undefined, { cause: error });
  // The zod-openapi body validators throw this for a body that does not parse.
  if (error.status === 400 && /malformed json/i.test(error.message)) {
    return new AppError('invalid_input', 'The request body is not valid JSON.', {
      fields: { _: 'Invalid JSON.' },
      cause: error,
    });
  }
  if (error.status >= 400 && error.status < 500) {
    return new AppError('invalid_input', error.message || undefined, { cause: error });
  }
  return undefined;
}
