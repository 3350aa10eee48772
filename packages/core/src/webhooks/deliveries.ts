import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import {
  member,
  user,
  webhookDelivery,
  webhookEndpoint,
  withTenant,
  workspace,
  type Executor,
  type WebhookDelivery,
} from '@plinth/db';
import { assertCan } from '../access/index';
import { systemActor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError, parseInput } from '../errors/index';
import type { JobQueue } from '../jobs/index';
import type { Logger } from '../logger/index';
import type { AnyMailRequest } from '../mail/index';
import { enqueueEvent } from '../outbox/index';
import { encodeId } from '../public-ids/index';
import type { MemberActor } from '../tenancy/index';
import { EgressRefused, postWebhook } from './egress';
import { listDeliveriesInput, type ListDeliveriesInput } from './schemas';
import { webhookHeaders } from './signing';
import type { WebhookDeps } from './types';

const worker = systemActor('webhooks');

/** Seconds before each retry (about three days in all); ±20 % jitter is applied to each. */
export const RETRY_SCHEDULE_SECONDS: readonly number[] = [
  5, 300, 1_800, 7_200, 18_000, 36_000, 36_000, 36_000, 36_000, 36_000, 36_000,
];
export const DELIVERY_TIMEOUT_MS = 15_000;
export const RESPONSE_BODY_LIMIT = 4_096;
/** An endpoint failing without a single success for this long is disabled and its owners mailed. */
export const DISABLE_AFTER_FAILING_MS = 5 * 86_400_000;

export interface DeliveryWorkerDeps extends WebhookDeps {
  jobs: JobQueue;
  logger: Logger;
  appUrl: string;
  timeoutMs?: number;
  retryScheduleSeconds?: readonly number[];
  disableAfterFailingMs?: number;
  /**
   * Attempts running at once against one endpoint across every worker process (default 32): a
   * claim counts the endpoint's live leases, so a slow receiver holds at most this many.
   */
  maxInFlightPerEndpoint?: number;
}

/** The delivery a claim handed to an attempt, with its endpoint as the claim read it. */
export interface ClaimedDelivery {
  id: string;
  workspaceId: string;
  endpointId: string;
  eventId: string;
  body: string;
  attempts: number;
  endpoint: {
    url: string;
    enabled: boolean;
    secretCiphertext: string;
    previousSecretCiphertext: string | null;
    previousSecretExpiresAt: Date | null;
  } | null;
}

export type AttemptOutcome = 'delivered' | 'retrying' | 'failed';

/** What an attempt produced, before it is recorded. */
export type AttemptResult =
  | {
      kind: 'delivered';
      delivery: ClaimedDelivery;
      response: EgressResponseLike;
      headers: Record<string, string>;
    }
  | { kind: 'other'; delivery: ClaimedDelivery; outcome: Outcome; result: AttemptOutcome };

interface EgressResponseLike {
  status: number;
  body: string;
  durationMs: number;
}

/**
 * Sends one claimed delivery: signed with every live secret of its endpoint, POSTed through the
 * SSRF-checked egress. Returns what to record; records nothing itself (the dispatcher records
 * successes in batches and the rest one by one, with recordOutcome()).
 */
export async function sendClaimed(
  deps: DeliveryWorkerDeps & { openSecret?: (ciphertext: string) => string },
  delivery: ClaimedDelivery,
): Promise<AttemptResult> {
  const endpoint = delivery.endpoint;
  if (!endpoint || !endpoint.enabled) {
    return {
      kind: 'other',
      delivery,
      outcome: { status: 'failed', error: 'The endpoint is disabled.' },
      result: 'failed',
    };
  }
  const timeoutMs = deps.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const open = deps.openSecret ?? ((ciphertext: string) => deps.secrets.open(ciphertext));
  let shown: Record<string, string> | undefined;
  let outcome: EgressResponseLike | { error: string; durationMs: number };
  const started = performance.now();
  try {
    // Inside the try: a secret that cannot be opened (the key changed) fails this attempt like a
    // transport error, and the schedule goes on, rather than leaving the lease to lapse for ever.
    const now = new Date();
    const secrets = [open(endpoint.secretCiphertext)];
    if (
      endpoint.previousSecretCiphertext &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    ) {
      secrets.push(open(endpoint.previousSecretCiphertext));
    }
    const headers = webhookHeaders(
      secrets,
      encodeId('msg', delivery.eventId),
      Math.floor(now.getTime() / 1000),
      delivery.body,
    );
    shown = { ...headers, 'webhook-signature': '(redacted)' };
    outcome = await postWebhook(
      { url: endpoint.url, headers, body: delivery.body, timeoutMs, maxBodyBytes: RESPONSE_BODY_LIMIT },
      deps.egress,
    );
  } catch (error) {
    const message = error instanceof EgressRefused ? `Refused: ${error.message}` : (error as Error).message;
    outcome = { error: message.slice(0, 500), durationMs: Math.round(performance.now() - started) };
  }
  if ('status' in outcome && outcome.status >= 200 && outcome.status < 300) {
    return { kind: 'delivered', delivery, response: outcome, headers: shown ?? {} };
  }
  if ('status' in outcome && outcome.status === 410) {
    return {
      kind: 'other',
      delivery,
      outcome: { status: 'failed', response: outcome, ...(shown ? { headers: shown } : {}), disable: 'gone' },
      result: 'failed',
    };
  }
  const schedule = deps.retryScheduleSeconds ?? RETRY_SCHEDULE_SECONDS;
  const delay = schedule[delivery.attempts - 1];
  const common = {
    ...(shown ? { headers: shown } : {}),
    ...('status' in outcome
      ? { response: outcome }
      : { error: outcome.error, durationMs: outcome.durationMs }),
  };
  if (delay === undefined) {
    return {
      kind: 'other',
      delivery,
      outcome: { status: 'failed', ...common, failing: true },
      result: 'failed',
    };
  }
  const jittered = Math.max(1, Math.round(delay * (0.8 + Math.random() * 0.4)));
  return {
    kind: 'other',
    delivery,
    outcome: { status: 'pending', ...common, failing: true, retryInSeconds: jittered },
    result: 'retrying',
  };
}

/** Records an attempt that did not deliver (a retry, a 410, a spent schedule), in its own transaction. */
export function recordOutcome(
  deps: DeliveryWorkerDeps,
  result: Extract<AttemptResult, { kind: 'other' }>,
): Promise<void> {
  return record(deps, result.delivery, result.outcome);
}

export interface Outcome {
  status: WebhookDelivery['status'];
  response?: { status: number; body: string; durationMs: number };
  error?: string;
  durationMs?: number;
  headers?: Record<string, string>;
  disable?: 'gone';
  failing?: boolean;
  retryInSeconds?: number;
}

type DeliveryRef = Pick<WebhookDelivery, 'id' | 'workspaceId' | 'endpointId'>;

async function record(deps: DeliveryWorkerDeps, row: DeliveryRef, outcome: Outcome): Promise<void> {
  await withTenant(deps.database, row.workspaceId, worker, async (tx, client) => {
    await tx
      .update(webhookDelivery)
      .set({
        status: outcome.status,
        lockedUntil: null,
        responseStatus: outcome.response?.status ?? null,
        responseBody: outcome.response?.body ?? null,
        error: outcome.error ?? null,
        durationMs: outcome.response?.durationMs ?? outcome.durationMs ?? null,
        ...(outcome.headers ? { requestHeaders: outcome.headers } : {}),
        nextAttemptAt:
          outcome.retryInSeconds !== undefined
            ? sql`now() + make_interval(secs => ${outcome.retryInSeconds})`
            : null,
        ...(outcome.status === 'succeeded' ? { deliveredAt: sql`now()` } : {}),
      })
      .where(and(eq(webhookDelivery.workspaceId, row.workspaceId), eq(webhookDelivery.id, row.id)));
    // The queue row: due again after the backoff (its lease released), or gone once finished.
    if (outcome.retryInSeconds !== undefined) {
      await client.query(
        `update webhook_dispatch set due_at = now() + make_interval(secs => $2), lease_until = null
         where workspace_id = $3 and delivery_id = $1`,
        [row.id, outcome.retryInSeconds, row.workspaceId],
      );
    } else {
      await client.query('delete from webhook_dispatch where workspace_id = $2 and delivery_id = $1', [
        row.id,
        row.workspaceId,
      ]);
    }
    if (outcome.status === 'succeeded') {
      await tx
        .update(webhookEndpoint)
        .set({ failingSince: null })
        .where(
          and(
            eq(webhookEndpoint.workspaceId, row.workspaceId),
            eq(webhookEndpoint.id, row.endpointId),
            sql`${webhookEndpoint.failingSince} is not null`,
          ),
        );
    } else if (outcome.disable) {
      await disableEndpoint(tx, deps, row, outcome.disable);
    } else if (outcome.failing) {
      // Written once per failing streak (not on every failure, which would serialize an
      // endpoint's concurrent attempts on its row); read otherwise.
      await tx
        .update(webhookEndpoint)
        .set({ failingSince: sql`now()` })
        .where(
          and(
            eq(webhookEndpoint.workspaceId, row.workspaceId),
            eq(webhookEndpoint.id, row.endpointId),
            isNull(webhookEndpoint.failingSince),
          ),
        );
      const [endpoint] = await tx
        .select({ failingSince: webhookEndpoint.failingSince, enabled: webhookEndpoint.enabled })
        .from(webhookEndpoint)
        .where(and(eq(webhookEndpoint.workspaceId, row.workspaceId), eq(webhookEndpoint.id, row.endpointId)));
      const limit = deps.disableAfterFailingMs ?? DISABLE_AFTER_FAILING_MS;
      if (
        endpoint?.enabled &&
        endpoint.failingSince &&
        Date.now() - endpoint.failingSince.getTime() >= limit
      ) {
        await disableEndpoint(tx, deps, row, 'failing');
      }
    }
  });
}

/**
 * Puts a pending delivery on the queue, due now, in the caller's transaction. An attempt holding it
 * keeps its lease (the delivery is not sent twice at once); its outcome then decides what follows.
 */
export async function queueDelivery(
  client: { query(text: string, values?: unknown[]): Promise<unknown> },
  delivery: DeliveryRef,
): Promise<void> {
  await client.query(
    `insert into webhook_dispatch (delivery_id, workspace_id, endpoint_id, due_at) values ($1, $2, $3, now())
     on conflict (delivery_id) do update set due_at = now()
     where webhook_dispatch.lease_until is null or webhook_dispatch.lease_until < now()`,
    [delivery.id, delivery.workspaceId, delivery.endpointId],
  );
}

/** Disables the endpoint (once), records why, and mails the workspace's owners through the outbox. */
async function disableEndpoint(
  tx: Executor,
  deps: DeliveryWorkerDeps,
  row: DeliveryRef,
  reason: 'gone' | 'failing',
): Promise<void> {
  const [endpoint] = await tx
    .update(webhookEndpoint)
    .set({ enabled: false, disabledReason: reason })
    .where(
      and(
        eq(webhookEndpoint.workspaceId, row.workspaceId),
        eq(webhookEndpoint.id, row.endpointId),
        eq(webhookEndpoint.enabled, true),
      ),
    )
    .returning({ id: webhookEndpoint.id, url: webhookEndpoint.url });
  if (!endpoint) return;
  await audit(
    tx,
    { ...worker, workspaceId: row.workspaceId },
    {
      action: 'webhook_endpoint.disabled',
      target: { type: 'webhook_endpoint', id: endpoint.id },
      metadata: { reason },
    },
  );
  if (reason !== 'failing') return;
  const [place] = await tx
    .select({ name: workspace.name, slug: workspace.slug })
    .from(workspace)
    .where(eq(workspace.id, row.workspaceId));
  const owners = await tx
    .select({ email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.workspaceId, row.workspaceId), eq(member.role, 'owner'), isNull(user.deletedAt)));
  for (const owner of owners) {
    const mail: AnyMailRequest = {
      template: 'webhook-endpoint-disabled',
      to: owner.email,
      data: {
        workspaceName: place!.name,
        endpointUrl: endpoint.url,
        webhooksUrl: new URL(`/w/${place!.slug}/settings/webhooks`, deps.appUrl).toString(),
      },
    };
    await enqueueEvent(tx, {
      topic: 'mail.send',
      payload: mail as unknown as Record<string, unknown>,
      workspaceId: row.workspaceId,
    });
  }
}

/** A delivery as the log shows it. */
export type DeliveryView = Omit<WebhookDelivery, 'workspaceId' | 'lockedUntil'>;

/** An endpoint's deliveries, newest first, keyset-paginated on the (time-ordered) id. */
export async function listDeliveries(
  deps: Pick<WebhookDeps, 'database'>,
  actor: MemberActor,
  endpointId: string,
  input: ListDeliveriesInput = {},
): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  assertCan(actor, 'webhook.manage');
  const { limit, cursor } = parseInput(listDeliveriesInput, input);
  const rows = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const [endpoint] = await tx
      .select({ id: webhookEndpoint.id })
      .from(webhookEndpoint)
      .where(and(eq(webhookEndpoint.workspaceId, actor.workspaceId), eq(webhookEndpoint.id, endpointId)));
    if (!endpoint) throw new AppError('not_found');
    return tx
      .select()
      .from(webhookDelivery)
      .where(
        and(
          eq(webhookDelivery.workspaceId, actor.workspaceId),
          eq(webhookDelivery.endpointId, endpointId),
          cursor ? lt(webhookDelivery.id, cursor) : undefined,
        ),
      )
      .orderBy(desc(webhookDelivery.id))
      .limit(limit + 1);
  });
  const items = rows.slice(0, limit).map(({ workspaceId: _w, lockedUntil: _l, ...rest }) => rest);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/**
 * Sends a delivery again now, whatever its state (a replay of a delivered one is allowed: receivers
 * dedupe on webhook-id). It gets one more attempt, then its schedule continues if any is left.
 */
export async function retryDelivery(
  deps: Pick<WebhookDeps, 'database'>,
  actor: MemberActor,
  endpointId: string,
  deliveryId: string,
  origin: AuditOrigin = {},
): Promise<DeliveryView> {
  assertCan(actor, 'webhook.manage');
  return withTenant(deps.database, actor.workspaceId, actor, async (tx, client) => {
    const [row] = await tx
      .update(webhookDelivery)
      .set({ status: 'pending', nextAttemptAt: sql`now()` })
      .where(
        and(
          eq(webhookDelivery.workspaceId, actor.workspaceId),
          eq(webhookDelivery.endpointId, endpointId),
          eq(webhookDelivery.id, deliveryId),
        ),
      )
      .returning();
    if (!row) throw new AppError('not_found');
    await queueDelivery(client, row);
    await audit(
      tx,
      actor,
      { action: 'webhook_delivery.retried', target: { type: 'webhook_delivery', id: deliveryId } },
      origin,
    );
    const { workspaceId: _w, lockedUntil: _l, ...rest } = row;
    return rest;
  });
}
