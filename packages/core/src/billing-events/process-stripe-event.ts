import { and, eq } from 'drizzle-orm';
import { webhookEvent, withTenantClient, type WebhookEventStatus } from '@plinth/db';
import { systemActor } from '../actor/index';
import { syncCustomer as defaultSyncCustomer } from '../billing/index';
import { performEffect } from './effects';
import { isForeignCustomer } from './foreign-customers';
import { handledEventTypes } from './handled-events';
import { stripeEventJobId } from './ingest-stripe-event';
import { stripeEventQueue } from './queues';
import type { BillingEventsDeps } from './types';

export interface ProcessOutcome {
  status: WebhookEventStatus | 'missing';
  /** Other pending events of the same customer this sync covered (marked processed with it). */
  coalesced?: number;
  /** Side effects this run performed (claims it won). */
  effects?: string[];
}

/** Errors are kept on the row for the dead-letter view; a stack trace is for the logs. */
const MAX_ERROR_LENGTH = 1000;
const handledTypes = [...handledEventTypes];
const effectsActor = systemActor('billing.effects');
const FOREIGN_CUSTOMER = 'The Stripe customer is not one of ours (no metadata.workspace_id): ignored.';

/**
 * The inbox worker: processes one stored event. Already processed, ignored or dead → no-op. A type
 * we do not handle, or one without a customer → `ignored`. Otherwise re-syncs the customer from
 * Stripe (never trusting the payload's state, so order and duplicates cannot matter), performs the
 * event's side effect once, and marks the row processed. A customer Stripe says was never ours
 * (isForeignCustomer) → `ignored`. Any other failure (a customer row not committed yet, Stripe
 * down) is recorded on the row and rethrown: the job retries with backoff and the row stays
 * pending until it succeeds or is marked dead.
 *
 * One sync also covers every other pending event of that customer stored before it began: Stripe
 * sent them after their change happened, so the state fetched afterwards includes it. They are
 * marked processed (with their side effects) in the same transaction, and their own jobs have
 * nothing left to do (they are cancelled): a burst of twenty events for one customer costs one or two
 * syncs, not twenty.
 */
export async function processStripeEvent(deps: BillingEventsDeps, eventId: string): Promise<ProcessOutcome> {
  const [row] = await deps.database.db.select().from(webhookEvent).where(eq(webhookEvent.id, eventId));
  if (!row) return { status: 'missing' };
  if (row.status !== 'pending') return { status: row.status };
  if (!handledEventTypes.has(row.type) || !row.customerId) {
    await deps.database.db
      .update(webhookEvent)
      .set({ status: 'ignored', processedAt: new Date() })
      .where(and(eq(webhookEvent.id, eventId), eq(webhookEvent.status, 'pending')));
    return { status: 'ignored' };
  }
  const customerId = row.customerId;
  // One slot of the process's sync limiter for the sync and the side effects after it (the nested
  // syncCustomer() call re-enters it), taken before the re-check below: a job that waited for it
  // finds its event already covered by another event's sync.
  return deps.syncLimiter.run(() => syncAndMark(deps, eventId, customerId));
}

async function syncAndMark(
  deps: BillingEventsDeps,
  eventId: string,
  customerId: string,
): Promise<ProcessOutcome> {
  // Re-checked now that this job may sync (it may have waited for a slot while another event's sync
  // covered it), and the database's clock read before the sync: rows stored up to here are covered.
  const {
    rows: [started],
  } = await deps.database.pool.query<{ at: Date }>(
    `update webhook_event set attempts = attempts + 1 where id = $1 and status = 'pending'
     returning clock_timestamp() as at`,
    [eventId],
  );
  if (!started) return { status: 'processed', coalesced: 0, effects: [] };
  try {
    const { workspaceId } = await (deps.syncCustomer ?? defaultSyncCustomer)(deps, customerId);
    // In the workspace's tenant: the side effects read its mirror (RLS) on this same connection.
    const outcome = await withTenantClient(deps.database, workspaceId, effectsActor, async (client) => {
      const { rows: covered } = await client.query<WebhookEventRow>(
        `select id, type, payload from webhook_event
         where customer_id = $1 and status = 'pending' and received_at <= $2 and type = any($3)
         order by received_at, id
         for update skip locked`,
        [customerId, started.at, handledTypes],
      );
      const effects: string[] = [];
      for (const event of covered) {
        const effect = await performEffect(deps, client, event, workspaceId);
        if (effect) effects.push(effect);
      }
      await client.query(
        `update webhook_event set status = 'processed', processed_at = now(), last_error = null
         where id = any($1) and status = 'pending'`,
        [covered.map((event) => event.id)],
      );
      const coalesced = covered.map((event) => event.id).filter((id) => id !== eventId);
      return { status: 'processed' as const, coalesced, effects };
    });
    // Their own jobs have nothing left to do: cancel them rather than run thousands of no-ops after
    // a burst. Best effort; a job that still runs finds its row processed.
    await deps.jobs
      .cancel(stripeEventQueue.name, outcome.coalesced.map(stripeEventJobId))
      .catch((error: unknown) => deps.logger.debug({ err: error }, 'could not cancel covered event jobs'));
    return { status: 'processed', coalesced: outcome.coalesced.length, effects: outcome.effects };
  } catch (error) {
    if (await isForeignCustomer(deps, customerId, error)) {
      // Every pending event of that customer: they would all be retried for nothing.
      await deps.database.db
        .update(webhookEvent)
        .set({ status: 'ignored', processedAt: new Date(), lastError: FOREIGN_CUSTOMER })
        .where(and(eq(webhookEvent.customerId, customerId), eq(webhookEvent.status, 'pending')));
      deps.logger.debug(
        { customer: customerId, event_id: eventId },
        'ignored an event of a foreign customer',
      );
      return { status: 'ignored' };
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // Only while pending: another event's sync may have covered this one meanwhile.
    await deps.database.db
      .update(webhookEvent)
      .set({ lastError: message.slice(0, MAX_ERROR_LENGTH) })
      .where(and(eq(webhookEvent.id, eventId), eq(webhookEvent.status, 'pending')));
    throw error;
  }
}

interface WebhookEventRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}
