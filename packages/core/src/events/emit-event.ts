import type { Executor } from '@plinth/db';
import { uuidv7 } from '@plinth/db';
import type { Actor } from '../actor/index';
import { enqueueEvent } from '../outbox/index';
import { encodeId } from '../public-ids/index';
import { publishRealtime, topicOfEvent } from '../realtime/index';
import { eventCatalog, type EventData, type EventType } from './catalog';

/** The queue the outbox relays events to; the webhooks module fans each out to its endpoints. */
export const EVENTS_TOPIC = 'webhooks.event';

/** What the outbox carries for one event (the fan-out job's data). */
export interface EmittedEvent {
  /** The event's id: every delivery of it carries `webhook-id: msg_<this, encoded>`. */
  id: string;
  workspaceId: string;
  type: EventType;
  /** ISO time of the change. */
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * Records a domain event for the workspace's webhook endpoints, in the caller's transaction: it is
 * delivered if and only if the change commits (the outbox relays it after commit). `payload` is the
 * type's data without `workspace_id` (added here from the actor); it is validated against the
 * catalog, and a mismatch is a bug in the caller, so it throws rather than sending a malformed event.
 */
export async function emitEvent<T extends EventType>(
  tx: Executor,
  actor: Pick<Actor, 'workspaceId'>,
  type: T,
  payload: Omit<EventData<T>, 'workspace_id'>,
): Promise<string> {
  const workspaceId = actor.workspaceId;
  if (!workspaceId) throw new TypeError(`emitEvent(${type}): the actor has no workspace`);
  const parsed = eventCatalog[type].data.safeParse({
    workspace_id: encodeId('ws', workspaceId),
    ...payload,
  });
  if (!parsed.success) {
    throw new TypeError(`emitEvent(${type}): payload does not match the catalog: ${parsed.error.message}`);
  }
  const event: EmittedEvent = {
    id: uuidv7(),
    workspaceId,
    type,
    timestamp: new Date().toISOString(),
    data: parsed.data as Record<string, unknown>,
  };
  await enqueueEvent(tx, {
    topic: EVENTS_TOPIC,
    payload: event as unknown as Record<string, unknown>,
    workspaceId,
  });
  // The same change tells open pages to refetch: NOTIFY in this transaction, sent at commit
  // (decision 0027: not through the outbox, whose relay would add its polling delay).
  const topic = topicOfEvent(type);
  if (topic) await publishRealtime(tx, { k: 'workspace', w: workspaceId, t: topic });
  return event.id;
}
