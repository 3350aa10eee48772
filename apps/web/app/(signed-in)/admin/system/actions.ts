'use server';

import { revalidatePath } from 'next/cache';
import { serverContext } from '@plinth/core/server-context';
import { replayFailedJob, staffActor, type ReplayJobInput } from '@plinth/core/system';
import { runAction, type ActionResult } from '../../../../lib/action-result';
import { actionOrigin, readRequestSession } from '../../../../lib/workspace-context';

// Glue only: the staff member from the session (role read from the database, never while
// impersonating), then one core call, which validates, replays once and writes the audit row.

export async function replayJobAction(
  queue: unknown,
  jobId: unknown,
): Promise<ActionResult<{ replayJobId: string }>> {
  return runAction(async () => {
    const { database, env, jobs, logger } = serverContext();
    const actor = await staffActor(database, await readRequestSession());
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
