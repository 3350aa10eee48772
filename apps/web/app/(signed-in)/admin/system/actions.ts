'use server';

import { revalidatePath } from 'next/cache';
import { serverContext } from '@plinth/core/server-context';
import { replayFailedJob, type ReplayJobInput } from '@plinth/core/system';
import { runAction, type ActionResult } from '../../../../lib/action-result';
import { actionOrigin, actionStaff } from '../../../../lib/workspace-context';

// Glue only: the staff member through the staff guard (actionStaff: role from the database, 2FA,
// a sign-in within 12 hours, never while impersonating), then one core call, which validates, replays once and writes the audit row.

export async function replayJobAction(
  queue: unknown,
  jobId: unknown,
): Promise<ActionResult<{ replayJobId: string }>> {
  return runAction(async () => {
    const { database, env, jobs, logger } = serverContext();
    const actor = await actionStaff();
    const { replayJobId } = await replayFailedJob(
      { database, jobsSchema: env.jobsSchema, jobs, logger },
      actor,
      { queue, jobId } as ReplayJobInput,
      await actionOrigin(),
    );
    revalidatePath('/admin/system');
    return { replayJobId };
  });
}
