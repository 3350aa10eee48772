import type Stripe from 'stripe';
import { stripeEventQueue } from './queues';
import { customerIdOf } from './handled-events';
import type { IngestDeps } from './types';

/**
 * Puts one verified event into the inbox and queues its processing, in one transaction: the job
 * exists if and only if the row was new. A redelivered event id is a no-op (`inserted: false`).
 */
export async function ingestStripeEvent(
  deps: IngestDeps,
  event: Stripe.Event,
): Promise<{ inserted: boolean }> {
  const client = await deps.database.pool.connect();
  // Set when the connection can no longer be trusted; release(error) then destroys it.
  let unusable: Error | undefined;
  try {
    await client.query('begin');
    const { rowCount } = await client.query(
      `insert into webhook_event (id, type, customer_id, api_version, livemode, stripe_created_at, payload)
       values ($1, $2, $3, $4, $5, to_timestamp($6), $7)
       on conflict (id) do nothing`,
      [
        event.id,
        event.type,
        customerIdOf(event),
        event.api_version ?? null,
        event.livemode,
        event.created,
        JSON.stringify(event),
      ],
    );
    const inserted = rowCount === 1;
    if (inserted) await deps.jobs.send(stripeEventQueue.name, { eventId: event.id }, { executor: client });
    await client.query('commit');
    return { inserted };
  } catch (error) {
    await client.query('rollback').catch((rollbackError: Error) => {
      unusable = rollbackError;
    });
    throw error;
  } finally {
    client.release(unusable);
  }
}
