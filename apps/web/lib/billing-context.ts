import { AppError } from '@plinth/core/errors';
import { serverContext } from '@plinth/core/server-context';
import type { BillingLinkDeps, SyncDeps } from '@plinth/core/billing';

// Billing's wiring for pages and server actions: the process's Stripe client (the real one, or the
// local fake in development) next to its database. Built once in apps/server, never here.

export function billingDeps(): BillingLinkDeps {
  const { database, logger, stripe, billingSyncLimiter, env } = serverContext();
  // Only a process started without billing configuration lacks a client (loadEnv refuses that in
  // production); say so instead of failing somewhere inside the Stripe SDK.
  if (!stripe) throw new AppError('unavailable', 'Billing is not configured on this server.');
  return {
    database,
    logger,
    stripe,
    appUrl: env.appUrl,
    ...(billingSyncLimiter ? { syncLimiter: billingSyncLimiter } : {}),
  };
}

/** billingDeps() for pages that sync a customer: with the wiring's limiter, shared with the worker. */
export function billingSyncDeps(): BillingLinkDeps & SyncDeps {
  const deps = billingDeps();
  if (!deps.syncLimiter) throw new AppError('unavailable', 'Billing is not configured on this server.');
  return { ...deps, syncLimiter: deps.syncLimiter };
}

/** Absolute links back into the app for Checkout and the portal (Stripe redirects the browser there). */
export function billingLinks(slug: string) {
  const origin = new URL(serverContext().env.appUrl).origin;
  const billing = `${origin}/w/${encodeURIComponent(slug)}/billing`;
  return {
    billing,
    // The portal's "Return" link (openPortal adds its visit nonce): the billing page syncs once on arrival.
    portalReturn: `${billing}?from=portal`,
    // Stripe fills in {CHECKOUT_SESSION_ID}; the success page syncs before showing the plan.
    success: `${billing}/success?session_id={CHECKOUT_SESSION_ID}`,
    canceled: `${billing}?checkout=canceled`,
  };
}
