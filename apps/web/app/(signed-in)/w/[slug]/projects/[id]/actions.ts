'use server';

import { revalidatePath } from 'next/cache';
import { completeUpload, createUpload, deleteFile, downloadFile } from '@plinth/core/storage';
import { READS_ONLY, runAction, type ActionResult } from '../../../../../../lib/action-result';
import { actionMember, actionOrigin, fileDeps, idFromClient } from '../../../../../../lib/workspace-context';
import { toAttachmentItem, type AttachmentItem } from './attachment-item';

// Glue only, over the same core calls as /api/v1/workspaces/:slug/files: declare an attachment
// (the browser then POSTs the bytes straight to storage with the answer), complete it, sign a
// download, delete it.

export interface AttachmentUpload {
  file: AttachmentItem;
  upload: { url: string; fields: Record<string, string> };
}

export async function startAttachmentUploadAction(
  slug: string,
  projectId: string,
  input: { name: string; contentType: string; size: number },
): Promise<ActionResult<AttachmentUpload>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const { file, upload } = await createUpload(
      fileDeps(),
      actor,
      {
        name: input.name,
        content_type: input.contentType,
        size: input.size,
        purpose: 'attachment',
        project_id: idFromClient(projectId),
      },
      await actionOrigin(),
    );
    return { file: toAttachmentItem(file), upload: { url: upload.url, fields: upload.fields } };
  });
}

export async function completeAttachmentAction(
  slug: string,
  fileId: string,
): Promise<ActionResult<AttachmentItem>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const file = await completeUpload(fileDeps(), actor, idFromClient(fileId), await actionOrigin());
    revalidatePath(`/w/${slug}/projects`, 'layout');
    return toAttachmentItem(file);
  });
}

export async function attachmentDownloadAction(
  slug: string,
  fileId: string,
): Promise<ActionResult<{ url: string }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const { url } = await downloadFile(fileDeps(), actor, idFromClient(fileId));
    return { url };
  }, READS_ONLY);
}

export async function deleteAttachmentAction(slug: string, fileId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await deleteFile(fileDeps(), actor, idFromClient(fileId), await actionOrigin());
    revalidatePath(`/w/${slug}/projects`, 'layout');
    return null;
  });
}
