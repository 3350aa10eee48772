import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { staffNumbers, suspendWorkspace } from '@plinth/core/staff-console';
import { price, session, subscription, subscriptionItem, user, withTenant } from '@plinth/db';
import { addMember, createUser, createWorkspace, rejectionOf, useTestDatabase } from '@plinth/testing';

// The staff numbers on a seeded fixture whose answers are computed by hand below. "Now" is pinned;
// every row is placed relative to it. Amounts are cents.
const testDb = useTestDatabase();
const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const ahead = (days: number) => new Date(NOW.getTime() + days * DAY);

interface Sub {
  status: string;
  price: string;
  quantity?: number;
  cancelAtPeriodEnd?: boolean;
  currentPeriodEnd?: Date;
  endedAt?: Date;
  trialStart?: Date;
  trialEnd?: Date;
}

const prices: {
  id: string;
  lookupKey: string | null;
  unitAmount: number;
  interval: string;
  metadata: Record<string, string>;
}[] = [
  { id: 'price_pro_m', lookupKey: 'pro_monthly', unitAmount: 1900, interval: 'month', metadata: {} },
  { id: 'price_pro_y', lookupKey: 'pro_yearly', unitAmount: 19000, interval: 'year', metadata: {} },
  { id: 'price_team_m', lookupKey: 'team_monthly', unitAmount: 1200, interval: 'month', metadata: {} },
  { id: 'price_team_y', lookupKey: 'team_yearly', unitAmount: 12000, interval: 'year', metadata: {} },
  // An archived Team price that lost its lookup key: its plan is in metadata.
  {
    id: 'price_team_old',
    lookupKey: null,
    unitAmount: 1000,
    interval: 'month',
    metadata: { plinth_plan: 'team' },
  },
  // A price sold by hand in Stripe, of no plan of ours.
  { id: 'price_custom', lookupKey: null, unitAmount: 500, interval: 'month', metadata: {} },
];

async function workspaceWith(sub: Sub | null) {
  const workspace = await createWorkspace(testDb.app);
  const owner = await createUser(testDb.app);
  await addMember(testDb.app, { workspace, user: owner, role: 'owner' });
  if (sub) {
    const id = `sub_${randomBytes(6).toString('hex')}`;
    await withTenant(testDb.app, workspace.id, { type: 'system', id: 'test' }, async (tx) => {
      await tx.insert(subscription).values({
        id,
        workspaceId: workspace.id,
        customerId: `cus_${id}`,
        status: sub.status,
        cancelAtPeriodEnd: sub.cancelAtPeriodEnd ?? false,
        currentPeriodEnd: sub.currentPeriodEnd ?? ahead(20),
        endedAt: sub.endedAt ?? null,
        trialStart: sub.trialStart ?? null,
        trialEnd: sub.trialEnd ?? null,
        stripeCreatedAt: ago(100),
      });
      await tx.insert(subscriptionItem).values({
        id: `si_${id}`,
        workspaceId: workspace.id,
        subscriptionId: id,
        priceId: sub.price,
        quantity: sub.quantity ?? 1,
      });
    });
  }
  return { workspace, owner };
}

async function sessionFor(userId: string, updatedAt: Date, impersonatedBy: string | null = null) {
  await testDb.app.db.insert(session).values({
    userId,
    token: randomBytes(16).toString('hex'),
    expiresAt: ahead(30),
    impersonatedBy,
    createdAt: updatedAt,
    updatedAt,
  });
}

describe('staff numbers', () => {
  it('match the hand-computed fixture: MRR per plan, ARR, churn, trials, past_due, sign-ups, activity', async () => {
    await testDb.app.db
      .insert(price)
      .values(
        prices.map((p) => ({ ...p, productId: 'prod_x', active: true, currency: 'usd', intervalCount: 1 })),
      );
    const staff = await createUser(testDb.app, { role: 'admin' });

    const a = await workspaceWith({ status: 'active', price: 'price_pro_m' }); // pro 1900
    const b = await workspaceWith({ status: 'active', price: 'price_pro_y' }); // pro 19000 / 12 = 1583.33
    const c = await workspaceWith({ status: 'active', price: 'price_team_m', quantity: 5 }); // team 1200 × 5 = 6000
    await workspaceWith({ status: 'past_due', price: 'price_team_y', quantity: 3 }); // team 12000 × 3 / 12 = 3000
    // Trialing: not revenue yet; a trial started 5 days ago.
    await workspaceWith({ status: 'trialing', price: 'price_pro_m', trialStart: ago(5), trialEnd: ahead(9) });
    // Canceled at period end, period not over: still counted (pro 1900).
    await workspaceWith({
      status: 'active',
      price: 'price_pro_m',
      cancelAtPeriodEnd: true,
      currentPeriodEnd: ahead(10),
    });
    // Canceled at period end, period over yesterday, not yet synced: out of MRR, churned (team 2400).
    await workspaceWith({
      status: 'active',
      price: 'price_team_m',
      quantity: 2,
      cancelAtPeriodEnd: true,
      currentPeriodEnd: ago(1),
    });
    // Ended 10 days ago: churned (pro 1583.33). Ended 40 days ago: outside the window.
    await workspaceWith({ status: 'canceled', price: 'price_pro_y', endedAt: ago(10) });
    await workspaceWith({ status: 'canceled', price: 'price_pro_m', endedAt: ago(40) });
    // Canceled during its trial: a trial started, never revenue, so not churn.
    await workspaceWith({
      status: 'canceled',
      price: 'price_pro_m',
      trialStart: ago(20),
      trialEnd: ago(6),
      endedAt: ago(8),
    });
    // A trial that converted: started 20 days ago, ended 6 days ago, paying now (pro 1900).
    await workspaceWith({ status: 'active', price: 'price_pro_m', trialStart: ago(20), trialEnd: ago(6) });
    // Unpaid grants nothing and is no revenue.
    await workspaceWith({ status: 'unpaid', price: 'price_team_m' });
    await workspaceWith({ status: 'active', price: 'price_team_old', quantity: 2 }); // team 1000 × 2 = 2000
    await workspaceWith({ status: 'active', price: 'price_custom' }); // other 500
    await workspaceWith(null); // a free workspace

    // Sign-ups: two on June 14, one on June 1 (in the 30-day window), one on May 1 (outside).
    const people = await Promise.all([1, 2, 3, 4].map(() => createUser(testDb.app)));
    const placed = [
      '2026-06-14T08:00:00Z',
      '2026-06-14T23:59:00Z',
      '2026-06-01T00:00:00Z',
      '2026-05-01T10:00:00Z',
    ];
    for (const [index, person] of people.entries()) {
      await testDb.app.db
        .update(user)
        .set({ createdAt: new Date(placed[index]!) })
        .where(eq(user.id, person.id));
    }
    // Activity: a's owner 2 days ago (7 and 30), b's owner 20 days ago (30 only), c only impersonated.
    await sessionFor(a.owner.id, ago(2));
    await sessionFor(b.owner.id, ago(20));
    await sessionFor(c.owner.id, ago(1), staff.id);
    await suspendWorkspace(
      { database: testDb.app, now: () => NOW },
      { type: 'user', id: staff.id },
      {
        workspaceId: c.workspace.id,
        reason: 'fixture',
      },
    );

    const numbers = await staffNumbers(
      { database: testDb.app, now: () => NOW },
      { type: 'user', id: staff.id },
    );
    const pro = 1900 + 19000 / 12 + 1900 + 1900;
    const team = 6000 + 3000 + 2000;
    const total = pro + team + 500;
    expect(numbers.mrr.byPlan.pro).toBeCloseTo(pro, 2);
    expect(numbers.mrr.byPlan.team).toBe(team);
    expect(numbers.mrr.byPlan.other).toBe(500);
    expect(numbers.mrr.byPlan.free).toBe(0);
    expect(numbers.mrr.total).toBeCloseTo(total, 2); // 18783.33
    expect(numbers.mrr.currency).toBe('usd');
    expect(numbers.arr).toBe(225_400); // (1900 × 3 + 1583.33… + 11000 + 500) × 12
    expect(numbers.churnedMrr30d).toBeCloseTo(2400 + 19000 / 12, 2);
    expect(numbers.trials).toEqual({ started30d: 3, converted30d: 1 });
    expect(numbers.pastDue).toBe(1);
    expect(numbers.workspaces).toEqual({ total: 15, suspended: 1 });
    expect(numbers.activeWorkspaces).toEqual({ days7: 1, days30: 2 });
    expect(numbers.signupsPerDay).toHaveLength(30);
    expect(numbers.signupsPerDay[0]!.day).toBe('2026-05-17');
    expect(numbers.signupsPerDay.at(-1)!.day).toBe('2026-06-15');
    const byDay = Object.fromEntries(numbers.signupsPerDay.map((d) => [d.day, d.count]));
    expect(byDay).toMatchObject({ '2026-06-14': 2, '2026-06-01': 1, '2026-06-15': 0 });
    expect(numbers.signupsPerDay.reduce((sum, d) => sum + d.count, 0)).toBe(3);
  });

  it('are read across workspaces only inside the staff read: the app role sees no subscription outside it', async () => {
    const { rows } = await testDb.app.pool.query('select count(*)::int as n from subscription');
    expect(rows[0]).toEqual({ n: 0 });
    const person = await createUser(testDb.app);
    expect(
      await rejectionOf(staffNumbers({ database: testDb.app }, { type: 'user', id: person.id })),
    ).toMatchObject({
      code: 'not_found',
    });
  });
});
