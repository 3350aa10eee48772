import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { billingState, customer, workspace } from '@plinth/db';
import { assertCan } from '../access/index';
import { entitlements, assertFeature } from '../entitlements/index';
import { AppError, parseInput } from '../errors/index';
import type { MemberActor } from '../tenancy/index';
import { sameOrigin } from './checkout';
import { customerIdOf } from './customers';
import { openPortalInput, type OpenPortalInput } from './schemas';
import type { BillingLinkDeps } from './types';

/** The billing_state key under which billing:sync remembers the portal configuration it manages. */
export const PORTAL_CONFIGURATION_STATE = 'portal_configuration';

/**
 * A Stripe billing portal session for the workspace's customer ("Manage billing"), using the
 * configuration billing:sync created: plan switch among the catalog's prices, seat changes, cancel
 * at period end, payment method and invoices.
 */
export async function openPortal(
  deps: BillingLinkDeps,
  actor: MemberActor,
  input: OpenPortalInput = {},
): Promise<{ url: string }> {
  assertCan(actor, 'billing.manage');
  const values = parseInput(openPortalInput, input);
  const customerId = await customerIdOf(deps, actor.workspaceId);
  if (!customerId) {
    throw new AppError('conflict', 'This workspace has no billing account yet. Choose a plan first.');
  }
  const configuration = await portalConfigurationId(deps);
  let returnUrl = sameOrigin(deps.appUrl, values.returnUrl, 'returnUrl');
  if (!returnUrl) {
    const [ws] = await deps.database.db
      .select({ slug: workspace.slug })
      .from(workspace)
      .where(eq(workspace.id, actor.workspaceId));
    returnUrl = `${deps.appUrl.replace(/\/$/, '')}/w/${ws!.slug}/billing`;
  }
  // The return link carries a fresh nonce, stored on the customer: the billing page syncs once for
  // it (confirmPortalReturn), so what the person changes in the portal shows on return.
  const visit = randomBytes(18).toString('base64url');
  await deps.database.db.update(customer).set({ portalVisit: visit }).where(eq(customer.id, customerId));
  const back = new URL(returnUrl);
  back.searchParams.set('portal_visit', visit);
  const session = await deps.stripe.billingPortal.sessions.create({
    customer: customerId,
    configuration,
    return_url: back.toString(),
  });
  return { url: session.url };
}

/**
 * "Add or remove seats": the same portal (its configuration allows quantity changes), for a plan
 * that is billed per seat (`seat_billing`); `payment_required` naming that plan for any other, so a
 * Pro workspace learns seats come with Team instead of finding a portal with nothing to change.
 */
export async function openSeatsPortal(
  deps: BillingLinkDeps,
  actor: MemberActor,
  input: OpenPortalInput = {},
): Promise<{ url: string }> {
  assertCan(actor, 'billing.manage');
  assertFeature(await entitlements(deps, actor.workspaceId), 'seat_billing');
  return openPortal(deps, actor, input);
}

async function portalConfigurationId(deps: Pick<BillingLinkDeps, 'database'>): Promise<string> {
  const [row] = await deps.database.db
    .select({ value: billingState.value })
    .from(billingState)
    .where(eq(billingState.key, PORTAL_CONFIGURATION_STATE));
  const id = row?.value.id;
  if (typeof id !== 'string') {
    throw new AppError('unavailable', 'The billing portal is not set up yet: run npm run billing:sync.');
  }
  return id;
}
