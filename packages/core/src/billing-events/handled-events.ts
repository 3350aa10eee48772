import type Stripe from 'stripe';

/**
 * Event types that can change what a workspace is entitled to, or that trigger a mail. Each one is
 * handled the same way: re-sync the customer from Stripe. Anything else is acknowledged and ignored.
 */
export const handledEventTypes: ReadonlySet<string> = new Set<Stripe.Event.Type | 'invoice.upcoming'>([
  'checkout.session.completed',
  'checkout.session.expired',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.trial_will_end',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'customer.subscription.pending_update_applied',
  'customer.subscription.pending_update_expired',
  'invoice.created',
  'invoice.finalized',
  'invoice.upcoming',
  'invoice.paid',
  'invoice.payment_succeeded',
  'invoice.payment_failed',
  'invoice.payment_action_required',
  'invoice.marked_uncollectible',
  'invoice.voided',
]);

/**
 * The customer an event concerns: the `customer` field of its object (an id, or an expanded
 * customer), or the object itself for customer.* events about the customer.
 */
export function customerIdOf(event: Pick<Stripe.Event, 'data'>): string | null {
  const object = event.data.object as { object?: unknown; id?: unknown; customer?: unknown };
  if (object.object === 'customer') return typeof object.id === 'string' ? object.id : null;
  const customer = object.customer;
  if (typeof customer === 'string') return customer;
  if (customer && typeof customer === 'object' && 'id' in customer && typeof customer.id === 'string')
    return customer.id;
  return null;
}
