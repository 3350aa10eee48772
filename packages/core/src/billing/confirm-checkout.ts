import { and, eq, isNull } from 'drizzle-orm';
import { checkoutSession, customer, withTenant } from '@plinth/db';
import { assertCan } from '../access/index';
import type { MemberActor } from '../tenancy/index';
import { syncCustomer } from './sync-customer';
import type { SyncDeps } from './types';

/**
 * What Checkout's success page does on arrival: syncs the workspace's customer so the plan is right
 * before any webhook arrives — once per Checkout session, and only for a session this workspace
 * opened (our checkout_session rows, inside the tenant). The first load claims the session in one
 * UPDATE (`confirmed_at`) and syncs, however fresh the last sync was: the payment came after it.
 * A reload, a parallel load, no id, an unknown or another workspace's id finds nothing to claim and
 * only shows the mirror (the webhooks and the page's live refresh bring the rest): a GET cannot be
 * made to call Stripe at will, and Stripe sees at most one round trip per Checkout session.
 */
export async function confirmCheckout(
  deps: SyncDeps,
  member: MemberActor,
  sessionId: string | null | undefined,
): Promise<{ synced: boolean }> {
  assertCan(member, 'billing.read');
  if (!sessionId || sessionId.length > 255) return { synced: false };
  const [claimed] = await withTenant(deps.database, member.workspaceId, member, (tx) =>
    tx
      .update(checkoutSession)
      .set({ confirmedAt: new Date() })
      .where(
        and(
          eq(checkoutSession.id, sessionId),
          eq(checkoutSession.workspaceId, member.workspaceId),
          isNull(checkoutSession.confirmedAt),
        ),
      )
      .returning({ customerId: checkoutSession.customerId }),
  );
  if (!claimed) return { synced: false };
  await syncCustomer(deps, claimed.customerId);
  return { synced: true };
}

/** The longest portal visit nonce a return link may carry (openPortal writes 24 characters). */
const PORTAL_VISIT_MAX = 64;

/**
 * What the billing page does when the portal sends the browser back: syncs the workspace's customer
 * so a plan switched or cancelled there shows at once, before the webhooks arrive. The return link
 * carries the nonce openPortal() stored for that portal session (`portal_visit`); the first load that
 * presents it clears it in the same UPDATE and syncs, however fresh the last sync was (the change was
 * made after it). A reload, a parallel load, a guessed or an old nonce finds nothing to clear and only
 * shows the mirror — the webhooks and the page's live refresh bring the rest. So Stripe sees at most
 * one round trip per portal session opened.
 */
export async function confirmPortalReturn(
  deps: SyncDeps,
  member: MemberActor,
  visit: string | null | undefined,
): Promise<{ synced: boolean }> {
  assertCan(member, 'billing.read');
  if (!visit || visit.length > PORTAL_VISIT_MAX) return { synced: false };
  const [claimed] = await deps.database.db
    .update(customer)
    .set({ portalVisit: null })
    .where(and(eq(customer.workspaceId, member.workspaceId), eq(customer.portalVisit, visit)))
    .returning({ id: customer.id });
  if (!claimed) return { synced: false };
  await syncCustomer(deps, claimed.id);
  return { synced: true };
}
