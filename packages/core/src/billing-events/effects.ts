import { and, eq, isNull } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type Stripe from 'stripe';
import {
  entitlement,
  invoice,
  member,
  subscription,
  user,
  workspace,
  type Executor,
  type WebhookEvent,
} from '@plinth/db';
import { catalog, isPlanKey, planForPrice } from '../billing/index';
import {
  notify,
  type NotificationData,
  type NotificationType,
  type NotifyInput,
} from '../notifications/index';
import type { BillingEventsDeps } from './types';

/** The side effects an event may have, by name: the second half of the billing_effect claim key. */
export const billingEffects = {
  'invoice.payment_failed': 'dunning-mail',
  'invoice.payment_action_required': 'payment-action-mail',
  'customer.subscription.trial_will_end': 'trial-ending-mail',
  'customer.subscription.deleted': 'subscription-ended-mail',
} as const satisfies Record<string, string>;

type EffectEventType = keyof typeof billingEffects;

/** What an effect tells the workspace's owners: a notification, in-app and by mail per the catalog. */
type OwnerNotice = {
  [T in NotificationType]: { type: T; data: NotificationData<T> };
}[NotificationType];

const isEffectEvent = (type: string): type is EffectEventType => type in billingEffects;

/** The billing page of a workspace, linked from billing mails. */
export function billingPageUrl(appUrl: string, slug: string): string {
  return new URL(`/w/${encodeURIComponent(slug)}/billing`, appUrl).toString();
}

/**
 * Performs the event's side effect at most once: the claim insert and the mail jobs go in the
 * caller's transaction, so either both commit or neither does, and a duplicate, a retry or a
 * replay finds the claim taken. Runs after the sync, and judges by the state it just mirrored: a
 * dunning mail for an invoice paid meanwhile, or a trial mail for a trial already canceled, is
 * not sent (nor claimed). `client` is that transaction, inside the workspace's tenant: everything
 * here runs on it, so a sync's side effects never take a second pooled connection.
 */
export async function performEffect(
  deps: BillingEventsDeps,
  client: pg.PoolClient,
  row: Pick<WebhookEvent, 'id' | 'type' | 'payload'>,
  workspaceId: string,
): Promise<string | undefined> {
  if (!isEffectEvent(row.type)) return undefined;
  const effect = billingEffects[row.type];
  const object = (row.payload as unknown as Stripe.Event).data.object;
  const tx = drizzle({ client });
  const notice = await noticeFor(deps, tx, row.type, object, workspaceId);
  if (!notice) return undefined;
  const claim = await client.query(
    `insert into billing_effect (event_id, effect) values ($1, $2) on conflict do nothing returning event_id`,
    [row.id, effect],
  );
  if (claim.rowCount !== 1) return undefined;
  // Billing mail cannot be turned off (the catalog locks it), so every owner is mailed; the in-app
  // notification follows each owner's preference. The mail leaves through the outbox.
  const owners = await tx
    .select({ id: user.id })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.workspaceId, workspaceId), eq(member.role, 'owner'), isNull(user.deletedAt)));
  await notify(
    tx,
    { recipients: owners.map((owner) => owner.id), ...notice, workspaceId } as NotifyInput<NotificationType>,
    { appUrl: deps.appUrl },
  );
  return effect;
}

async function noticeFor(
  deps: BillingEventsDeps,
  tx: Executor,
  type: EffectEventType,
  object: Stripe.Event.Data['object'],
  workspaceId: string,
): Promise<OwnerNotice | undefined> {
  const [place] = await tx
    .select({ name: workspace.name, slug: workspace.slug })
    .from(workspace)
    .where(and(eq(workspace.id, workspaceId), isNull(workspace.deletedAt)));
  if (!place) return undefined;
  const objectId = (object as { id?: string }).id ?? '';
  const [mirroredInvoice] = await tx
    .select()
    .from(invoice)
    .where(and(eq(invoice.workspaceId, workspaceId), eq(invoice.id, objectId)));
  const [mirroredSubscription] = await tx
    .select()
    .from(subscription)
    .where(and(eq(subscription.workspaceId, workspaceId), eq(subscription.id, objectId)));
  const [current] = await tx.select().from(entitlement).where(eq(entitlement.workspaceId, workspaceId));
  const mirror = { invoice: mirroredInvoice, subscription: mirroredSubscription, entitlement: current };
  const where = { workspaceName: place.name, workspaceSlug: place.slug };
  if (type === 'invoice.payment_failed' || type === 'invoice.payment_action_required') {
    const event = object as Stripe.Invoice;
    // The mirror is Stripe's state as of the sync just done; the payload may be hours old.
    const status = mirror.invoice?.status ?? event.status;
    const invoiceUrl = mirror.invoice?.hostedInvoiceUrl ?? event.hosted_invoice_url;
    if (status !== 'open' || !invoiceUrl) return undefined;
    const common = {
      ...where,
      amountDue: mirror.invoice?.amountRemaining ?? event.amount_remaining,
      currency: mirror.invoice?.currency ?? event.currency,
      invoiceUrl,
    };
    const nextAttempt = mirror.invoice
      ? mirror.invoice.nextPaymentAttempt
      : toDate(event.next_payment_attempt);
    return type === 'invoice.payment_failed'
      ? {
          type: 'billing.payment_failed',
          data: { ...common, nextAttemptAt: nextAttempt?.toISOString() ?? null },
        }
      : { type: 'billing.payment_action_required', data: common };
  } else if (type === 'customer.subscription.trial_will_end') {
    const event = object as Stripe.Subscription;
    const status = mirror.subscription?.status ?? event.status;
    const trialEnd = mirror.subscription?.trialEnd ?? toDate(event.trial_end);
    const cancelling = mirror.subscription?.cancelAtPeriodEnd ?? event.cancel_at_period_end;
    if (status !== 'trialing' || !trialEnd || cancelling) return undefined;
    return {
      type: 'billing.trial_ending',
      data: { ...where, planName: planNameOf(event), trialEndsAt: trialEnd.toISOString() },
    };
  }
  // Ended, and nothing else (a switch to another subscription) keeps the workspace on a paid plan.
  if (mirror.entitlement && mirror.entitlement.plan !== 'free') return undefined;
  return {
    type: 'billing.subscription_canceled',
    data: { ...where, planName: planNameOf(object as Stripe.Subscription) },
  };
}

function planNameOf(sub: Stripe.Subscription): string {
  for (const item of sub.items?.data ?? []) {
    const plan = planForPrice({ lookupKey: item.price.lookup_key, metadata: item.price.metadata });
    if (plan) return plan.name;
  }
  const declared = sub.metadata?.[catalog.planMetadataKey];
  return isPlanKey(declared) ? catalog.plans[declared].name : 'paid';
}

const toDate = (seconds: number | null | undefined): Date | null =>
  seconds === null || seconds === undefined ? null : new Date(seconds * 1000);
