import { publishNotification, uuidv7, type Executor } from '@plinth/db';

/** The one Postgres NOTIFY channel realtime events travel on between nodes. */
export const REALTIME_CHANNEL = 'realtime';

/** What a page may be looking at in a workspace; an event on it tells the page to refetch. */
export const realtimeTopics = ['projects', 'members', 'billing', 'workspace'] as const;
export type RealtimeTopic = (typeof realtimeTopics)[number];

/**
 * One realtime event as it crosses nodes. It names what changed, never what it changed to: a
 * client refetches through the API, under its own permissions. `i` is a uuid v7 made at publish, so
 * every node gives the event the same id (the SSE `id:`, for Last-Event-ID resume on any node).
 */
export type RealtimeMessage =
  | { i: string; k: 'notification'; u: string; n: string }
  | { i: string; k: 'workspace'; w: string; t: RealtimeTopic; u?: string };

type Unsent<M> = M extends unknown ? Omit<M, 'i'> : never;

/**
 * Sends a realtime event when the caller's transaction commits (NOTIFY is transactional), so a
 * rolled-back change tells nobody. Delivery is at most once; the SSE endpoint tells clients to
 * refetch everything after a lost connection (decision 0027).
 */
export async function publishRealtime(tx: Executor, message: Unsent<RealtimeMessage>): Promise<void> {
  await publishNotification(tx, REALTIME_CHANNEL, JSON.stringify({ i: uuidv7(), ...message }));
}

/** The topic a webhook event type invalidates, if a page shows it. */
export function topicOfEvent(type: string): RealtimeTopic | undefined {
  if (type.startsWith('project.')) return 'projects';
  if (type.startsWith('member.') || type.startsWith('invitation.')) return 'members';
  if (type.startsWith('subscription.')) return 'billing';
  if (type.startsWith('workspace.')) return 'workspace';
  return undefined;
}
