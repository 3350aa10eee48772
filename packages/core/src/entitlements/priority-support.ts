import { withTenant, type Database } from '@plinth/db';
import type { Actor } from '../actor/index';
import { requireFeature } from './require-feature';

export interface SupportDeps {
  database: Database;
  /** SUPPORT_EMAIL: the address answered first. */
  supportAddress: string;
}

/**
 * The priority-support channel of a workspace whose plan includes it (`priority_support`), for any
 * member; `payment_required` naming the plan otherwise. The address is not a secret, but a Free
 * workspace is told how to get it rather than given a queue it has not paid for.
 */
export async function prioritySupport(
  deps: SupportDeps,
  actor: Actor & { workspaceId: string },
): Promise<{ address: string; responseTime: string }> {
  await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    requireFeature(tx, actor, 'priority_support'),
  );
  return { address: deps.supportAddress, responseTime: 'one business day' };
}
