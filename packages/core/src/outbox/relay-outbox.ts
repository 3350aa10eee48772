import { withClientTransaction, type Database } from '@plinth/db';
import { DEAD_LETTER_QUEUE, type JobQueue } from '../jobs/index';
import type { CarriedContext, Logger } from '../logger/index';

export interface RelayDeps {
  database: Database;
  jobs: JobQueue;
  logger: Logger;
  /**
   * Topics another loop takes from the outbox itself (webhook events: the webhook dispatcher fans
   * them out in batches); the relay leaves them alone.
   */
  consumedElsewhere?: readonly string[];
}

interface PendingEvent {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  context: CarriedContext | null;
}

/**
 * Moves one batch of committed events to the job queue. Claim, enqueue and mark happen in one
 * transaction: a crash anywhere leaves the rows unpublished and the jobs unsent. Rows are claimed
 * with SKIP LOCKED, so several relays (one per worker node) share the work without doubles, and the
 * job id is the event id, so even a replayed event is enqueued once.
 * Returns how many events it published.
 */
export async function relayOutbox(deps: RelayDeps, batchSize = 100): Promise<number> {
  const queues = new Set<string>();
  const published = await withClientTransaction(deps.database, async (client) => {
    const { rows } = await client.query<PendingEvent>(
      `select id, topic, payload, context from outbox where published_at is null
       and topic <> all($2::text[])
       order by created_at limit $1 for update skip locked`,
      [batchSize, deps.consumedElsewhere ?? []],
    );
    for (const event of rows) {
      if (deps.jobs.hasQueue(event.topic)) {
        queues.add(event.topic);
        await deps.jobs.send(event.topic, event.payload, {
          id: event.id,
          executor: client,
          context: event.context,
        });
      } else {
        // An unknown topic must not block the events behind it: park it where people look.
        deps.logger.error({ eventId: event.id, topic: event.topic }, 'outbox event has no queue');
        queues.add(DEAD_LETTER_QUEUE);
        await deps.jobs.send(
          DEAD_LETTER_QUEUE,
          { reason: 'unknown_topic', topic: event.topic, payload: event.payload },
          { id: event.id, executor: client, context: event.context },
        );
      }
    }
    if (rows.length > 0) {
      await client.query('update outbox set published_at = now() where id = any($1::uuid[])', [
        rows.map((event) => event.id),
      ]);
    }
    return rows.length;
  });
  // Committed: the jobs can be seen now, so this process's workers of their queues fetch at once
  // (workers elsewhere find them on their next poll).
  for (const queue of queues) deps.jobs.wake(queue);
  return published;
}

/**
 * Relays continuously on a worker node: immediately again while batches come back full, otherwise
 * every `intervalMs`. Errors are logged and retried on the next tick.
 */
export function startOutboxRelay(deps: RelayDeps, intervalMs: number): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const batchSize = 100;

  const tick = () => {
    running = (async () => {
      let published = batchSize;
      while (!stopped && published === batchSize) {
        try {
          published = await relayOutbox(deps, batchSize);
        } catch (error) {
          deps.logger.error({ err: error }, 'outbox relay failed');
          published = 0;
        }
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
