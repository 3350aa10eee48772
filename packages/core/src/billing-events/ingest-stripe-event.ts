import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { customerIdOf } from './handled-events';
import { stripeEventQueue } from './queues';
import type { IngestDeps } from './types';

/**
 * The processing job's id, derived from the event id: however often the job is sent (a retried
 * request, a redelivery, the sweep), pg-boss keeps one job per event.
 */
export function stripeEventJobId(eventId: string): string {
  const hex = createHash('sha256').update(`stripe-event:${eventId}`).digest('hex');
  // A version-5-shaped UUID (pg-boss ids are uuids): version nibble 5, variant bits 10.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// Prepared once per connection: the webhook's hot path.
const insertEvent = {
  name: 'plinth_webhook_event_insert',
  text: `insert into webhook_event (id, type, customer_id, api_version, livemode, stripe_created_at, payload)
         values ($1, $2, $3, $4, $5, to_timestamp($6), $7)
         on conflict (id) do nothing`,
};

/**
 * Puts one verified event into the inbox (a redelivered event id is a no-op, `inserted: false`) and
 * queues its processing under the event's own job id. Two statements, no transaction: should the
 * process die between them, Stripe's redelivery (a pending row is queued again) or reconciliation's
 * sweep of pending rows no job picked up queues it — the job id keeps that to one job.
 */
export async function ingestStripeEvent(
  deps: IngestDeps,
  event: Stripe.Event,
): Promise<{ inserted: boolean }> {
  const { rowCount } = await deps.database.pool.query({
    ...insertEvent,
    values: [
      event.id,
      event.type,
      customerIdOf(event),
      event.api_version ?? null,
      event.livemode,
      event.created,
      JSON.stringify(event),
    ],
  });
  const inserted = rowCount === 1;
  if (!inserted) {
    // Redeliveries are rare; only a row still waiting could be missing its job.
    const { rows } = await deps.database.pool.query<{ status: string }>(
      'select status from webhook_event where id = $1',
      [event.id],
    );
    if (rows[0]?.status !== 'pending') return { inserted };
  }
  if (deps.queueJob) await deps.queueJob(event.id);
  else await queueStripeEvent(deps, event.id);
  return { inserted };
}

/** Sends the event's processing job; a second send for the same event is a no-op. */
export async function queueStripeEvent(deps: Pick<IngestDeps, 'jobs'>, eventId: string): Promise<boolean> {
  return (
    (await deps.jobs.send(stripeEventQueue.name, { eventId }, { id: stripeEventJobId(eventId) })) !== null
  );
}
