import { outbox, type Executor } from '@plinth/db';
import { carriedContext } from '../logger/index';

export interface DomainEvent {
  /** The queue that will receive it, e.g. `mail.send`; declared with defineQueue(). */
  topic: string;
  payload: Record<string, unknown>;
  workspaceId?: string | null;
}

/**
 * Records an event in the caller's transaction; the relay publishes it only once that commits. The
 * running request's context (trace, actor) goes with it, so the job it becomes joins that trace.
 */
export async function enqueueEvent(db: Executor, event: DomainEvent): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({
      topic: event.topic,
      payload: event.payload,
      workspaceId: event.workspaceId ?? null,
      context: (carriedContext() as Record<string, string> | undefined) ?? null,
    })
    .returning({ id: outbox.id });
  return row!.id;
}
