// @plinth/api: the Hono app for /api/* — auth, v1, webhooks and health. Served straight from
// node:http by apps/server; never through Next.
export { createApi } from './create-api';
export type { ApiDeps, ApiEnv } from './types';
export { clientIp, readClientIp } from './middleware/client-ip';
export { rateLimitByEmail, rateLimitByIp } from './middleware/rate-limit';
export { decodeId, encodeId, tryDecodeId, type IdPrefix } from './openapi/index';
// The staff routes (/api/admin/*), exported so tests can enumerate every one (tests/staff).
export { billingAdminRoutes } from './routes/billing-admin';
export { staffAdminRoutes } from './routes/staff-admin';
export { staffWorkspaceRoutes } from './routes/staff-workspaces';
