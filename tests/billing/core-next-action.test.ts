import { beforeAll, describe, expect, it } from 'vitest';
import {
  billingSummary,
  confirmPortalReturn,
  openPortal,
  planActionLabel,
  planChoices,
  startCheckout,
  syncCatalog,
  syncCustomer,
} from '@plinth/core/billing';
import type Stripe from 'stripe';
import { grantPlan, useTestDatabase } from '@plinth/testing';
import { useCoreBilling, workspaceWith } from './core-setup';

// The pricing page (planChoices) and the billing page (billingSummary) read a workspace's position
// from the mirror and hand it to the one nextPlanActions(): here, on a real Postgres and the fake
// Stripe, both give the same answer in each standing.

const testDb = useTestDatabase();
const billing = useCoreBilling(testDb);

beforeAll(async () => {
  await syncCatalog(billing.deps);
});

async function bothPages(actor: Parameters<typeof planChoices>[1]) {
  const choices = await planChoices(billing.deps, actor);
  const summary = await billingSummary(billing.deps, actor);
  expect(summary.actions).toEqual(choices.actions);
  expect(summary.standing).toBe(choices.standing);
  return {
    standing: choices.standing,
    labels: Object.fromEntries(Object.values(choices.actions).map((a) => [a.plan, planActionLabel(a)])),
  };
}

describe('plan choices on both pages', () => {
  it('a free workspace: upgrade to either paid plan', async () => {
    const { actors } = await workspaceWith(testDb);
    expect(await bothPages(actors[0]!)).toEqual({
      standing: 'free',
      labels: { free: 'Current plan', pro: 'Upgrade to Pro', team: 'Upgrade to Team' },
    });
  });

  it('a Team plan granted without a subscription (the demo owner): granted, nothing below it for sale', async () => {
    const { workspace, actors } = await workspaceWith(testDb, ['owner', 'member']);
    await grantPlan(testDb.app, { workspace, plan: 'team', seats: 5 });
    expect(await bothPages(actors[0]!)).toEqual({
      standing: 'granted',
      labels: {
        free: 'Not available on a granted plan',
        pro: 'Not available on a granted plan',
        team: 'Current plan',
      },
    });
    // A member without billing.manage cannot read billing at all.
    await expect(planChoices(billing.deps, actors[1]!)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a granted Pro can still buy Team through Checkout', async () => {
    const { workspace, actors } = await workspaceWith(testDb);
    await grantPlan(testDb.app, { workspace, plan: 'pro' });
    const { labels } = await bothPages(actors[0]!);
    expect(labels).toMatchObject({ team: 'Upgrade to Team', free: 'Not available on a granted plan' });
  });

  it('a paying Team workspace downgrades to Pro and Free in the portal', async () => {
    const { actors } = await workspaceWith(testDb);
    const owner = actors[0]!;
    const started = await startCheckout(billing.deps, owner, { lookupKey: 'team_monthly' });
    const { subscription } = await billing.fake.completeCheckout(started.sessionId);
    await syncCustomer(billing.deps, subscription.customer as string);
    expect(await bothPages(owner)).toEqual({
      standing: 'subscribed',
      labels: { free: 'Downgrade to Free', pro: 'Downgrade to Pro', team: 'Current plan' },
    });
  });
});

/** The portal page's Return link, as the browser follows it (the fake renders Stripe's return_url). */
async function returnLinkOf(portalUrl: string): Promise<URL> {
  const html = await (await fetch(portalUrl)).text();
  const href = /<a href="([^"]+)">← Return<\/a>/u.exec(html)?.[1];
  expect(href).toBeDefined();
  return new URL(href!.replaceAll(/&#(\d+);/gu, (_, code: string) => String.fromCharCode(Number(code))));
}

async function payingTeam() {
  const { workspace, actors } = await workspaceWith(testDb, ['owner', 'member']);
  const owner = actors[0]!;
  const started = await startCheckout(billing.deps, owner, { lookupKey: 'team_monthly' });
  const { subscription } = await billing.fake.completeCheckout(started.sessionId);
  await syncCustomer(billing.deps, subscription.customer as string);
  expect((await billingSummary(billing.deps, owner)).plan.key).toBe('team');
  return { workspace, owner, member: actors[1]!, subscription };
}

/** The person switches to Pro in the portal; no webhook is delivered (manual delivery). */
async function switchToProInStripe(subscription: Stripe.Subscription) {
  const [pro] = (await billing.fake.stripe.prices.list({ lookup_keys: ['pro_monthly'] })).data;
  await billing.fake.stripe.subscriptions.update(subscription.id, {
    items: [{ id: subscription.items.data[0]!.id, price: pro!.id, quantity: 1 }],
  });
}

describe('back from the portal', () => {
  it('the return link syncs once, however fresh the last sync: a switch made in the portal shows before any webhook', async () => {
    const { workspace, owner, subscription } = await payingTeam();
    const portal = await openPortal(billing.deps, owner, {
      returnUrl: `${billing.deps.appUrl}/w/${workspace.slug}/billing?from=portal`,
    });
    const back = await returnLinkOf(portal.url);
    expect(back.pathname).toBe(`/w/${workspace.slug}/billing`);
    expect(back.searchParams.get('from')).toBe('portal');
    const visit = back.searchParams.get('portal_visit');
    expect(visit).toMatch(/^[\w-]{24}$/u);

    await switchToProInStripe(subscription);
    // The last sync was a moment ago (payingTeam), and the return still syncs: the change came after it.
    expect(await confirmPortalReturn(billing.deps, owner, visit)).toEqual({ synced: true });
    expect((await billingSummary(billing.deps, owner)).plan.key).toBe('pro');
    // A reload of the same link: the nonce was used, no second Stripe round trip.
    expect(await confirmPortalReturn(billing.deps, owner, visit)).toEqual({ synced: false });
  });

  it('parallel loads of one return link reach Stripe once; a guessed, old or other workspace’s nonce never does', async () => {
    const ours = await payingTeam();
    const theirs = await payingTeam();
    const opened = async (who: typeof ours) =>
      (
        await returnLinkOf(
          (await openPortal(billing.deps, who.owner, { returnUrl: `${billing.deps.appUrl}/x` })).url,
        )
      ).searchParams.get('portal_visit')!;
    const old = await opened(ours);
    const current = await opened(ours); // a second portal session replaces the first one's nonce
    const theirVisit = await opened(theirs);
    let syncs = 0;
    const deps = {
      ...billing.deps,
      syncLimiter: {
        size: 1,
        run: <T>(task: () => Promise<T>) => ((syncs += 1), billing.deps.syncLimiter.run(task)),
      },
    };
    for (const visit of [undefined, '', 'guess', 'x'.repeat(65), old, theirVisit]) {
      expect(await confirmPortalReturn(deps, ours.owner, visit)).toEqual({ synced: false });
    }
    expect(syncs).toBe(0);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => confirmPortalReturn(deps, ours.owner, current)),
    );
    expect(results.filter((r) => r.synced)).toHaveLength(1);
    expect(syncs).toBe(1);
    // Their nonce is still theirs to use.
    expect(await confirmPortalReturn(deps, theirs.owner, theirVisit)).toEqual({ synced: true });
  });

  it('a workspace without a billing account has nothing to sync; a member without billing.read is refused', async () => {
    const { actors } = await workspaceWith(testDb, ['owner', 'member']);
    expect(await confirmPortalReturn(billing.deps, actors[0]!, 'any')).toEqual({ synced: false });
    await expect(confirmPortalReturn(billing.deps, actors[1]!, 'any')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
