// @plinth/api: the Hono app for /api/* — auth, v1, webhooks and health. Served straight from
// node:http by apps/server; never through Next.
export { createApi } from './create-api';
export type { ApiDeps, ApiEnv } from './types';
export { clientIp, readClientIp } from './middleware/client-ip';
export { rateLimitByEmail, rateLimitByIp } from './middleware/rate-limit';
export { decodeId, encodeId, tryDecodeId, type IdPrefix } from './openapi/index';
