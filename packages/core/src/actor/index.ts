// Actor: who is doing something. Every entry point (route, server action, job, CLI) resolves one
// before it calls a core service; services decide on it and never read cookies or headers.
import type { ActorType } from '@plinth/db';

export interface Actor {
  type: ActorType;
  id: string;
  workspaceId?: string;
  role?: string;
  permissions?: readonly string[];
  /** Staff member acting as this user, when impersonating. */
  impersonatorId?: string;
  /** For an API key: the member who created it, answerable for what it does. */
  createdBy?: string;
  /** For an API key: when it stops working (null: until revoked). Keys it mints may not outlive it. */
  expiresAt?: Date | null;
}

/** The person behind an actor: the user, or the creator of the API key acting. */
export function actingUserId(actor: Actor): string {
  return actor.type === 'api_key' && actor.createdBy ? actor.createdBy : actor.id;
}

/** The actor for work the platform does on its own behalf (jobs, schedules, migrations, seed). */
export function systemActor(name: string): Actor {
  return { type: 'system', id: name };
}
