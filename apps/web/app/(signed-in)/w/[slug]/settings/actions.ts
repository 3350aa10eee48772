'use server';

import { revalidatePath } from 'next/cache';
import { deleteWorkspace, renameWorkspace, type RenameWorkspaceInput } from '@plinth/core/tenancy';
import { completeUpload, createUpload, getWorkspaceLogo, removeWorkspaceLogo } from '@plinth/core/storage';
import type { ImageState } from '../../../../../lib/image-state';
import { READS_ONLY, runAction, type ActionResult } from '../../../../../lib/action-result';
import {
  actionMember,
  actionOrigin,
  fileDeps,
  idFromClient,
  tenancyDeps,
} from '../../../../../lib/workspace-context';

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

// Glue only, over the same core calls as /api/v1/workspaces/:slug/files (purpose `logo`) and
// DELETE /api/v1/workspaces/:slug/logo. Who may change the logo is core's decision
// (workspace.update, the permission table).

export async function startLogoUploadAction(
  slug: string,
  input: { name: string; contentType: string; size: number },
): Promise<ActionResult<{ id: string; upload: { url: string; fields: Record<string, string> } }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const { file, upload } = await createUpload(
      fileDeps(),
      actor,
      { name: input.name, content_type: input.contentType, size: input.size, purpose: 'logo' },
      await actionOrigin(),
    );
    return { id: file.id, upload: { url: upload.url, fields: upload.fields } };
  });
}

export async function completeLogoAction(slug: string, fileId: string): Promise<ActionResult<ImageState>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await completeUpload(fileDeps(), actor, idFromClient(fileId), await actionOrigin());
    revalidatePath('/', 'layout');
    const logo = await getWorkspaceLogo(fileDeps(), actor);
    return { status: 'ready', urls: logo?.urls ?? null };
  });
}

export async function logoStateAction(slug: string): Promise<ActionResult<ImageState | null>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const logo = await getWorkspaceLogo(fileDeps(), actor);
    return logo ? { status: logo.status, urls: logo.urls } : null;
  }, READS_ONLY);
}

export async function removeLogoAction(slug: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await removeWorkspaceLogo(fileDeps(), actor, await actionOrigin());
    revalidatePath('/', 'layout');
    return null;
  });
}
