/** A named limit: at most `limit` requests per subject in each window of `windowSeconds`. */
export interface RateLimitRule {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

// The name is the key's prefix (`name:subject`), so it may not contain the separator.
const ruleName = /^[a-z][a-z0-9.-]{0,62}$/;

export function defineRateLimit(rule: RateLimitRule): RateLimitRule {
  if (!ruleName.test(rule.name)) {
    throw new TypeError(`rate limit name "${rule.name}" must match ${ruleName}`);
  }
  if (!Number.isInteger(rule.limit) || rule.limit < 1) {
    throw new TypeError(`rate limit "${rule.name}": limit must be a positive integer`);
  }
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new TypeError(`rate limit "${rule.name}": windowSeconds must be a positive integer`);
  }
  return Object.freeze({ name: rule.name, limit: rule.limit, windowSeconds: rule.windowSeconds });
}
