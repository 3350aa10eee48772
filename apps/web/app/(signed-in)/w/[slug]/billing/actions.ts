'use server';

import { openPortal, openSeatsPortal, startCheckout } from '@plinth/core/billing';
import { runAction, type ActionResult } from '../../../../../lib/action-result';
import { billingDeps, billingLinks } from '../../../../../lib/billing-context';
import { actionMember } from '../../../../../lib/workspace-context';

// Glue only: the member's actor, one core call, the Stripe-hosted URL the browser goes to next.
// Core checks billing.manage, validates the lookup key against the catalog and reuses an open session.

export async function startCheckoutAction(
  slug: string,
  input: { lookupKey: string; quantity?: number },
): Promise<ActionResult<{ url: string }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const links = billingLinks(slug);
    // Picked, not spread: the return links are ours to set, whatever else the browser sent.
    const { url } = await startCheckout(billingDeps(), actor, {
      lookupKey: input?.lookupKey,
      ...(input?.quantity !== undefined ? { quantity: input.quantity } : {}),
      successUrl: links.success,
      cancelUrl: links.canceled,
    });
    return { url };
  });
}

export async function openPortalAction(slug: string): Promise<ActionResult<{ url: string }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const { url } = await openPortal(billingDeps(), actor, { returnUrl: billingLinks(slug).portalReturn });
    return { url };
  });
}

/** "Add or remove seats": the portal, for a plan billed per seat (core refuses any other with 402). */
export async function openSeatsPortalAction(slug: string): Promise<ActionResult<{ url: string }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const { url } = await openSeatsPortal(billingDeps(), actor, {
      returnUrl: billingLinks(slug).portalReturn,
    });
    return { url };
  });
}
