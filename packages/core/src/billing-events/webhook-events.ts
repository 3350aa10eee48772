import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  webhookEvent,
  webhookEventStatuses,
  withClientTransaction,
  type Database,
  type WebhookEvent,
} from '@plinth/db';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Actor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError } from '../errors/index';
import type { JobQueue } from '../jobs/index';
import type { Logger } from '../logger/index';
import { stripeEventQueue } from './queues';

export const listWebhookEventsInput = z.strictObject({
  status: z.enum(webhookEventStatuses).optional(),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]*$/, 'Invalid cursor.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListWebhookEventsInput = z.input<typeof listWebhookEventsInput>;

/** An inbox row as the dead-letter view shows it: everything but the payload. */
export type WebhookEventSummary = Omit<WebhookEvent, 'payload'>;

const summaryColumns = {
  id: webhookEvent.id,
  type: webhookEvent.type,
  customerId: webhookEvent.customerId,
  apiVersion: webhookEvent.apiVersion,
  livemode: webhookEvent.livemode,
  stripeCreatedAt: webhookEvent.stripeCreatedAt,
  status: webhookEvent.status,
  attempts: webhookEvent.attempts,
  lastError: webhookEvent.lastError,
  receivedAt: webhookEvent.receivedAt,
  processedAt: webhookEvent.processedAt,
};

/** A Stripe event id (evt_…) as we accept one from a URL or a cursor: printable ASCII, never NUL. */
const stripeEventId = z
  .string()
  .max(255)
  .regex(/^[\x21-\x7e]+$/);

/** The cursor is the last row's (received_at, id), opaque to clients. */
const encodeCursor = (row: WebhookEventSummary) =>
  Buffer.from(JSON.stringify([row.receivedAt.toISOString(), row.id])).toString('base64url');

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  try {
    const [at, id] = z
      // A Stripe event id (evt_…): printable ASCII, so a forged cursor never carries NUL to SQL.
      .tuple([
        z.iso.datetime(),
        z
          .string()
          .max(255)
          .regex(/^[\x21-\x7e]+$/),
      ])
      .parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { receivedAt: new Date(at), id };
  } catch {
    throw new AppError('invalid_input', 'Invalid cursor.', { fields: { cursor: 'Invalid cursor.' } });
  }
}

/**
 * The inbox, newest first, optionally by status (`dead` is the dead-letter view). Staff-only: the
 * caller checks the role; this reads across every workspace.
 */
export async function listWebhookEvents(
  deps: { database: Database },
  input: ListWebhookEventsInput = {},
): Promise<{ events: WebhookEventSummary[]; nextCursor: string | null }> {
  const parsed = listWebhookEventsInput.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const { status, cursor, limit } = parsed.data;
  const conditions: (SQL | undefined)[] = [status ? eq(webhookEvent.status, status) : undefined];
  if (cursor) {
    const after = decodeCursor(cursor);
    conditions.push(
      or(
        lt(webhookEvent.receivedAt, after.receivedAt),
        and(eq(webhookEvent.receivedAt, after.receivedAt), lt(webhookEvent.id, after.id)),
      ),
    );
  }
  const rows = await deps.database.db
    .select(summaryColumns)
    .from(webhookEvent)
    .where(and(...conditions))
    .orderBy(desc(webhookEvent.receivedAt), desc(webhookEvent.id))
    .limit(limit + 1);
  const events = rows.slice(0, limit);
  return { events, nextCursor: rows.length > limit ? encodeCursor(events.at(-1)!) : null };
}

/**
 * Puts an event back in the queue (from the dead-letter view, or to redo a processed one: its side
 * effects are claimed already and will not repeat). Throws not_found for an unknown event id.
 */
export async function replayStripeEvent(
  deps: { database: Database; jobs: JobQueue; logger?: Logger },
  eventId: string,
  actor: Actor,
  origin: AuditOrigin = {},
): Promise<{ id: string; status: 'pending' }> {
  if (!stripeEventId.safeParse(eventId).success)
    throw new AppError('not_found', 'No such event in the inbox.');
  const previousStatus = await withClientTransaction(deps.database, async (client) => {
    const { rows } = await client.query<{ status: string }>(
      `with previous as (select id, status from webhook_event where id = $1 for update)
       update webhook_event e set status = 'pending', processed_at = null
       from previous where e.id = previous.id
       returning previous.status`,
      [eventId],
    );
    if (!rows[0]) throw new AppError('not_found', 'No such event in the inbox.');
    await deps.jobs.send(stripeEventQueue.name, { eventId }, { executor: client });
    // The staff member who replayed it, in the same transaction as the replay.
    await audit(
      drizzle({ client }),
      actor,
      {
        action: 'admin.billing_event_replayed',
        target: { type: 'stripe_event', id: eventId },
        metadata: { previousStatus: rows[0].status },
      },
      origin,
    );
    return rows[0].status;
  });
  // Committed: this process's stripe-event workers take it now rather than at their next poll.
  deps.jobs.wake(stripeEventQueue.name);
  deps.logger?.info({ event_id: eventId, previous_status: previousStatus }, 'stripe event replayed');
  return { id: eventId, status: 'pending' };
}

/** The stripe-event dead-letter worker: the row leaves `pending` for the dead-letter view. */
export async function markStripeEventDead(
  deps: { database: Database; logger?: Logger },
  eventId: string,
): Promise<void> {
  const [row] = await deps.database.db
    .update(webhookEvent)
    .set({ status: 'dead' })
    .where(and(eq(webhookEvent.id, eventId), eq(webhookEvent.status, 'pending')))
    .returning({
      type: webhookEvent.type,
      customerId: webhookEvent.customerId,
      lastError: webhookEvent.lastError,
    });
  if (row) {
    deps.logger?.error(
      { event_id: eventId, type: row.type, customer: row.customerId, last_error: row.lastError },
      'stripe event failed every retry: dead-lettered, replay it from the admin view',
    );
  }
}
