'use server';

import { revalidatePath } from 'next/cache';
import {
  createProject,
  deleteProject,
  listProjects,
  updateProject,
  type CreateProjectInput,
  type UpdateProjectInput,
} from '@plinth/core/projects';
import { READS_ONLY, runAction, type ActionResult } from '../../../../../lib/action-result';
import { actionMember, actionOrigin, tenancyDeps } from '../../../../../lib/workspace-context';
import { toProjectItem, type ProjectItem } from './project-item';

// Glue only: the member's actor from the session and the slug, one core call, the result mapped.
// The same core functions serve /api/v1/workspaces/:slug/projects, so the rules are the same.

export async function createProjectAction(
  slug: string,
  input: CreateProjectInput,
): Promise<ActionResult<ProjectItem>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const created = await createProject(tenancyDeps(), actor, input, await actionOrigin());
    revalidatePath(`/w/${slug}/projects`, 'layout');
    return toProjectItem(created);
  });
}

export async function loadProjectsAction(
  slug: string,
  cursor: string,
): Promise<ActionResult<{ items: ProjectItem[]; nextCursor: string | null }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const page = await listProjects(tenancyDeps(), actor, { cursor });
    return { items: page.items.map(toProjectItem), nextCursor: page.nextCursor };
  }, READS_ONLY);
}

export async function updateProjectAction(
  slug: string,
  projectId: string,
  input: UpdateProjectInput,
): Promise<ActionResult<ProjectItem>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const updated = await updateProject(tenancyDeps(), actor, projectId, input, await actionOrigin());
    revalidatePath(`/w/${slug}/projects`, 'layout');
    return toProjectItem(updated);
  });
}

export async function deleteProjectAction(slug: string, projectId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await deleteProject(tenancyDeps(), actor, projectId, await actionOrigin());
    // No revalidation: that would re-render the deleted project's page (a 404) in this response.
    // The browser leaves for the list, which renders fresh.
    return null;
  });
}
