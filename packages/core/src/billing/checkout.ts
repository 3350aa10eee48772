import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { checkoutSession, price, withTenant, workspace } from '@plinth/db';
import { assertCan } from '../access/index';
import { AppError, parseInput } from '../errors/index';
import { countSeatsInUse, lockWorkspaceLimits } from '../limits/index';
import type { MemberActor } from '../tenancy/index';
import { planForLookupKey } from './catalog';
import { ensureCustomer } from './customers';
import { startCheckoutInput, type StartCheckoutInput } from './schemas';
import type { BillingDeps, BillingLinkDeps } from './types';

/** Subscription statuses that still bill or can be revived: a second one would double-charge. */
export const liveSubscriptionStatuses = ['trialing', 'active', 'past_due', 'unpaid', 'paused'] as const;

/** A reused session must stay open long enough for the person to finish paying. */
const REUSE_MARGIN_MS = 10 * 60_000;
/** Idempotency keys of session creates change every 30 minutes, so a stale one cannot pin a session. */
const IDEMPOTENCY_BUCKET_MS = 30 * 60_000;

/**
 * Starts (or resumes) a subscription Checkout for the workspace. Only `billing.manage` holders may;
 * the customer is created first and every session names it, `client_reference_id` and the
 * subscription's metadata carry the workspace id, and the plan's trial applies to a workspace's first
 * subscription only. A repeated click with the same plan and seats gets the same open session back.
 * A workspace that already pays is sent to the portal instead: switching plans happens there.
 */
export async function startCheckout(
  deps: BillingLinkDeps,
  actor: MemberActor,
  input: StartCheckoutInput,
): Promise<{ url: string; sessionId: string }> {
  assertCan(actor, 'billing.manage');
  const values = parseInput(startCheckoutInput, input);
  const { plan } = planForLookupKey(values.lookupKey)!;
  const [ws] = await deps.database.db
    .select({ slug: workspace.slug })
    .from(workspace)
    .where(eq(workspace.id, actor.workspaceId));
  if (!ws) throw new AppError('not_found');
  const billingPage = `${deps.appUrl.replace(/\/$/, '')}/w/${ws.slug}/billing`;
  const successUrl = withSessionId(
    sameOrigin(deps.appUrl, values.successUrl, 'successUrl') ?? `${billingPage}/success`,
  );
  const cancelUrl = sameOrigin(deps.appUrl, values.cancelUrl, 'cancelUrl') ?? billingPage;
  if (!plan.seatBased && values.quantity !== undefined && values.quantity !== 1) {
    throw new AppError('invalid_input', `The ${plan.name} plan is not priced per seat.`, {
      fields: { quantity: 'Only seat-based plans take a quantity.' },
    });
  }
  const quantity = plan.seatBased ? await seatQuantity(deps, actor, values.quantity) : 1;

  const customerId = await ensureCustomer(deps, actor);
  const history = await subscriptionHistory(deps.stripe, customerId);
  if (history.live) {
    throw new AppError(
      'conflict',
      'This workspace already has a subscription. Use Manage billing to change plan or seats.',
    );
  }
  const now = deps.now?.() ?? new Date();
  const previous = await openSession(deps, actor, values.lookupKey, quantity, now);
  if (previous.open) return previous.open;

  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'subscription',
    customer: customerId,
    client_reference_id: actor.workspaceId,
    line_items: [{ price: await priceIdFor(deps, values.lookupKey), quantity }],
    subscription_data: {
      metadata: { workspace_id: actor.workspaceId },
      ...(plan.trialDays > 0 && !history.any ? { trial_period_days: plan.trialDays } : {}),
    },
    metadata: { workspace_id: actor.workspaceId, lookup_key: values.lookupKey },
    success_url: successUrl,
    cancel_url: cancelUrl,
  };
  // Same workspace, price, seats and parameters within one time bucket → one session at Stripe,
  // even when two clicks race past the reuse check above. The session this one replaces is part of
  // the key: after it expired, the same key would replay it instead of opening a new one.
  const bucket = Math.floor(now.getTime() / IDEMPOTENCY_BUCKET_MS);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([params, previous.closedId ?? null]))
    .digest('hex')
    .slice(0, 16);
  const session = await deps.stripe.checkout.sessions.create(params, {
    idempotencyKey: `plinth-checkout-${actor.workspaceId}-${values.lookupKey}-${quantity}-${bucket}-${fingerprint}`,
  });
  if (!session.url) throw new AppError('unavailable', 'Stripe returned a Checkout session without a URL.');
  await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    tx
      .insert(checkoutSession)
      .values({
        id: session.id,
        workspaceId: actor.workspaceId,
        customerId,
        lookupKey: values.lookupKey,
        quantity,
        url: session.url,
        status: session.status ?? 'open',
        expiresAt: new Date(session.expires_at * 1000),
      })
      .onConflictDoNothing(),
  );
  return { url: session.url, sessionId: session.id };
}

/**
 * The newest session we opened for the same price and seats: reusable when Stripe still has it
 * open with time to spare; otherwise its id, which the next session's idempotency key includes.
 */
async function openSession(
  deps: BillingDeps,
  actor: MemberActor,
  lookupKey: string,
  quantity: number,
  now: Date,
): Promise<{ open?: { url: string; sessionId: string }; closedId?: string }> {
  const [row] = await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    tx
      .select({
        id: checkoutSession.id,
        url: checkoutSession.url,
        status: checkoutSession.status,
        expiresAt: checkoutSession.expiresAt,
      })
      .from(checkoutSession)
      .where(
        and(
          eq(checkoutSession.workspaceId, actor.workspaceId),
          eq(checkoutSession.lookupKey, lookupKey),
          eq(checkoutSession.quantity, quantity),
        ),
      )
      .orderBy(desc(checkoutSession.createdAt))
      .limit(1),
  );
  if (!row) return {};
  const fresh = row.expiresAt.getTime() > now.getTime() + REUSE_MARGIN_MS;
  if (row.status !== 'open' || !fresh || !row.url) return { closedId: row.id };
  // Our row may be behind: the person may have paid or Stripe expired it since.
  const current = await deps.stripe.checkout.sessions.retrieve(row.id);
  if (current.status === 'open' && current.url) return { open: { url: current.url, sessionId: current.id } };
  await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    tx
      .update(checkoutSession)
      .set({ status: current.status ?? 'expired' })
      .where(eq(checkoutSession.id, row.id)),
  );
  return { closedId: row.id };
}

/** Asks Stripe, not the mirror: the mirror may lag a payment that just happened. */
async function subscriptionHistory(
  stripe: Stripe,
  customerId: string,
): Promise<{ any: boolean; live: boolean }> {
  let any = false;
  for await (const sub of stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 100 })) {
    any = true;
    if ((liveSubscriptionStatuses as readonly string[]).includes(sub.status)) return { any, live: true };
  }
  return { any, live: false };
}

/** The price id behind a lookup key: the mirror billing:sync wrote, else Stripe's own lookup. */
async function priceIdFor(deps: BillingDeps, lookupKey: string): Promise<string> {
  const [row] = await deps.database.db
    .select({ id: price.id })
    .from(price)
    .where(and(eq(price.lookupKey, lookupKey), eq(price.active, true)));
  if (row) return row.id;
  const found = await deps.stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
  const stripePrice = found.data[0];
  if (!stripePrice) {
    throw new AppError(
      'unavailable',
      `The price ${lookupKey} is not set up in Stripe: run npm run billing:sync.`,
    );
  }
  return stripePrice.id;
}

/**
 * Seats to buy on a seat-based plan: the seats in use (members and live pending invitations) by
 * default, and never fewer — a subscription below them would leave people in seats nobody pays for.
 * Counted under the limits lock, so it agrees with the invitations committed before it.
 */
async function seatQuantity(
  deps: BillingDeps,
  actor: MemberActor,
  requested: number | undefined,
): Promise<number> {
  const seats = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    await lockWorkspaceLimits(tx, actor.workspaceId);
    return countSeatsInUse(tx, actor.workspaceId);
  });
  const inUse = Math.max(1, seats.members + seats.pendingInvitations);
  if (requested === undefined) return inUse;
  if (requested < inUse) {
    throw new AppError(
      'invalid_input',
      `This workspace uses ${counted(inUse, 'seat')}; buy at least that many.`,
      {
        fields: {
          quantity: `At least ${inUse}: ${counted(seats.members, 'member')} and ${counted(seats.pendingInvitations, 'pending invitation')}. Remove members or revoke invitations to buy fewer.`,
        },
      },
    );
  }
  return requested;
}

const englishPlurals = new Intl.PluralRules('en-US');

/** "1 seat", "3 seats": the English plural by Intl.PluralRules (core's messages are English). */
function counted(count: number, noun: string): string {
  return `${count} ${englishPlurals.select(count) === 'one' ? noun : `${noun}s`}`;
}

/** A return URL given by the caller must be ours: Checkout must not become an open redirect. */
export function sameOrigin(appUrl: string, url: string | undefined, field: string): string | undefined {
  if (url === undefined) return undefined;
  if (new URL(url).origin !== new URL(appUrl).origin) {
    throw new AppError('invalid_input', 'Return links must point at this app.', {
      fields: { [field]: `Must start with ${new URL(appUrl).origin}.` },
    });
  }
  return url;
}

/** Stripe replaces {CHECKOUT_SESSION_ID}; the success page syncs the customer from it. */
function withSessionId(url: string): string {
  if (url.includes('{CHECKOUT_SESSION_ID}')) return url;
  return `${url}${url.includes('?') ? '&' : '?'}session_id={CHECKOUT_SESSION_ID}`;
}
