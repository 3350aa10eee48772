import { and, eq, sql } from 'drizzle-orm';
import { webhookEvent, type WebhookEventStatus } from '@plinth/db';
import { syncCustomer as defaultSyncCustomer } from '../billing/index';
import { performEffect } from './effects';
import { handledEventTypes } from './handled-events';
import type { BillingEventsDeps } from './types';

export interface ProcessOutcome {
  status: WebhookEventStatus | 'missing';
  /** The side effect this run performed, if it won the claim. */
  effect?: string;
}

/** Errors are kept on the row for the dead-letter view; a stack trace is for the logs. */
const MAX_ERROR_LENGTH = 1000;

/**
 * The inbox worker: processes one stored event. Already processed, ignored or dead → no-op. A type
 * we do not handle, or one without a customer → `ignored`. Otherwise re-syncs the customer from
 * Stripe (never trusting the payload's state, so order and duplicates cannot matter), performs the
 * event's side effect once, and marks the row processed. A failure (an unknown customer, Stripe
 * down) is recorded on the row and rethrown: the job retries with backoff and the row stays
 * pending until it succeeds or is marked dead.
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
  await deps.database.db
    .update(webhookEvent)
    .set({ attempts: sql`${webhookEvent.attempts} + 1` })
    .where(eq(webhookEvent.id, eventId));
  try {
    const { workspaceId } = await (deps.syncCustomer ?? defaultSyncCustomer)(deps, row.customerId);
    const client = await deps.database.pool.connect();
    let unusable: Error | undefined;
    try {
      await client.query('begin');
      const effect = await performEffect(deps, client, row, workspaceId);
      await client.query(
        `update webhook_event set status = 'processed', processed_at = now(), last_error = null
         where id = $1 and status = 'pending'`,
        [eventId],
      );
      await client.query('commit');
      return effect ? { status: 'processed', effect } : { status: 'processed' };
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => {
        unusable = rollbackError;
      });
      throw error;
    } finally {
      client.release(unusable);
    }
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await deps.database.db
      .update(webhookEvent)
      .set({ lastError: message.slice(0, MAX_ERROR_LENGTH) })
      .where(eq(webhookEvent.id, eventId));
    throw error;
  }
}
