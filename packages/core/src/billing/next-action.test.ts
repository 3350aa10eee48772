import { describe, expect, it } from 'vitest';
import { catalog, planKeys, planRank } from './catalog';
import {
  billingStanding,
  invoiceStandings,
  nextPlanActions,
  planActionLabel,
  standingNote,
  type BillingPosition,
} from './next-action';

function position(overrides: Partial<BillingPosition> = {}): BillingPosition {
  return {
    plan: 'free',
    state: 'free',
    subscriptionId: null,
    liveSubscription: false,
    mayManage: true,
    portalReady: false,
    ...overrides,
  };
}

const subscribedPro = position({
  plan: 'pro',
  state: 'active',
  subscriptionId: 'sub_1',
  liveSubscription: true,
  portalReady: true,
});

function labels(input: BillingPosition): Record<string, string> {
  const actions = nextPlanActions(input);
  return Object.fromEntries(planKeys.map((key) => [key, planActionLabel(actions[key])]));
}

describe('nextPlanActions', () => {
  it('a free workspace subscribes to either paid plan through Checkout', () => {
    const actions = nextPlanActions(position());
    expect(billingStanding(position())).toBe('free');
    expect(actions.free).toEqual({ kind: 'current', plan: 'free', manage: false });
    expect(actions.pro).toEqual({ kind: 'subscribe', plan: 'pro', direction: 'upgrade' });
    expect(actions.team).toEqual({ kind: 'subscribe', plan: 'team', direction: 'upgrade' });
    expect(labels(position())).toEqual({
      free: 'Current plan',
      pro: 'Upgrade to Pro',
      team: 'Upgrade to Team',
    });
  });

  it('a free workspace whose Checkout declined (incomplete, not live) may subscribe again', () => {
    const declined = position({ subscriptionId: null, liveSubscription: false });
    expect(nextPlanActions(declined).pro.kind).toBe('subscribe');
  });

  it('a subscribed workspace switches in the portal, upgrade and downgrade worded by plan rank', () => {
    expect(billingStanding(subscribedPro)).toBe('subscribed');
    const actions = nextPlanActions(subscribedPro);
    expect(actions.pro).toEqual({ kind: 'current', plan: 'pro', manage: true });
    expect(actions.team).toEqual({ kind: 'switch', plan: 'team', direction: 'upgrade' });
    expect(actions.free).toEqual({ kind: 'switch', plan: 'free', direction: 'downgrade' });
    expect(labels(subscribedPro)).toEqual({
      free: 'Downgrade to Free',
      pro: 'Current plan',
      team: 'Upgrade to Team',
    });
  });

  it('a subscribed Team workspace downgrades to Pro — never "Upgrade" to a lower plan', () => {
    const team = { ...subscribedPro, plan: 'team' as const };
    expect(labels(team)).toEqual({
      free: 'Downgrade to Free',
      pro: 'Downgrade to Pro',
      team: 'Current plan',
    });
    // In every standing, no "Upgrade to X" is offered for a plan at or below the current one.
    for (const input of [team, subscribedPro, position(), position({ plan: 'team', state: 'active' })]) {
      const actions = nextPlanActions(input);
      for (const key of planKeys) {
        if (planActionLabel(actions[key]).startsWith('Upgrade'))
          expect(planRank[key]).toBeGreaterThan(planRank[input.plan]);
      }
    }
  });

  it('a past_due (grace) subscription still switches in the portal', () => {
    const grace = { ...subscribedPro, state: 'grace' as const };
    expect(billingStanding(grace)).toBe('subscribed');
    expect(nextPlanActions(grace).team.kind).toBe('switch');
  });

  it('a granted plan (no subscription) is its own state: current, only higher plans for sale', () => {
    const granted = position({ plan: 'team', state: 'active', subscriptionId: null });
    expect(billingStanding(granted)).toBe('granted');
    const actions = nextPlanActions(granted);
    expect(actions.team).toEqual({ kind: 'current', plan: 'team', manage: false });
    expect(actions.pro).toEqual({ kind: 'none', plan: 'pro', reason: 'granted' });
    expect(actions.free).toEqual({ kind: 'none', plan: 'free', reason: 'granted' });
    expect(labels(granted).pro).toBe('Not available on a granted plan');
    expect(standingNote('granted', 'team')).toMatch(/^Team plan granted — no billing account\./u);

    const grantedPro = position({ plan: 'pro', state: 'active' });
    expect(nextPlanActions(grantedPro).team).toEqual({
      kind: 'subscribe',
      plan: 'team',
      direction: 'upgrade',
    });
    expect(nextPlanActions(grantedPro).free.kind).toBe('none');
  });

  it('a live subscription that grants nothing (unpaid, paused) is resolved in the portal', () => {
    const lapsed = position({ subscriptionId: 'sub_1', liveSubscription: true, portalReady: true });
    expect(billingStanding(lapsed)).toBe('lapsed');
    const actions = nextPlanActions(lapsed);
    expect(actions.free.kind).toBe('current');
    expect(actions.pro).toEqual({ kind: 'manage', plan: 'pro' });
    expect(planActionLabel(actions.pro)).toBe('Resolve in billing portal');
    expect(standingNote('lapsed', 'free')).toMatch(/billing portal/u);
    expect(nextPlanActions({ ...lapsed, portalReady: false }).pro).toEqual({
      kind: 'none',
      plan: 'pro',
      reason: 'portal-unavailable',
    });
  });

  it('a subscription without a configured portal says so instead of a button that fails', () => {
    const actions = nextPlanActions({ ...subscribedPro, portalReady: false });
    expect(actions.pro).toEqual({ kind: 'current', plan: 'pro', manage: false });
    expect(actions.team).toEqual({ kind: 'none', plan: 'team', reason: 'portal-unavailable' });
  });

  it('a member without billing.manage sees the current plan and whom to ask', () => {
    for (const input of [position(), subscribedPro]) {
      const actions = nextPlanActions({ ...input, mayManage: false });
      for (const key of planKeys) {
        if (key === input.plan) expect(actions[key]).toMatchObject({ kind: 'current', manage: false });
        else expect(actions[key]).toEqual({ kind: 'none', plan: key, reason: 'not-manager' });
      }
    }
  });

  it('covers every plan of the catalog', () => {
    expect(Object.keys(nextPlanActions(position())).sort()).toEqual(Object.keys(catalog.plans).sort());
  });
});

describe('invoiceStandings', () => {
  const at = (day: number) => new Date(Date.UTC(2030, 0, day));
  const invoice = (id: string, status: string, subscriptionId: string | null, day: number) => ({
    id,
    status,
    subscriptionId,
    createdAt: at(day),
  });

  it('a declined Checkout leaves an open invoice that reads as declined, not due', () => {
    const result = invoiceStandings(
      [invoice('in_1', 'open', 'sub_1', 1)],
      [{ id: 'sub_1', status: 'incomplete' }],
    );
    expect(result.get('in_1')).toBe('declined');
  });

  it('an open invoice superseded by a later paid one is abandoned, not due', () => {
    const result = invoiceStandings(
      [invoice('in_2', 'paid', 'sub_2', 2), invoice('in_1', 'open', 'sub_1', 1)],
      [
        { id: 'sub_1', status: 'incomplete' },
        { id: 'sub_2', status: 'active' },
      ],
    );
    expect(result.get('in_1')).toBe('abandoned');
    expect(result.get('in_2')).toBe('settled');
  });

  it('an open invoice of an expired or canceled subscription is abandoned', () => {
    for (const status of ['incomplete_expired', 'canceled']) {
      const result = invoiceStandings([invoice('in_1', 'open', 'sub_1', 1)], [{ id: 'sub_1', status }]);
      expect(result.get('in_1')).toBe('abandoned');
    }
  });

  it('the open invoice of a past_due subscription is due, even after older paid ones', () => {
    const result = invoiceStandings(
      [invoice('in_2', 'open', 'sub_1', 30), invoice('in_1', 'paid', 'sub_1', 1)],
      [{ id: 'sub_1', status: 'past_due' }],
    );
    expect(result.get('in_2')).toBe('due');
    expect(result.get('in_1')).toBe('settled');
  });

  it('void, draft and uncollectible invoices are settled', () => {
    const result = invoiceStandings(
      ['void', 'draft', 'uncollectible'].map((status, index) =>
        invoice(`in_${index}`, status, null, index + 1),
      ),
      [],
    );
    expect([...result.values()]).toEqual(['settled', 'settled', 'settled']);
  });
});
