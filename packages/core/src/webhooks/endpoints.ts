import { and, count, desc, eq, sql } from 'drizzle-orm';
import {
  webhookDelivery,
  webhookEndpoint,
  withTenant,
  uuidv7,
  type Executor,
  type WebhookEndpoint,
} from '@plinth/db';
import { assertCan } from '../access/index';
import { actingUserId } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { entitlementsIn, type PlanName } from '../entitlements/index';
import { AppError, parseInput } from '../errors/index';
import { eventCatalog } from '../events/index';
import { lockWorkspaceLimits } from '../limits/index';
import { encodeId } from '../public-ids/index';
import { existingId, type MemberActor } from '../tenancy/index';
import { checkTarget, EgressRefused, type EgressPolicy } from './egress';
import { queueDelivery } from './deliveries';
import {
  createWebhookEndpointInput,
  rotateSecretInput,
  updateWebhookEndpointInput,
  type CreateWebhookEndpointInput,
  type RotateSecretInput,
  type UpdateWebhookEndpointInput,
} from './schemas';
import { generateSigningSecret } from './signing';
import type { WebhookDeps } from './types';

/** Endpoints a workspace may have, by plan: the 101st on any plan today is refused. */
export const webhookEndpointLimits: Record<PlanName, number> = { free: 100, pro: 100, team: 100 };

/** An endpoint as lists and pages show it: never the secret. */
export type WebhookEndpointView = Pick<
  WebhookEndpoint,
  | 'id'
  | 'url'
  | 'description'
  | 'eventTypes'
  | 'enabled'
  | 'disabledReason'
  | 'failingSince'
  | 'previousSecretExpiresAt'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
>;

const view = {
  id: webhookEndpoint.id,
  url: webhookEndpoint.url,
  description: webhookEndpoint.description,
  eventTypes: webhookEndpoint.eventTypes,
  enabled: webhookEndpoint.enabled,
  disabledReason: webhookEndpoint.disabledReason,
  failingSince: webhookEndpoint.failingSince,
  previousSecretExpiresAt: webhookEndpoint.previousSecretExpiresAt,
  createdBy: webhookEndpoint.createdBy,
  createdAt: webhookEndpoint.createdAt,
  updatedAt: webhookEndpoint.updatedAt,
};

/** The URL's form and every address its host resolves to, judged before anything is stored. */
async function assertDeliverableUrl(url: string, policy: EgressPolicy): Promise<string> {
  try {
    return (await checkTarget(url, policy)).url.toString();
  } catch (error) {
    if (error instanceof EgressRefused) {
      throw new AppError('invalid_input', 'The URL cannot receive webhooks.', {
        fields: { url: error.message },
      });
    }
    throw error;
  }
}

/**
 * Creates an endpoint with a fresh signing secret, returned here only (stored sealed). Refused
 * for a URL that is not deliverable (scheme, private or unresolvable host) and past the plan's cap.
 */
export async function createWebhookEndpoint(
  deps: WebhookDeps,
  actor: MemberActor,
  input: CreateWebhookEndpointInput,
  origin: AuditOrigin = {},
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  assertCan(actor, 'webhook.manage');
  const values = parseInput(createWebhookEndpointInput, input);
  const url = await assertDeliverableUrl(values.url, deps.egress);
  const secret = generateSigningSecret();
  const endpoint = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    await lockWorkspaceLimits(tx, actor.workspaceId);
    const { plan, planName } = await entitlementsIn(tx, actor.workspaceId);
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookEndpoint)
      .where(eq(webhookEndpoint.workspaceId, actor.workspaceId));
    const limit = webhookEndpointLimits[plan];
    if ((existing?.n ?? 0) >= limit) {
      throw new AppError('payment_required', `The ${planName} plan includes ${limit} webhook endpoints.`, {
        fields: { url: `This workspace has its ${limit} endpoints; delete one first.` },
      });
    }
    const [created] = await tx
      .insert(webhookEndpoint)
      .values({
        workspaceId: actor.workspaceId,
        url,
        description: values.description ?? null,
        eventTypes: values.eventTypes ?? null,
        enabled: values.enabled ?? true,
        secretCiphertext: deps.secrets.seal(secret),
        createdBy: actingUserId(actor),
      })
      .returning(view);
    await audit(
      tx,
      actor,
      {
        action: 'webhook_endpoint.created',
        target: { type: 'webhook_endpoint', id: created!.id, name: url },
        metadata: { url },
      },
      origin,
    );
    return created!;
  });
  return { endpoint, secret };
}

/** A workspace's endpoints, newest first (at most the plan's cap, so never paginated). */
export async function listWebhookEndpoints(
  deps: Pick<WebhookDeps, 'database'>,
  actor: MemberActor,
): Promise<WebhookEndpointView[]> {
  assertCan(actor, 'webhook.manage');
  return withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    tx
      .select(view)
      .from(webhookEndpoint)
      .where(eq(webhookEndpoint.workspaceId, actor.workspaceId))
      .orderBy(desc(webhookEndpoint.id)),
  );
}

async function endpointIn(
  tx: Executor,
  actor: MemberActor,
  id: string,
  lock = false,
): Promise<WebhookEndpointView> {
  const query = tx
    .select(view)
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.workspaceId, actor.workspaceId), eq(webhookEndpoint.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getWebhookEndpoint(
  deps: Pick<WebhookDeps, 'database'>,
  actor: MemberActor,
  id: string,
): Promise<WebhookEndpointView> {
  assertCan(actor, 'webhook.manage');
  existingId(id);
  return withTenant(deps.database, actor.workspaceId, actor, (tx) => endpointIn(tx, actor, id));
}

/** Changes the fields sent. Enabling an endpoint the platform disabled clears why and starts afresh. */
export async function updateWebhookEndpoint(
  deps: WebhookDeps,
  actor: MemberActor,
  id: string,
  input: UpdateWebhookEndpointInput,
  origin: AuditOrigin = {},
): Promise<WebhookEndpointView> {
  assertCan(actor, 'webhook.manage');
  existingId(id);
  const changes = parseInput(updateWebhookEndpointInput, input);
  const url = changes.url === undefined ? undefined : await assertDeliverableUrl(changes.url, deps.egress);
  return withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    await endpointIn(tx, actor, id, true);
    const [row] = await tx
      .update(webhookEndpoint)
      .set({
        ...(url !== undefined ? { url } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.eventTypes !== undefined ? { eventTypes: changes.eventTypes } : {}),
        ...(changes.enabled !== undefined
          ? {
              enabled: changes.enabled,
              disabledReason: null,
              ...(changes.enabled ? { failingSince: null } : {}),
            }
          : {}),
      })
      .where(and(eq(webhookEndpoint.workspaceId, actor.workspaceId), eq(webhookEndpoint.id, id)))
      .returning(view);
    await audit(
      tx,
      actor,
      {
        action: 'webhook_endpoint.updated',
        target: { type: 'webhook_endpoint', id },
        metadata: {
          fields: Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined),
        },
      },
      origin,
    );
    return row!;
  });
}

/** Deletes the endpoint and its delivery log; deliveries still queued find nothing and stop. */
export async function deleteWebhookEndpoint(
  deps: Pick<WebhookDeps, 'database'>,
  actor: MemberActor,
  id: string,
  origin: AuditOrigin = {},
): Promise<void> {
  assertCan(actor, 'webhook.manage');
  existingId(id);
  await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const found = await endpointIn(tx, actor, id, true);
    await tx
      .delete(webhookEndpoint)
      .where(and(eq(webhookEndpoint.workspaceId, actor.workspaceId), eq(webhookEndpoint.id, id)));
    await audit(
      tx,
      actor,
      {
        action: 'webhook_endpoint.deleted',
        target: { type: 'webhook_endpoint', id, name: found.url },
        metadata: { url: found.url },
      },
      origin,
    );
  });
}

/**
 * A new signing secret, returned here only. The previous one keeps signing alongside it for
 * `overlapSeconds` (default a day), so receivers can switch without losing a delivery: every
 * delivery in the window carries both signatures.
 */
export async function rotateWebhookSecret(
  deps: WebhookDeps,
  actor: MemberActor,
  id: string,
  input: RotateSecretInput = {},
  origin: AuditOrigin = {},
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  assertCan(actor, 'webhook.manage');
  existingId(id);
  const { overlapSeconds } = parseInput(rotateSecretInput, input);
  const secret = generateSigningSecret();
  return withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    await endpointIn(tx, actor, id, true);
    const [row] = await tx
      .update(webhookEndpoint)
      .set({
        secretCiphertext: deps.secrets.seal(secret),
        // The column on the right of SET is the row's value before this update: the old secret.
        previousSecretCiphertext: overlapSeconds > 0 ? sql`${webhookEndpoint.secretCiphertext}` : null,
        previousSecretExpiresAt: overlapSeconds > 0 ? new Date(Date.now() + overlapSeconds * 1000) : null,
      })
      .where(and(eq(webhookEndpoint.workspaceId, actor.workspaceId), eq(webhookEndpoint.id, id)))
      .returning(view);
    await audit(
      tx,
      actor,
      {
        action: 'webhook_endpoint.secret_rotated',
        target: { type: 'webhook_endpoint', id },
        metadata: { overlapSeconds },
      },
      origin,
    );
    return { endpoint: row!, secret };
  });
}

/**
 * Queues a `ping` for this endpoint only (whatever it subscribes to, enabled or not), through the
 * delivery queue, due at once, in the same transaction. Returns the delivery's id, to follow it in the log.
 */
export async function sendTestEvent(
  deps: Pick<WebhookDeps, 'database'>,
  actor: MemberActor,
  id: string,
  origin: AuditOrigin = {},
): Promise<{ deliveryId: string }> {
  assertCan(actor, 'webhook.manage');
  existingId(id);
  return withTenant(deps.database, actor.workspaceId, actor, async (tx, client) => {
    await endpointIn(tx, actor, id);
    const data = eventCatalog.ping.data.parse({
      workspace_id: encodeId('ws', actor.workspaceId),
      message: 'A test event from Plinth.',
    });
    const now = new Date();
    const eventId = uuidv7();
    const [delivery] = await tx
      .insert(webhookDelivery)
      .values({
        workspaceId: actor.workspaceId,
        endpointId: id,
        eventId,
        eventType: 'ping',
        body: JSON.stringify({ type: 'ping', timestamp: now.toISOString(), data }),
        eventCreatedAt: now,
        nextAttemptAt: now,
      })
      .returning({ id: webhookDelivery.id });
    await queueDelivery(client, { id: delivery!.id, workspaceId: actor.workspaceId, endpointId: id });
    await audit(
      tx,
      actor,
      { action: 'webhook_endpoint.test_sent', target: { type: 'webhook_endpoint', id } },
      origin,
    );
    return { deliveryId: delivery!.id };
  });
}
