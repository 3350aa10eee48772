import type { TestDatabase } from './test-database';

/**
 * Ends the current window of every counter of the rule named `ruleName`, as the clock would once
 * the window has passed: an explicit expiry instead of a sleep, so a test of "a new window lets you
 * in again" neither waits nor depends on how busy the machine is. Returns how many it ended.
 */
export async function expireRateLimitWindows(testDb: TestDatabase, ruleName: string): Promise<number> {
  const { rowCount } = await testDb.owner.pool.query(
    `update rate_limit set expires_at = now() - interval '1 millisecond' where starts_with(key, $1)`,
    [`${ruleName}:`],
  );
  return rowCount ?? 0;
}
