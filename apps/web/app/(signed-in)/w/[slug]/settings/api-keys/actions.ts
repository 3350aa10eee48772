'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey, revokeApiKey, type CreateApiKeyInput } from '@plinth/core/api-keys';
import { runAction, type ActionResult } from '../../../../../../lib/action-result';
import {
  actionMember,
  actionOrigin,
  idFromClient,
  tenancyDeps,
} from '../../../../../../lib/workspace-context';

// Glue only: the member from the session and the slug, one core call. Scope ceilings (nobody
// grants what they do not hold) live in core, shared with POST /api/v1/.../api-keys.

/** The secret leaves the server here, once, for the dialog to show; it is stored only as a hash. */
export async function createApiKeyAction(
  slug: string,
  input: CreateApiKeyInput,
): Promise<ActionResult<{ name: string; prefix: string; secret: string }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const { key, secret } = await createApiKey(tenancyDeps(), actor, input, await actionOrigin());
    revalidatePath(`/w/${slug}/settings/api-keys`);
    return { name: key.name, prefix: key.prefix, secret };
  });
}

export async function revokeApiKeyAction(slug: string, keyId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await revokeApiKey(tenancyDeps(), actor, idFromClient(keyId), await actionOrigin());
    revalidatePath(`/w/${slug}/settings/api-keys`);
    return null;
  });
}
