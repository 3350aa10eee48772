'use server';

import { revalidatePath } from 'next/cache';
import { createWorkspace, type WorkspaceSummary } from '@plinth/core/tenancy';
import { runAction, type ActionResult } from '../../../lib/action-result';
import { actionOrigin, actionPerson, tenancyDeps } from '../../../lib/workspace-context';

/** Creates a workspace with the signed-in person as its owner. */
export async function createWorkspaceAction(input: {
  name: string;
  slug: string;
}): Promise<ActionResult<Pick<WorkspaceSummary, 'name' | 'slug'>>> {
  return runAction(async () => {
    const person = await actionPerson();
    const created = await createWorkspace(
      tenancyDeps(),
      {
        type: 'user',
        id: person.userId,
        ...(person.impersonatedBy ? { impersonatorId: person.impersonatedBy } : {}),
      },
      input,
      await actionOrigin(),
    );
    // The switcher in the layout lists workspaces.
    revalidatePath('/', 'layout');
    return { name: created.name, slug: created.slug };
  });
}
