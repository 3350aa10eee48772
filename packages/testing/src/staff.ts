import { eq } from 'drizzle-orm';
import { enrollTotpForTesting } from '@plinth/core/staff';
import { user } from '@plinth/db';
import type { TestDatabase } from './test-database';

/** The TOTP secret (base32) every staff member made by makeStaff enrols; codes: totpCode(STAFF_TOTP_SECRET). */
export const STAFF_TOTP_SECRET = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF';

/**
 * Makes a person staff who passes the staff guard: the `admin` role and a TOTP second factor (so a
 * session they already have counts as fresh for 12 hours from its sign-in). `twoFactor: false`
 * leaves 2FA off, for the tests of the guard's refusal.
 */
export async function makeStaff(
  testDb: TestDatabase,
  userId: string,
  options: { twoFactor?: boolean } = {},
): Promise<void> {
  await testDb.owner.db.update(user).set({ role: 'admin' }).where(eq(user.id, userId));
  if (options.twoFactor ?? true) {
    await enrollTotpForTesting(testDb.owner, testDb.env.auth.secret, userId, STAFF_TOTP_SECRET);
  }
}
