'use server';

import { serverContext } from '@plinth/core/server-context';
import { reauthenticateStaff } from '@plinth/core/staff';
import { runAction, type ActionResult } from '../../../../lib/action-result';
import { actionOrigin, readRequestSession } from '../../../../lib/workspace-context';

/**
 * Password + current TOTP code: restarts the staff console's 12 hours inside this session (no new
 * sign-in). Core checks the person is staff with 2FA, counts wrong guesses towards the lockout, and
 * writes the audit row `admin.reauthenticated`.
 */
export async function reauthenticateAction(
  input: unknown,
): Promise<ActionResult<{ reauthenticatedAt: string }>> {
  return runAction(async () => {
    const { database, jobs, env } = serverContext();
    const { reauthenticatedAt } = await reauthenticateStaff(
      { database, jobs, appUrl: env.appUrl, authSecret: env.auth.secret },
      await readRequestSession(),
      input,
      await actionOrigin(),
    );
    return { reauthenticatedAt: reauthenticatedAt.toISOString() };
  });
}
