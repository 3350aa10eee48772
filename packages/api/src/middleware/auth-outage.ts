import { createMiddleware } from 'hono/factory';
import { AppError, DATABASE_RETRY_AFTER_SECONDS } from '@plinth/core/errors';
import { checkHealth } from '@plinth/core/health';
import type { Database } from '@plinth/db';
import type { ApiEnv } from '../types';

/**
 * better-auth catches the database errors of its own routes and answers its own 500 ("Failed to
 * get session"), so our error mapping never sees them. When /api/auth answers a 5xx while the
 * database does not answer a trivial query either, the client gets what every other /api route
 * answers during an outage: the envelope with 503 `unavailable` and Retry-After. A 5xx with the
 * database up stays what better-auth said.
 */
export function authOutageAsUnavailable(database: Database) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    await next();
    if (c.res.status < 500 || c.res.status === 503) return;
    const { db } = await checkHealth({ database, version: '' }, 1_000);
    if (db === 'ok') return;
    throw new AppError('unavailable', 'The service is temporarily unavailable. Try again in a moment.', {
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    });
  });
}
