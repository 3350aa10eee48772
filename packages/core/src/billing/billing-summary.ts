import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  billingState,
  customer,
  entitlement,
  invoice,
  price,
  project,
  subscription,
  subscriptionItem,
  withTenant,
} from '@plinth/db';
import { assertCan, can } from '../access/index';
import type { MemberActor } from '../tenancy/index';
import { countSeatsInUse } from '../limits/index';
import { catalog, type PlanKey } from './catalog';
import { liveSubscriptionStatuses } from './checkout';
import { freeEntitlement, type AccessState } from './derive-entitlement';
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
}

export interface BillingSummary {
  plan: { key: PlanKey; name: string };
  state: AccessState;
  /** Stripe's status of the subscription the plan comes from, if any. */
  subscriptionStatus: string | null;
  features: string[];
  limits: { members: number; projects: number };
  usage: { members: number; pendingInvitations: number; projects: number };
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
  /** Whether this person may start a Checkout now (manager, and no live subscription). */
  canCheckout: boolean;
  /** Whether this person may open the billing portal (manager, a customer exists, portal set up). */
  canManage: boolean;
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
    const [row] = await tx.select().from(entitlement).where(eq(entitlement.workspaceId, actor.workspaceId));
    const snapshot = row ? snapshotFromRow(row) : freeEntitlement();
    const subscriptions = await tx
      .select({ id: subscription.id, status: subscription.status })
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
    return { snapshot, subscriptions, items, invoices, projects: projects?.n ?? 0, seats };
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
  return {
    plan: { key: snapshot.plan, name: catalog.plans[snapshot.plan].name },
    state: snapshot.state,
    subscriptionStatus: snapshot.subscriptionStatus,
    features: snapshot.features,
    limits: snapshot.limits,
    usage: { ...data.seats, projects: data.projects },
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
    })),
    pastDue: snapshot.state === 'grace' ? { invoiceUrl: snapshot.pastDueInvoiceUrl } : null,
    canCheckout: manager && !hasLive,
    canManage: manager && customerRow !== undefined && portal !== undefined,
  };
}
