import { isAppError } from '../errors/index';
import type { BillingEventsDeps } from './types';

/**
 * Whether a sync failed because the Stripe customer was never one of ours: our `customer` table
 * does not know it (`not_found`) and Stripe's customer carries no `metadata.workspace_id`, which
 * every customer ensureCustomer() creates has. A Stripe account shared with another system sends
 * events for such customers; they are ignored instead of retried, dead-lettered and warned about.
 * A customer that does carry a workspace id is ours with its row not committed yet: retried as
 * before. The metadata only decides retry or ignore; it never maps a customer to a workspace.
 * When Stripe cannot be asked, the answer is no (the caller retries, as for any failure).
 */
export async function isForeignCustomer(
  deps: Pick<BillingEventsDeps, 'stripe'>,
  stripeCustomerId: string,
  syncError: unknown,
): Promise<boolean> {
  if (!isAppError(syncError) || syncError.code !== 'not_found') return false;
  try {
    const found = await deps.stripe.customers.retrieve(stripeCustomerId);
    // A deleted customer has nothing left to sync, whoever it belonged to.
    if (found.deleted) return true;
    return !found.metadata?.workspace_id;
  } catch {
    return false;
  }
}
