// Rate limits: fixed-window counters in Postgres (one atomic upsert per request, shared by every
// node), the identity endpoints' rules, hashed subjects for emails, and pruning of expired rows.
export { defineRateLimit, type RateLimitRule } from './define-rate-limit';
export { consumeRateLimit, type RateLimitResult } from './consume-rate-limit';
export { assertWithinRateLimit } from './assert-within-rate-limit';
export { peekRateLimit } from './peek-rate-limit';
export { hashSubject } from './hash-subject';
export { pruneRateLimits, rateLimitPruneQueue } from './prune-rate-limits';
export { identityRateLimits } from './rules';
