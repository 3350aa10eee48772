import type { Database } from '@plinth/db';
import type { Actor } from '../actor/index';
import { catalog, planForPrice, planKeys, type PlanKey } from '../billing/index';
import { assertStaff, type StaffDeps } from './staff';

/** The staff dashboard's numbers, all from our own tables (the billing mirror for money). */
export interface StaffNumbers {
  /** The moment they were computed for. */
  asOf: Date;
  /** People who signed up per UTC day, the last 30 days, oldest first (days without any are 0). */
  signupsPerDay: { day: string; count: number }[];
  /** Live workspaces with a member whose own session was used in the last 7 / 30 days. */
  activeWorkspaces: { days7: number; days30: number };
  workspaces: { total: number; suspended: number };
  /** Subscriptions whose trial started in the last 30 days; trials that ended in the last 30 days and are paying now. */
  trials: { started30d: number; converted30d: number };
  /**
   * Monthly recurring revenue in cents (minor units of `currency`), per plan: every item of a
   * subscription that pays now (active or past_due; trialing is not revenue yet), until a scheduled
   * cancellation ends it, as unit amount × quantity normalised to a month (yearly ÷ 12).
   */
  mrr: { total: number; byPlan: Record<PlanKey | 'other', number>; currency: string };
  /** mrr.total × 12. */
  arr: number;
  /** The monthly amount of paying subscriptions whose access ended in the last 30 days. */
  churnedMrr30d: number;
  /** Subscriptions past due now (still counted in MRR: in grace, not lost). */
  pastDue: number;
}

// Unit amount × quantity per month, for one subscription item joined to its price (aliases i, p).
const monthly = `(p.unit_amount::numeric * i.quantity
    / case p.interval when 'year' then 12 when 'month' then 1 when 'week' then 12.0 / 52 when 'day' then 12.0 / 365 else null end
    / coalesce(nullif(p.interval_count, 0), 1))`;

// When a subscription's access ends or ended: Stripe's ended_at, else a scheduled cancel_at, else
// the period end of a cancel-at-period-end (as derive-entitlement's accessEndOf).
const accessEnd = `coalesce(s.ended_at, s.cancel_at, case when s.cancel_at_period_end then s.current_period_end end)`;

const mrrQuery = `
  select p.lookup_key, p.metadata, p.currency, sum(${monthly})::text as amount
  from subscription s
  join subscription_item i on i.subscription_id = s.id and i.workspace_id = s.workspace_id
  join price p on p.id = i.price_id
  where s.status in ('active', 'past_due')
    and (${accessEnd} is null or ${accessEnd} > $1::timestamptz)
    and p.interval is not null and p.unit_amount is not null
  group by p.lookup_key, p.metadata, p.currency`;

const churnQuery = `
  select coalesce(sum(${monthly}), 0)::text as amount
  from subscription s
  join subscription_item i on i.subscription_id = s.id and i.workspace_id = s.workspace_id
  join price p on p.id = i.price_id
  where ${accessEnd} > $1::timestamptz - interval '30 days' and ${accessEnd} <= $1::timestamptz
    and s.status not in ('incomplete', 'incomplete_expired', 'trialing')
    and not (s.trial_end is not null and s.trial_end >= ${accessEnd})
    and p.interval is not null and p.unit_amount is not null`;

const countsQuery = `
  select
    (select count(*)::int from subscription s where s.trial_start > $1::timestamptz - interval '30 days' and s.trial_start <= $1::timestamptz) as trials_started,
    (select count(*)::int from subscription s where s.trial_end > $1::timestamptz - interval '30 days' and s.trial_end <= $1::timestamptz
       and s.status in ('active', 'past_due')) as trials_converted,
    (select count(*)::int from subscription s where s.status = 'past_due') as past_due,
    (select count(*)::int from workspace w where w.deleted_at is null) as workspaces,
    (select count(*)::int from workspace w where w.deleted_at is null and w.suspended_at is not null) as suspended,
    (select count(distinct m.workspace_id)::int from member m
       join session se on se.user_id = m.user_id and se.impersonated_by is null
       join workspace w on w.id = m.workspace_id and w.deleted_at is null
       where se.updated_at > $1::timestamptz - interval '7 days') as active7,
    (select count(distinct m.workspace_id)::int from member m
       join session se on se.user_id = m.user_id and se.impersonated_by is null
       join workspace w on w.id = m.workspace_id and w.deleted_at is null
       where se.updated_at > $1::timestamptz - interval '30 days') as active30`;

const signupsQuery = `
  select to_char(d.day, 'YYYY-MM-DD') as day, count(u.id)::int as count
  from generate_series(date_trunc('day', $1::timestamptz at time zone 'UTC') - interval '29 days',
                       date_trunc('day', $1::timestamptz at time zone 'UTC'), interval '1 day') as d(day)
  left join "user" u on u.created_at at time zone 'UTC' >= d.day
                    and u.created_at at time zone 'UTC' < d.day + interval '1 day'
                    and u.created_at <= $1::timestamptz
  group by d.day order by d.day`;

/**
 * Runs `fn` in a read-only transaction that may read every workspace's subscription mirror (the
 * `*_staff_read` policies on `app.staff_read`, transaction-local). Only staff services call it.
 */
async function withStaffRead<T>(
  database: Database,
  fn: (query: <R>(text: string, values: unknown[]) => Promise<R[]>) => Promise<T>,
): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query(`begin read only; select set_config('app.staff_read', 'on', true)`);
    const result = await fn(async <R>(text: string, values: unknown[]) => {
      const { rows } = await client.query(text, values);
      return rows as R[];
    });
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The staff dashboard's numbers as of `now`. Staff only. */
export async function staffNumbers(deps: StaffDeps, actor: Actor): Promise<StaffNumbers> {
  await assertStaff(deps.database, actor);
  const now = deps.now?.() ?? new Date();
  return withStaffRead(deps.database, async (query) => {
    const mrrRows = await query<{
      lookup_key: string | null;
      metadata: Record<string, string> | null;
      currency: string;
      amount: string;
    }>(mrrQuery, [now]);
    const [churn] = await query<{ amount: string }>(churnQuery, [now]);
    const [counts] = await query<{
      trials_started: number;
      trials_converted: number;
      past_due: number;
      workspaces: number;
      suspended: number;
      active7: number;
      active30: number;
    }>(countsQuery, [now]);
    const signups = await query<{ day: string; count: number }>(signupsQuery, [now]);

    const byPlan = Object.fromEntries([...planKeys, 'other'].map((key) => [key, 0])) as Record<
      PlanKey | 'other',
      number
    >;
    const currencies = new Set<string>();
    for (const row of mrrRows) {
      const plan = planForPrice({ lookupKey: row.lookup_key, metadata: row.metadata }, catalog);
      // A price of no plan of ours (sold by hand in Stripe) is still revenue: `other`.
      byPlan[plan?.key ?? 'other'] += Number(row.amount);
      currencies.add(row.currency);
    }
    const total = mrrRows.reduce((sum, row) => sum + Number(row.amount), 0);
    return {
      asOf: now,
      signupsPerDay: signups,
      activeWorkspaces: { days7: counts!.active7, days30: counts!.active30 },
      workspaces: { total: counts!.workspaces, suspended: counts!.suspended },
      trials: { started30d: counts!.trials_started, converted30d: counts!.trials_converted },
      mrr: { total: cents(total), byPlan: mapValues(byPlan, cents), currency: [...currencies][0] ?? 'usd' },
      arr: cents(total * 12),
      churnedMrr30d: cents(Number(churn!.amount)),
      pastDue: counts!.past_due,
    };
  });
}

/** Cents to two decimals (a yearly price ÷ 12 is rarely whole). */
function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

function mapValues<K extends string>(
  record: Record<K, number>,
  fn: (value: number) => number,
): Record<K, number> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, fn(value as number)]),
  ) as Record<K, number>;
}
