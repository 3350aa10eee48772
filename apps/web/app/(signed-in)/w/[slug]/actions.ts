'use server';

import { revalidatePath } from 'next/cache';
import { dismissOnboarding } from '@plinth/core/onboarding';
import { searchWorkspace, type SearchHit } from '@plinth/core/search';
import { runAction, type ActionResult } from '../../../../lib/action-result';
import { actionMember, tenancyDeps } from '../../../../lib/workspace-context';

// Glue only, as everywhere: the member from the session and the slug, one core call. The same
// searchWorkspace serves GET /api/v1/workspaces/{slug}/search.

export type PaletteHit = Omit<SearchHit, 'score'>;

/** The ⌘K palette's results as the person types: a read, so allowed while impersonating. */
export async function searchAction(slug: string, q: string): Promise<ActionResult<PaletteHit[]>> {
  return runAction(
    async () => {
      const { actor } = await actionMember(slug);
      const hits = await searchWorkspace(tenancyDeps(), actor, { q, limit: 8 });
      return hits.map(({ type, id, name, detail }) => ({ type, id, name, detail }));
    },
    { allowWhileImpersonating: true },
  );
}

/** Hides the first-run checklist for the whole workspace (managers). */
export async function dismissOnboardingAction(slug: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await dismissOnboarding(tenancyDeps(), actor);
    revalidatePath(`/w/${slug}/projects`);
    return null;
  });
}
