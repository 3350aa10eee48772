import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
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
import type { EmittedEvent } from '../events/index';
import type { JobQueue } from '../jobs/index';
import type { Logger } from '../logger/index';
import type { AnyMailRequest } from '../mail/index';
import { enqueueEvent } from '../outbox/index';
import { encodeId } from '../public-ids/index';
import type { MemberActor } from '../tenancy/index';
import { EgressRefused, postWebhook } from './egress';
import { DELIVER_QUEUE, type DeliverJob } from './queues';
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
  /** Attempts one process runs at once against one endpoint; the rest wait their turn (default 8). */
  maxInFlightPerEndpoint?: number;
  /** Shared by every attempt in the process: attempts in flight per endpoint. */
  inFlight?: Map<string, number>;
  /** Shared too: how long the last attempt to each endpoint took (ms). */
  lastDurationMs?: Map<string, number>;
}

/**
 * Fans one committed event out: a delivery row and a job per enabled endpoint subscribed to its
 * type, in one transaction. A rerun (the job retried) adds nothing: a delivery is unique per
 * endpoint and event. Returns how many deliveries it created.
 */
export async function fanOutEvent(
  deps: Pick<WebhookDeps, 'database'> & { jobs: JobQueue },
  event: EmittedEvent,
): Promise<number> {
  return withTenant(deps.database, event.workspaceId, worker, async (tx, client) => {
    const endpoints = await tx
      .select({ id: webhookEndpoint.id })
      .from(webhookEndpoint)
      .where(
        and(
          eq(webhookEndpoint.workspaceId, event.workspaceId),
          eq(webhookEndpoint.enabled, true),
          or(isNull(webhookEndpoint.eventTypes), sql`${event.type} = any(${webhookEndpoint.eventTypes})`),
        ),
      );
    if (endpoints.length === 0) return 0;
    const body = JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data });
    const createdAt = new Date(event.timestamp);
    const rows = await tx
      .insert(webhookDelivery)
      .values(
        endpoints.map((endpoint) => ({
          workspaceId: event.workspaceId,
          endpointId: endpoint.id,
          eventId: event.id,
          eventType: event.type,
          body,
          eventCreatedAt: createdAt,
          nextAttemptAt: new Date(),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: webhookDelivery.id, endpointId: webhookDelivery.endpointId });
    for (const row of rows) {
      const job: DeliverJob = {
        workspaceId: event.workspaceId,
        deliveryId: row.id,
        endpointId: row.endpointId,
      };
      await deps.jobs.send(DELIVER_QUEUE, job, { id: row.id, executor: client });
    }
    return rows.length;
  });
}

export type AttemptOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped' | 'deferred';

/**
 * One attempt of one delivery. The row is claimed first (a lock that lapses, so a worker that dies
 * mid-attempt holds nothing for ever; its job expires and runs again); then the request is signed
 * with every live secret and sent; then the outcome is recorded with the next attempt's job in the
 * same transaction. 2xx delivers; 410 disables the endpoint; anything else retries on the schedule
 * until it is spent, and an endpoint failing for five days is disabled and its owners are mailed.
 */
export async function attemptDelivery(deps: DeliveryWorkerDeps, job: DeliverJob): Promise<AttemptOutcome> {
  const inFlight = deps.inFlight ?? new Map<string, number>();
  const limit = deps.maxInFlightPerEndpoint ?? 8;
  // A fast endpoint frees a slot within milliseconds: wait briefly before deferring. A slow one
  // (its last attempt here took over a second) does not, so waiting would only hold this loop.
  const fast = (deps.lastDurationMs?.get(job.endpointId) ?? 0) < 1_000;
  for (let waited = 0; fast && (inFlight.get(job.endpointId) ?? 0) >= limit && waited < 500; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const running = inFlight.get(job.endpointId) ?? 0;
  if (running >= limit) {
    // A slow endpoint keeps at most this many of the process's workers; its other attempts wait,
    // longer each time they find it still busy (so a backlog does not churn the queue).
    const deferrals = (job.deferrals ?? 0) + 1;
    const base = Math.min(30, 2 ** Math.min(deferrals, 5));
    const startAfterSeconds = Math.max(1, Math.round(base * (0.5 + Math.random())));
    await deps.jobs.send(DELIVER_QUEUE, { ...job, deferrals }, { startAfterSeconds });
    return 'deferred';
  }
  inFlight.set(job.endpointId, running + 1);
  const started = performance.now();
  try {
    return await attempt(deps, job);
  } finally {
    deps.lastDurationMs?.set(job.endpointId, performance.now() - started);
    const left = (inFlight.get(job.endpointId) ?? 1) - 1;
    if (left <= 0) inFlight.delete(job.endpointId);
    else inFlight.set(job.endpointId, left);
  }
}

async function attempt(deps: DeliveryWorkerDeps, job: DeliverJob): Promise<AttemptOutcome> {
  const timeoutMs = deps.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const lockSeconds = Math.ceil(timeoutMs / 1000) + 15;
  const claimed = await withTenant(deps.database, job.workspaceId, worker, async (tx) => {
    const [row] = await tx
      .update(webhookDelivery)
      .set({
        lockedUntil: sql`now() + make_interval(secs => ${lockSeconds})`,
        attempts: sql`${webhookDelivery.attempts} + 1`,
        lastAttemptAt: sql`now()`,
      })
      .where(
        and(
          eq(webhookDelivery.workspaceId, job.workspaceId),
          eq(webhookDelivery.id, job.deliveryId),
          eq(webhookDelivery.status, 'pending'),
          or(isNull(webhookDelivery.lockedUntil), lt(webhookDelivery.lockedUntil, sql`now()`)),
        ),
      )
      .returning();
    if (!row) return null;
    const [endpoint] = await tx
      .select()
      .from(webhookEndpoint)
      .where(and(eq(webhookEndpoint.workspaceId, row.workspaceId), eq(webhookEndpoint.id, row.endpointId)));
    return { row, endpoint };
  });
  if (!claimed) return rescheduleIfHeld(deps, job);
  const { row, endpoint } = claimed;
  if (!endpoint || !endpoint.enabled) {
    await record(deps, row, { status: 'failed', error: 'The endpoint is disabled.' });
    return 'failed';
  }
  const now = new Date();
  const secrets = [deps.secrets.open(endpoint.secretCiphertext)];
  if (
    endpoint.previousSecretCiphertext &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > now
  ) {
    secrets.push(deps.secrets.open(endpoint.previousSecretCiphertext));
  }
  const headers = webhookHeaders(
    secrets,
    encodeId('msg', row.eventId),
    Math.floor(now.getTime() / 1000),
    row.body,
  );
  const shown = { ...headers, 'webhook-signature': '(redacted)' };
  let outcome: { status: number; body: string; durationMs: number } | { error: string; durationMs: number };
  const started = performance.now();
  try {
    outcome = await postWebhook(
      { url: endpoint.url, headers, body: row.body, timeoutMs, maxBodyBytes: RESPONSE_BODY_LIMIT },
      deps.egress,
    );
  } catch (error) {
    const message = error instanceof EgressRefused ? `Refused: ${error.message}` : (error as Error).message;
    outcome = { error: message.slice(0, 500), durationMs: Math.round(performance.now() - started) };
  }
  if ('status' in outcome && outcome.status >= 200 && outcome.status < 300) {
    await record(deps, row, { status: 'succeeded', response: outcome, headers: shown });
    return 'delivered';
  }
  if ('status' in outcome && outcome.status === 410) {
    await record(deps, row, { status: 'failed', response: outcome, headers: shown, disable: 'gone' });
    return 'failed';
  }
  const schedule = deps.retryScheduleSeconds ?? RETRY_SCHEDULE_SECONDS;
  const delay = schedule[row.attempts - 1];
  const common = {
    headers: shown,
    ...('status' in outcome
      ? { response: outcome }
      : { error: outcome.error, durationMs: outcome.durationMs }),
  };
  if (delay === undefined) {
    await record(deps, row, { status: 'failed', ...common, failing: true });
    return 'failed';
  }
  const jittered = Math.max(1, Math.round(delay * (0.8 + Math.random() * 0.4)));
  await record(deps, row, { status: 'pending', ...common, failing: true, retryInSeconds: jittered });
  return 'retrying';
}

/**
 * A delivery that could not be claimed: finished (nothing to do), or held by another attempt's lock
 * — live, or left by a worker that died mid-attempt. A held one gets a fresh job for just after the
 * lock lapses, so the attempt of a dead worker is never lost with its job.
 */
async function rescheduleIfHeld(deps: DeliveryWorkerDeps, job: DeliverJob): Promise<AttemptOutcome> {
  const [held] = await withTenant(deps.database, job.workspaceId, worker, (tx) =>
    tx
      .select({ seconds: sql<number>`ceil(extract(epoch from ${webhookDelivery.lockedUntil} - now()))::int` })
      .from(webhookDelivery)
      .where(
        and(
          eq(webhookDelivery.workspaceId, job.workspaceId),
          eq(webhookDelivery.id, job.deliveryId),
          eq(webhookDelivery.status, 'pending'),
        ),
      ),
  );
  if (!held) return 'skipped';
  await deps.jobs.send(DELIVER_QUEUE, job, { startAfterSeconds: Math.max(1, (held.seconds ?? 0) + 1) });
  return 'deferred';
}

interface Outcome {
  status: WebhookDelivery['status'];
  response?: { status: number; body: string; durationMs: number };
  error?: string;
  durationMs?: number;
  headers?: Record<string, string>;
  disable?: 'gone';
  failing?: boolean;
  retryInSeconds?: number;
}

async function record(deps: DeliveryWorkerDeps, row: WebhookDelivery, outcome: Outcome): Promise<void> {
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
    if (outcome.retryInSeconds !== undefined) {
      const job: DeliverJob = {
        workspaceId: row.workspaceId,
        deliveryId: row.id,
        endpointId: row.endpointId,
      };
      await deps.jobs.send(DELIVER_QUEUE, job, {
        startAfterSeconds: outcome.retryInSeconds,
        executor: client,
      });
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

/** Disables the endpoint (once), records why, and mails the workspace's owners through the outbox. */
async function disableEndpoint(
  tx: Executor,
  deps: DeliveryWorkerDeps,
  row: WebhookDelivery,
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
  return withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
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
    const job: DeliverJob = { workspaceId: actor.workspaceId, deliveryId, endpointId };
    await enqueueEvent(tx, { topic: DELIVER_QUEUE, payload: { ...job }, workspaceId: actor.workspaceId });
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
