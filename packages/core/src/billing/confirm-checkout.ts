import { and, eq } from 'drizzle-orm';
import { checkoutSession, customer, withTenant } from '@plinth/db';
import { assertCan } from '../access/index';
import type { MemberActor } from '../tenancy/index';
import { syncCustomer } from './sync-customer';
import type { SyncDeps } from './types';

/** A sync this recent already reflects the payment (the webhook's, or a reload's): no second one. */
export const CONFIRM_FRESH_MS = 10_000;

/**
 * What Checkout's success page does on arrival: syncs the workspace's customer so the plan is right
 * before any webhook arrives — but only when `sessionId` names a Checkout session this workspace
 * opened (our checkout_session rows, read inside the tenant), and not when the customer was synced
 * in the last few seconds. Any other visit (no id, an unknown or another workspace's id, a reload)
 * just shows the mirror: a GET cannot be made to call Stripe at will.
 */
export async function confirmCheckout(
  deps: SyncDeps,
  member: MemberActor,
  sessionId: string | null | undefined,
): Promise<{ synced: boolean }> {
  assertCan(member, 'billing.read');
  if (!sessionId || sessionId.length > 255) return { synced: false };
  const [session] = await withTenant(deps.database, member.workspaceId, member, (tx) =>
    tx
      .select({ customerId: checkoutSession.customerId })
      .from(checkoutSession)
      .where(and(eq(checkoutSession.id, sessionId), eq(checkoutSession.workspaceId, member.workspaceId))),
  );
  if (!session) return { synced: false };
  const [owner] = await deps.database.db
    .select({ syncedAt: customer.syncedAt })
    .from(customer)
    .where(and(eq(customer.id, session.customerId), eq(customer.workspaceId, member.workspaceId)));
  if (!owner) return { synced: false };
  // synced_at is written from the server's clock, so it is judged by it (not deps.now, a test clock).
  if (owner.syncedAt && Date.now() - owner.syncedAt.getTime() < CONFIRM_FRESH_MS) return { synced: false };
  await syncCustomer(deps, session.customerId);
  return { synced: true };
}
