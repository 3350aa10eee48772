// Entitlements: "may this workspace do X now?" — plan, access state, features and limits, read from
// the `entitlement` row billing's syncCustomer() writes. A workspace without a row is on free. A
// staff plan override (plan_override, until its expiry) replaces the plan, its features and limits
// (docs/decisions/0032).
import { and, eq, gt } from 'drizzle-orm';
import {
  entitlement,
  planOverride,
  withTenant,
  workspace,
  type Database,
  type Executor,
  type PlanOverrideRow,
} from '@plinth/db';
import { systemActor } from '../actor/index';
import {
  catalog,
  freeEntitlement,
  isPlanKey,
  planLimits,
  snapshotFromRow,
  withPlanOverride,
  type AccessState,
  type EntitlementSnapshot,
  type PlanKey,
} from '../billing/index';

/** The catalog's limits per plan (one source of truth: packages/core/src/billing/catalog.ts). */
export { planLimits };

export type PlanName = PlanKey;

export interface Entitlements {
  plan: PlanName;
  /** The plan's display name, for messages ("The Pro plan includes…"). */
  planName: string;
  /** active, trialing, grace (payment failed, still on the plan) or free. */
  state: AccessState;
  features: string[];
  limits: { members: number; projects: number; storageBytes: number };
  /** Paid seats on a seat-based plan (the member limit); null otherwise. */
  seats: number | null;
  /** The plan is priced per seat: more members means more seats in Manage billing, not a new plan. */
  seatBased: boolean;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
  /** While in grace: the hosted invoice to pay. */
  pastDueInvoiceUrl: string | null;
  /** A plan granted by staff, in force until `expiresAt`; null when Stripe's state decides alone. */
  override: PlanGrant | null;
}

/** A staff plan override as members and staff see it ("Team plan granted until …"). */
export interface PlanGrant {
  plan: PlanName;
  planName: string;
  expiresAt: Date;
  reason: string;
}

function fromSnapshot(snapshot: EntitlementSnapshot): Entitlements {
  const plan = catalog.plans[snapshot.plan];
  return {
    plan: snapshot.plan,
    planName: plan.name,
    state: snapshot.state,
    features: [...snapshot.features],
    limits: { ...snapshot.limits },
    seats: snapshot.seats,
    seatBased: plan.seatBased,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    currentPeriodEnd: snapshot.currentPeriodEnd,
    pastDueInvoiceUrl: snapshot.pastDueInvoiceUrl,
    override: null,
  };
}

/** The entitlements with a live staff override applied (billing's withPlanOverride), and named. */
function withOverride(snapshot: EntitlementSnapshot, row: PlanOverrideRow): Entitlements {
  if (!isPlanKey(row.plan) || row.plan === 'free') return fromSnapshot(snapshot);
  const plan = catalog.plans[row.plan];
  return {
    ...fromSnapshot(withPlanOverride(snapshot, row)),
    override: { plan: plan.key, planName: plan.name, expiresAt: row.expiresAt, reason: row.reason },
  };
}

/**
 * Reads the workspace's entitlement inside a transaction that is already in the tenant (the
 * `entitlement` table is under RLS): callers checking a limit do it in the same transaction as the
 * write it guards.
 */
export async function entitlementsIn(
  tx: Executor,
  workspaceId: string,
  now: Date = new Date(),
): Promise<Entitlements> {
  // One statement: the synced row and a live override, both optional, joined to the workspace row.
  const [found] = await tx
    .select({ entitlement, override: planOverride })
    .from(workspace)
    .leftJoin(entitlement, eq(entitlement.workspaceId, workspace.id))
    .leftJoin(planOverride, and(eq(planOverride.workspaceId, workspace.id), gt(planOverride.expiresAt, now)))
    .where(eq(workspace.id, workspaceId));
  const synced = syncedSnapshot(found?.entitlement ?? null, now);
  return found?.override ? withOverride(synced, found.override) : fromSnapshot(synced);
}

function syncedSnapshot(row: typeof entitlement.$inferSelect | null, now: Date): EntitlementSnapshot {
  if (!row) return freeEntitlement();
  const snapshot = snapshotFromRow(row);
  // A scheduled cancellation (at period end, or Stripe's cancel_at) is known in advance: once its
  // moment has passed the plan ends, even before the sync that records Stripe's
  // customer.subscription.deleted (a late or lost event, repaired later by reconciliation) has run.
  if (hasLapsed(snapshot, now)) return freeEntitlement();
  return snapshot;
}

/** Judged by the moment deriveEntitlement() stored, so the read and the sync agree on it. */
function hasLapsed(snapshot: EntitlementSnapshot, now: Date): boolean {
  return (
    snapshot.plan !== 'free' &&
    snapshot.accessEndsAt !== null &&
    now.getTime() >= snapshot.accessEndsAt.getTime()
  );
}

/** The workspace's current plan, state, features and limits (free when billing never wrote a row). */
export async function entitlements(
  deps: { database: Database },
  workspaceId: string,
  now: Date = new Date(),
): Promise<Entitlements> {
  return withTenant(deps.database, workspaceId, systemActor('entitlements'), (tx) =>
    entitlementsIn(tx, workspaceId, now),
  );
}

/** Whether the workspace's plan includes a feature (see the catalog's featureKeys). */
export function hasFeature(current: Pick<Entitlements, 'features'>, feature: string): boolean {
  return current.features.includes(feature);
}

export { assertFeature, requireFeature } from './require-feature';
export { prioritySupport, type SupportDeps } from './priority-support';
