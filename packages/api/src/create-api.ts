import { Hono } from 'hono';
import { handleError, handleNotFound } from './middleware/errors';
import { requestContext } from './middleware/request-id';
import { apiSecurityHeaders } from './middleware/security-headers';
import { healthRoutes } from './routes/health';
import type { ApiDeps, ApiEnv } from './types';

/**
 * The Hono app behind /api/*. Middleware in ARCHITECTURE §2 order: request id and logger, security
 * headers, then (as later issues add them) rate limit, actor, tenant, validation, idempotency.
 */
export function createApi(deps: ApiDeps): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>().basePath('/api');
  api.use('*', requestContext(deps.logger));
  api.use('*', apiSecurityHeaders(deps.env.isProduction));
  api.route('/', healthRoutes(deps));
  api.notFound(handleNotFound);
  api.onError(handleError);
  return api;
}
