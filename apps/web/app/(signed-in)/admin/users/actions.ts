'use server';

import { serverContext } from '@plinth/core/server-context';
import { forceVerifyEmail, resendVerificationEmail, revokeAllSessions } from '@plinth/core/staff';
import { runAction, type ActionResult } from '../../../../lib/action-result';
import { actionOrigin, actionStaff } from '../../../../lib/workspace-context';

// Glue only: the staff member through the staff guard, then one core call, which checks the id and
// writes the audit row (the staff member as actor, the person as target). Same core as
// POST /api/admin/users/:id/{verify-email,verification-email,revoke-sessions}.

export async function forceVerifyEmailAction(userId: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return runAction(async () => {
    const actor = await actionStaff();
    return forceVerifyEmail(serverContext().database, actor, userId, await actionOrigin());
  });
}

export async function resendVerificationAction(userId: unknown): Promise<ActionResult<{ sentTo: string }>> {
  return runAction(async () => {
    const { database, jobs, env } = serverContext();
    const actor = await actionStaff();
    return resendVerificationEmail(
      { database, jobs, appUrl: env.appUrl, authSecret: env.auth.secret },
      actor,
      userId,
      await actionOrigin(),
    );
  });
}

export async function revokeSessionsAction(userId: unknown): Promise<ActionResult<{ revoked: number }>> {
  return runAction(async () => {
    const actor = await actionStaff();
    return revokeAllSessions(serverContext().database, actor, userId, await actionOrigin());
  });
}
