// Rate limits: fixed-window counters in Postgres for the identity endpoints (one atomic upsert per
// request), the /api/v1 limits (in-memory sliding windows on each node, synced to Postgres in
// batches), hashed subjects for emails, and pruning of expired rows.
export { defineRateLimit, type RateLimitRule } from './define-rate-limit';
export { consumeRateLimit, type RateLimitResult, type RateLimitStore } from './consume-rate-limit';
export { assertWithinRateLimit } from './assert-within-rate-limit';
export { peekRateLimit } from './peek-rate-limit';
export { hashSubject } from './hash-subject';
export { pruneRateLimits, rateLimitPruneQueue } from './prune-rate-limits';
export { identityRateLimits, invitationMailQuotas } from './rules';
export {
  SyncedRateLimiter,
  type RateLimitCheck,
  type RateLimitDecision,
  type SyncedRateLimiterOptions,
} from './synced-rate-limiter';
export {
  createWorkspaceApiLimits,
  credentialCheck,
  defaultApiRateLimits,
  ipCheck,
  workspaceApiLimit,
  workspaceCheck,
  type ApiRateLimits,
} from './api-rate-limits';
