import { describe, expect, it } from 'vitest';
import { suspendWorkspace } from '@plinth/core/staff-console';
import { resolveMembership } from '@plinth/core/tenancy';
import { createUser, rejectionOf, useTestDatabase } from '@plinth/testing';
import { useStripeWorld } from '../billing/stripe-world';

// A suspension stops the members, not billing: Stripe's webhooks for a suspended workspace are
// still received, processed and applied to its entitlement.
const testDb = useTestDatabase();
const world = useStripeWorld(testDb);

describe('billing while suspended', () => {
  it('a subscription change made in Stripe during the suspension is applied by its webhook', async () => {
    const acme = await world.signUp('Suspended Co');
    const subscription = await world.subscribe(acme, 'pro_monthly');
    await world.settle();
    expect(await world.entitlementOf(acme.workspace.id)).toMatchObject({ plan: 'pro', state: 'trialing' });

    const staff = await createUser(testDb.app, { role: 'admin' });
    await suspendWorkspace(
      { database: testDb.app },
      { type: 'user', id: staff.id },
      {
        workspaceId: acme.workspace.id,
        reason: 'Disputed payments',
      },
    );
    expect(
      await rejectionOf(resolveMembership(testDb.app, acme.owner.id, acme.workspace.slug)),
    ).toMatchObject({
      code: 'workspace_suspended',
    });

    await world.fake.endTrial(subscription.id);
    await world.settle();
    expect(await world.entitlementOf(acme.workspace.id)).toMatchObject({ plan: 'pro', state: 'active' });
    await world.stripe.subscriptions.cancel(subscription.id);
    await world.settle();
    expect(await world.entitlementOf(acme.workspace.id)).toMatchObject({
      plan: 'free',
      subscriptionStatus: 'canceled',
    });
  });
});
