'use server';

import { revalidatePath } from 'next/cache';
import { deleteWorkspace, renameWorkspace, type RenameWorkspaceInput } from '@plinth/core/tenancy';
import { runAction, type ActionResult } from '../../../../../lib/action-result';
import { actionMember, actionOrigin, tenancyDeps } from '../../../../../lib/workspace-context';

export async function renameWorkspaceAction(
  slug: string,
  input: RenameWorkspaceInput,
): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await renameWorkspace(tenancyDeps(), actor, input, await actionOrigin());
    // The name is in the switcher and on every page of the workspace.
    revalidatePath('/', 'layout');
    return null;
  });
}

/**
 * Soft delete (owners only, decided in core). No revalidation: every page of the workspace is now
 * a 404; the browser reloads into /app. Restoring is POST /api/v1/workspaces/:slug/restore.
 */
export async function deleteWorkspaceAction(slug: string): Promise<ActionResult<{ restorableUntil: Date }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    return deleteWorkspace(tenancyDeps(), actor, await actionOrigin());
  });
}
