'use server';

import { revalidatePath } from 'next/cache';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  retryDelivery,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
  type CreateWebhookEndpointInput,
} from '@plinth/core/webhooks';
import { runAction, type ActionResult } from '../../../../../../lib/action-result';
import {
  actionMember,
  actionOrigin,
  idFromClient,
  webhookDeps,
} from '../../../../../../lib/workspace-context';

// Glue only: the member from the session and the slug, one core call each — the same calls as
// /api/v1/workspaces/{slug}/webhook-endpoints.

const pages = (slug: string) => revalidatePath(`/w/${slug}/settings/webhooks`, 'layout');

/** The signing secret leaves the server here, once, for the dialog to show; it is stored sealed. */
export async function createWebhookEndpointAction(
  slug: string,
  input: CreateWebhookEndpointInput,
): Promise<ActionResult<{ id: string; secret: string }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const { endpoint, secret } = await createWebhookEndpoint(
      webhookDeps(),
      actor,
      input,
      await actionOrigin(),
    );
    pages(slug);
    return { id: endpoint.id, secret };
  });
}

export async function setWebhookEndpointEnabledAction(
  slug: string,
  endpointId: string,
  enabled: boolean,
): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const id = idFromClient(endpointId);
    await updateWebhookEndpoint(
      webhookDeps(),
      actor,
      id,
      { enabled: enabled === true },
      await actionOrigin(),
    );
    pages(slug);
    return null;
  });
}

export async function rotateWebhookSecretAction(
  slug: string,
  endpointId: string,
): Promise<ActionResult<{ secret: string }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const { secret } = await rotateWebhookSecret(
      webhookDeps(),
      actor,
      idFromClient(endpointId),
      {},
      await actionOrigin(),
    );
    pages(slug);
    return { secret };
  });
}

export async function sendTestEventAction(slug: string, endpointId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await sendTestEvent(webhookDeps(), actor, idFromClient(endpointId), await actionOrigin());
    pages(slug);
    return null;
  });
}

export async function deleteWebhookEndpointAction(slug: string, endpointId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await deleteWebhookEndpoint(webhookDeps(), actor, idFromClient(endpointId), await actionOrigin());
    pages(slug);
    return null;
  });
}

export async function retryDeliveryAction(
  slug: string,
  endpointId: string,
  deliveryId: string,
): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await retryDelivery(
      webhookDeps(),
      actor,
      idFromClient(endpointId),
      idFromClient(deliveryId),
      await actionOrigin(),
    );
    pages(slug);
    return null;
  });
}
