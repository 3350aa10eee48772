import { describe, expect, it } from 'vitest';
import { catalog } from './catalog';
import { deriveEntitlement, sameEntitlement, type SubscriptionState } from './derive-entitlement';

const now = new Date('2030-06-15T12:00:00Z');
const day = 86_400_000;
const later = new Date(now.getTime() + 10 * day);
const earlier = new Date(now.getTime() - 10 * day);

function sub(
  overrides: Partial<SubscriptionState> & { lookupKey?: string; quantity?: number } = {},
): SubscriptionState {
  const { lookupKey = 'pro_monthly', quantity = 1, ...rest } = overrides;
  return {
    id: 'sub_1',
    status: 'active',
    cancelAtPeriodEnd: false,
    cancelAt: null,
    currentPeriodEnd: later,
    trialEnd: null,
    created: earlier,
    items: [{ price: { lookupKey, metadata: { plinth_plan: lookupKey.split('_')[0]! } }, quantity }],
    openInvoiceUrl: null,
    ...rest,
  };
}

describe('deriveEntitlement', () => {
  it('no subscription at all is the free plan with the catalog free limits', () => {
    const result = deriveEntitlement([], catalog, now);
    expect(result).toMatchObject({ plan: 'free', state: 'free', subscriptionId: null, seats: null });
    expect(result.limits).toEqual(catalog.plans.free.limits);
    expect(result.features).toEqual([...catalog.plans.free.features]);
  });

  it('active grants the plan, its features and limits', () => {
    const result = deriveEntitlement([sub()], catalog, now);
    expect(result).toMatchObject({
      plan: 'pro',
      state: 'active',
      subscriptionStatus: 'active',
      subscriptionId: 'sub_1',
      currentPeriodEnd: later,
      cancelAtPeriodEnd: false,
      pastDueInvoiceUrl: null,
    });
    expect(result.limits).toEqual(catalog.plans.pro.limits);
  });

  it('trialing grants the plan and reports the trial end', () => {
    const result = deriveEntitlement([sub({ status: 'trialing', trialEnd: later })], catalog, now);
    expect(result).toMatchObject({ plan: 'pro', state: 'trialing', trialEnd: later });
  });

  it('past_due keeps the plan in grace with the open invoice to pay', () => {
    const url = 'https://invoice.example/in_1';
    const result = deriveEntitlement([sub({ status: 'past_due', openInvoiceUrl: url })], catalog, now);
    expect(result).toMatchObject({ plan: 'pro', state: 'grace', pastDueInvoiceUrl: url });
  });

  it.each(['unpaid', 'paused', 'incomplete', 'incomplete_expired', 'canceled', 'some_future_status'])(
    '%s falls back to free and remembers the subscription it came from',
    (status) => {
      const result = deriveEntitlement([sub({ status, openInvoiceUrl: 'https://x' })], catalog, now);
      expect(result).toMatchObject({
        plan: 'free',
        state: 'free',
        subscriptionStatus: status,
        subscriptionId: 'sub_1',
        pastDueInvoiceUrl: null,
      });
      expect(result.limits).toEqual(catalog.plans.free.limits);
    },
  );

  it('cancel at period end keeps the plan until the period ends', () => {
    const result = deriveEntitlement([sub({ cancelAtPeriodEnd: true })], catalog, now);
    expect(result).toMatchObject({
      plan: 'pro',
      state: 'active',
      cancelAtPeriodEnd: true,
      currentPeriodEnd: later,
    });
  });

  it('cancel at period end is free once the period has ended, even if no event said so', () => {
    const result = deriveEntitlement(
      [sub({ cancelAtPeriodEnd: true, currentPeriodEnd: earlier })],
      catalog,
      now,
    );
    expect(result).toMatchObject({ plan: 'free', state: 'free' });
  });

  it('a cancel_at date that has come due ends access; one still ahead keeps it', () => {
    expect(deriveEntitlement([sub({ cancelAt: earlier })], catalog, now).plan).toBe('free');
    expect(deriveEntitlement([sub({ cancelAt: later })], catalog, now)).toMatchObject({
      plan: 'pro',
      cancelAtPeriodEnd: true,
    });
  });

  it('access ends at the period end of a cancel-at-period-end, and is open-ended otherwise', () => {
    expect(deriveEntitlement([sub({ cancelAtPeriodEnd: true })], catalog, now).accessEndsAt).toEqual(later);
    expect(deriveEntitlement([sub()], catalog, now).accessEndsAt).toBeNull();
    expect(deriveEntitlement([], catalog, now).accessEndsAt).toBeNull();
  });

  it('a cancel_at after the period end keeps the plan past the period end, until cancel_at', () => {
    const periodEnd = new Date(now.getTime() + 2 * day);
    const cancelAt = new Date(now.getTime() + 20 * day);
    const result = deriveEntitlement([sub({ currentPeriodEnd: periodEnd, cancelAt })], catalog, now);
    expect(result).toMatchObject({ plan: 'pro', currentPeriodEnd: periodEnd, accessEndsAt: cancelAt });
    // Judged between the two: still pro (the period renews up to cancel_at).
    const between = new Date(periodEnd.getTime() + day);
    expect(deriveEntitlement([sub({ currentPeriodEnd: periodEnd, cancelAt })], catalog, between).plan).toBe(
      'pro',
    );
  });

  it('a cancel_at before the period end ends access at cancel_at, not at the period end', () => {
    const cancelAt = new Date(now.getTime() + 2 * day);
    const result = deriveEntitlement([sub({ currentPeriodEnd: later, cancelAt })], catalog, now);
    expect(result).toMatchObject({ plan: 'pro', currentPeriodEnd: later, accessEndsAt: cancelAt });
    const past = new Date(cancelAt.getTime() + 1000);
    expect(deriveEntitlement([sub({ currentPeriodEnd: later, cancelAt })], catalog, past).plan).toBe('free');
  });

  it('a seat-based plan grants as many member seats as it paid for', () => {
    const result = deriveEntitlement([sub({ lookupKey: 'team_yearly', quantity: 7 })], catalog, now);
    expect(result).toMatchObject({ plan: 'team', seats: 7, limits: { members: 7, projects: 500 } });
    expect(deriveEntitlement([sub()], catalog, now).seats).toBeNull();
  });

  it('a trialing seat plan counts seats too', () => {
    const result = deriveEntitlement(
      [sub({ lookupKey: 'team_monthly', quantity: 4, status: 'trialing', trialEnd: later })],
      catalog,
      now,
    );
    expect(result).toMatchObject({ plan: 'team', state: 'trialing', seats: 4, limits: { members: 4 } });
  });

  it('an archived price without its lookup key still names its plan through metadata', () => {
    const archived = sub();
    archived.items = [{ price: { lookupKey: null, metadata: { plinth_plan: 'pro' } }, quantity: 1 }];
    expect(deriveEntitlement([archived], catalog, now).plan).toBe('pro');
  });

  it('a price that is not ours grants nothing', () => {
    const foreign = sub();
    foreign.items = [{ price: { lookupKey: 'other_monthly', metadata: {} }, quantity: 1 }];
    expect(deriveEntitlement([foreign], catalog, now).plan).toBe('free');
  });

  it('with several subscriptions the one that grants the most wins', () => {
    const canceledTeam = sub({ id: 'sub_old', lookupKey: 'team_monthly', quantity: 9, status: 'canceled' });
    const activePro = sub({ id: 'sub_pro' });
    const graceTeam = sub({ id: 'sub_team', lookupKey: 'team_monthly', quantity: 5, status: 'past_due' });
    expect(deriveEntitlement([canceledTeam, activePro], catalog, now).subscriptionId).toBe('sub_pro');
    // Full access beats grace, whatever the plan.
    expect(deriveEntitlement([graceTeam, activePro], catalog, now).subscriptionId).toBe('sub_pro');
    const activeTeam = sub({ id: 'sub_team2', lookupKey: 'team_monthly', quantity: 5 });
    expect(deriveEntitlement([activePro, activeTeam], catalog, now).plan).toBe('team');
  });

  it('free after several ended subscriptions names the newest one', () => {
    const old = sub({ id: 'sub_a', status: 'canceled', created: new Date(now.getTime() - 90 * day) });
    const newer = sub({ id: 'sub_b', status: 'incomplete_expired', created: earlier });
    expect(deriveEntitlement([old, newer], catalog, now)).toMatchObject({
      plan: 'free',
      subscriptionId: 'sub_b',
      subscriptionStatus: 'incomplete_expired',
    });
  });
});

describe('sameEntitlement', () => {
  it('compares values, not key order or feature order', () => {
    const a = deriveEntitlement([sub()], catalog, now);
    const b = { ...a, features: [...a.features].reverse(), currentPeriodEnd: new Date(later.getTime()) };
    expect(sameEntitlement(a, b)).toBe(true);
    expect(sameEntitlement(a, { ...a, state: 'grace' })).toBe(false);
    expect(sameEntitlement(a, { ...a, limits: { ...a.limits, members: 11 } })).toBe(false);
  });
});
