'use server';

import { revalidatePath } from 'next/cache';
import { serverContext } from '@plinth/core/server-context';
import { elevateImpersonation } from '@plinth/core/staff';
import { runAction, type ActionResult } from '../../../../lib/action-result';
import { actionOrigin, readRequestSession } from '../../../../lib/workspace-context';

/**
 * The staff member behind an impersonation makes it writable for 15 minutes, with a written reason
 * (core validates it, checks they are still staff, and audits it under their name). The one action
 * a read-only impersonation may call.
 */
export async function elevateImpersonationAction(
  input: unknown,
): Promise<ActionResult<{ expiresAt: string }>> {
  return runAction(
    async () => {
      const { expiresAt } = await elevateImpersonation(
        serverContext().database,
        await readRequestSession(),
        input,
        await actionOrigin(),
      );
      revalidatePath('/', 'layout');
      return { expiresAt: expiresAt.toISOString() };
    },
    { allowWhileImpersonating: true },
  );
}
