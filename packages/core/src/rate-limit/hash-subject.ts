import { createHash } from 'node:crypto';

/**
 * A rate-limit subject for a personal identifier (an email address), so the table never holds the
 * address itself: sha256 of the trimmed, lower-cased value. `Ann@Example.com ` and
 * `ann@example.com` share a bucket, as they name the same account.
 */
export function hashSubject(value: string): string {
  return createHash('sha256').update(value.trim().toLowerCase()).digest('hex');
}
