import { and, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import {
  billingState,
  customer,
  entitlement,
  invoice,
  planOverride,
  price,
  project,
  subscription,
  subscriptionItem,
  withTenant,
  type Executor,
} from '@plinth/db';
import { assertCan, can } from '../access/index';
import type { MemberActor } from '../tenancy/index';
import { countSeatsInUse, storageUsedIn } from '../limits/index';
import { catalog, type PlanKey } from './catalog';
import { liveSubscriptionStatuses } from './checkout';
import { freeEntitlement, withPlanOverride, type AccessState } from './derive-entitlement';
import {
  billingStanding,
  invoiceStandings,
  nextPlanActions,
  type BillingPosition,
  type InvoiceStanding,
  type BillingStanding,
  type PlanAction,
} from './next-action';
import { PORTAL_CONFIGURATION_STATE } from './portal';
import { snapshotFromRow } from './sync-customer';
import type { BillingDeps } from './types';

export interface InvoiceSummary {
  id: string;
  number: string | null;
  status: string | null;
  currency: string;
  total: number;
  amountDue: number;
  amountPaid: number;
  createdAt: Date;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
  /** due, declined (a Checkout's first payment), abandoned (nobody waits for it), settled. */
  standing: InvoiceStanding;
}

export interface BillingSummary {
  plan: { key: PlanKey; name: string };
  state: AccessState;
  /** Stripe's status of the subscription the plan comes from, if any. */
  subscriptionStatus: string | null;
  features: string[];
  limits: { members: number; projects: number; storageBytes: number };
  usage: { members: number; pendingInvitations: number; projects: number; storageBytes: number };
  /** Paid seats for a seat-based plan, null otherwise. */
  seats: { used: number; paid: number | null };
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  trialEnd: Date | null;
  /** Price × quantity of the subscription's items, due at the period end; null when nothing renews. */
  nextInvoice: { amount: number; currency: string; date: Date | null } | null;
  /** The last 12 invoices, newest first. */
  invoices: InvoiceSummary[];
  /** Set while payment failed (past_due): show the banner with this link to pay. */
  pastDue: { invoiceUrl: string | null } | null;
  /**
   * Set when the newest subscription is a Checkout whose first payment was declined (or needs
   * authentication): nothing is granted; its invoice can still be paid until Stripe expires it.
   */
  declinedCheckout: { invoiceUrl: string | null } | null;
  /** Whether this person may start a Checkout now (manager, and no live subscription). */
  canCheckout: boolean;
  /** Whether this person may open the billing portal (manager, a customer exists, portal set up). */
  canManage: boolean;
  /**
   * A plan granted by staff until `expiresAt` (docs/decisions/0032): plan, features and limits above
   * are the grant's until then; afterwards the subscription's again. Null when there is none.
   */
  override: { plan: PlanKey; planName: string; expiresAt: Date } | null;
  /** How the plan is paid for: free, subscribed, granted (no subscription) or lapsed. */
  standing: BillingStanding;
  /** What this person can do next about each plan (nextPlanActions), as the pricing page shows too. */
  actions: Record<PlanKey, PlanAction>;
}

/** The workspace's synced entitlement with a live staff grant applied (decision 0032), and the grant. */
async function grantedSnapshot(tx: Executor, workspaceId: string, now: Date) {
  const [row] = await tx.select().from(entitlement).where(eq(entitlement.workspaceId, workspaceId));
  const synced = row ? snapshotFromRow(row) : freeEntitlement();
  const [grant] = await tx
    .select()
    .from(planOverride)
    .where(and(eq(planOverride.workspaceId, workspaceId), gt(planOverride.expiresAt, now)));
  return { snapshot: grant ? withPlanOverride(synced, grant) : synced, grant };
}

/**
 * Everything the workspace billing page and the API's billing summary show, from the mirror (no
 * Stripe call): plan and access state, usage against limits, seats, the period, the next invoice
 * estimate, recent invoices with their hosted links, and which billing actions are open to the actor.
 */
export async function billingSummary(
  deps: Pick<BillingDeps, 'database'>,
  actor: MemberActor,
): Promise<BillingSummary> {
  assertCan(actor, 'billing.read');
  const now = new Date();
  const data = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const { snapshot, grant } = await grantedSnapshot(tx, actor.workspaceId, now);
    const subscriptions = await tx
      .select({
        id: subscription.id,
        status: subscription.status,
        latestInvoiceId: subscription.latestInvoiceId,
        createdAt: subscription.stripeCreatedAt,
      })
      .from(subscription)
      .where(eq(subscription.workspaceId, actor.workspaceId));
    const items = snapshot.subscriptionId
      ? await tx
          .select({ quantity: subscriptionItem.quantity, priceId: subscriptionItem.priceId })
          .from(subscriptionItem)
          .where(
            and(
              eq(subscriptionItem.workspaceId, actor.workspaceId),
              eq(subscriptionItem.subscriptionId, snapshot.subscriptionId),
            ),
          )
      : [];
    const invoices = await tx
      .select()
      .from(invoice)
      .where(eq(invoice.workspaceId, actor.workspaceId))
      .orderBy(desc(invoice.stripeCreatedAt))
      .limit(12);
    const [projects] = await tx
      .select({ n: count() })
      .from(project)
      .where(and(eq(project.workspaceId, actor.workspaceId), isNull(project.deletedAt)));
    const seats = await countSeatsInUse(tx, actor.workspaceId, now);
    const storageBytes = await storageUsedIn(tx, actor.workspaceId);
    return {
      snapshot,
      grant,
      subscriptions,
      items,
      invoices,
      projects: projects?.n ?? 0,
      seats,
      storageBytes,
    };
  });
  const [customerRow] = await deps.database.db
    .select({ id: customer.id })
    .from(customer)
    .where(eq(customer.workspaceId, actor.workspaceId));
  const [portal] = await deps.database.db
    .select({ key: billingState.key })
    .from(billingState)
    .where(eq(billingState.key, PORTAL_CONFIGURATION_STATE));
  const prices =
    data.items.length > 0
      ? await deps.database.db
          .select({ id: price.id, unitAmount: price.unitAmount, currency: price.currency })
          .from(price)
          .where(
            inArray(
              price.id,
              data.items.map((item) => item.priceId),
            ),
          )
      : [];

  const { snapshot } = data;
  const renews = snapshot.state !== 'free' && !snapshot.cancelAtPeriodEnd && data.items.length > 0;
  let nextInvoice: BillingSummary['nextInvoice'] = null;
  if (
    renews &&
    data.items.every((item) => prices.some((p) => p.id === item.priceId && p.unitAmount !== null))
  ) {
    const amount = data.items.reduce(
      (sum, item) => sum + (prices.find((p) => p.id === item.priceId)!.unitAmount ?? 0) * item.quantity,
      0,
    );
    nextInvoice = { amount, currency: prices[0]!.currency, date: snapshot.currentPeriodEnd };
  }
  const hasLive = data.subscriptions.some((sub) =>
    (liveSubscriptionStatuses as readonly string[]).includes(sub.status),
  );
  const manager = can(actor, 'billing.manage');
  const position: BillingPosition = {
    plan: snapshot.plan,
    state: snapshot.state,
    subscriptionId: snapshot.subscriptionId,
    liveSubscription: hasLive,
    mayManage: manager,
    portalReady: customerRow !== undefined && portal !== undefined,
  };
  const standings = invoiceStandings(
    data.invoices.map((row) => ({ ...row, createdAt: row.stripeCreatedAt })),
    data.subscriptions,
  );
  const newest = [...data.subscriptions].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const declined =
    newest?.status === 'incomplete' && snapshot.state === 'free'
      ? data.invoices.find((row) => row.id === newest.latestInvoiceId && row.status === 'open')
      : undefined;
  return {
    plan: { key: snapshot.plan, name: catalog.plans[snapshot.plan].name },
    state: snapshot.state,
    subscriptionStatus: snapshot.subscriptionStatus,
    features: snapshot.features,
    limits: snapshot.limits,
    usage: { ...data.seats, projects: data.projects, storageBytes: data.storageBytes },
    seats: { used: data.seats.members + data.seats.pendingInvitations, paid: snapshot.seats },
    currentPeriodEnd: snapshot.currentPeriodEnd,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    trialEnd: snapshot.trialEnd,
    nextInvoice,
    invoices: data.invoices.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      currency: row.currency,
      total: row.total,
      amountDue: row.amountDue,
      amountPaid: row.amountPaid,
      createdAt: row.stripeCreatedAt,
      hostedInvoiceUrl: row.hostedInvoiceUrl,
      invoicePdf: row.invoicePdf,
      standing: standings.get(row.id) ?? 'settled',
    })),
    declinedCheckout:
      newest?.status === 'incomplete' && snapshot.state === 'free'
        ? { invoiceUrl: declined?.hostedInvoiceUrl ?? null }
        : null,
    pastDue: snapshot.state === 'grace' ? { invoiceUrl: snapshot.pastDueInvoiceUrl } : null,
    canCheckout: manager && !hasLive,
    canManage: manager && customerRow !== undefined && portal !== undefined,
    override:
      data.grant && snapshot.plan !== 'free'
        ? {
            plan: snapshot.plan,
            planName: catalog.plans[snapshot.plan].name,
            expiresAt: data.grant.expiresAt,
          }
        : null,
    standing: billingStanding(position),
    actions: nextPlanActions(position),
  };
}

/**
 * Only what choosing a plan needs (the pricing page, for each workspace the person may buy for):
 * the same reads billingSummary() makes for its position, and the same nextPlanActions().
 */
export async function planChoices(
  deps: Pick<BillingDeps, 'database'>,
  actor: MemberActor,
): Promise<{
  plan: PlanKey;
  standing: BillingStanding;
  actions: Record<PlanKey, PlanAction>;
  /** The fewest seats a Checkout of a seat-based plan may buy (members and pending invitations). */
  seatsInUse: number;
}> {
  assertCan(actor, 'billing.read');
  const { snapshot, statuses, seats } = await withTenant(
    deps.database,
    actor.workspaceId,
    actor,
    async (tx) => {
      // A staff grant in force decides the plan here as on the billing page (decision 0032).
      const { snapshot } = await grantedSnapshot(tx, actor.workspaceId, new Date());
      const subscriptions = await tx
        .select({ status: subscription.status })
        .from(subscription)
        .where(eq(subscription.workspaceId, actor.workspaceId));
      return {
        snapshot,
        statuses: subscriptions,
        seats: await countSeatsInUse(tx, actor.workspaceId),
      };
    },
  );
  const [customerRow] = await deps.database.db
    .select({ id: customer.id })
    .from(customer)
    .where(eq(customer.workspaceId, actor.workspaceId));
  const [portal] = await deps.database.db
    .select({ key: billingState.key })
    .from(billingState)
    .where(eq(billingState.key, PORTAL_CONFIGURATION_STATE));
  const position: BillingPosition = {
    plan: snapshot.plan,
    state: snapshot.state,
    subscriptionId: snapshot.subscriptionId,
    liveSubscription: statuses.some((sub) =>
      (liveSubscriptionStatuses as readonly string[]).includes(sub.status),
    ),
    mayManage: can(actor, 'billing.manage'),
    portalReady: customerRow !== undefined && portal !== undefined,
  };
  return {
    plan: snapshot.plan,
    standing: billingStanding(position),
    actions: nextPlanActions(position),
    seatsInUse: Math.max(1, seats.members + seats.pendingInvitations),
  };
}
