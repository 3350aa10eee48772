import { eq } from 'drizzle-orm';
import { customer, workspace } from '@plinth/db';
import { assertCan } from '../access/index';
import { AppError } from '../errors/index';
import type { MemberActor } from '../tenancy/index';
import type { BillingDeps } from './types';

/**
 * The workspace's Stripe customer id, creating the customer on first use — before any Checkout, so
 * every session and subscription names a customer we already know (docs/architecture.md §5). The Stripe
 * call carries an idempotency key derived from the workspace id, so two concurrent first clicks
 * get one customer from Stripe; the unique index on `customer.workspace_id` lets one insert win and
 * both callers return the winner's id.
 */
export async function ensureCustomer(deps: BillingDeps, member: MemberActor): Promise<string> {
  assertCan(member, 'billing.manage');
  const workspaceId = member.workspaceId;
  const existing = await customerIdOf(deps, workspaceId);
  if (existing) return existing;
  const [ws] = await deps.database.db
    .select({ name: workspace.name })
    .from(workspace)
    .where(eq(workspace.id, workspaceId));
  if (!ws) throw new AppError('not_found');
  // Only values fixed for the workspace go under the workspace-derived key: Stripe refuses a key
  // replayed with other parameters, and a retry (our insert failed after Stripe created the
  // customer) may come after a rename. The name, which can change, is set by a separate update.
  const created = await deps.stripe.customers.create(
    { metadata: { workspace_id: workspaceId } },
    { idempotencyKey: `plinth-customer-${workspaceId}` },
  );
  if (created.name !== ws.name) await deps.stripe.customers.update(created.id, { name: ws.name });
  await deps.database.db
    .insert(customer)
    .values({ id: created.id, workspaceId, email: created.email ?? null, livemode: created.livemode })
    .onConflictDoNothing();
  const stored = await customerIdOf(deps, workspaceId);
  if (stored !== created.id) {
    // Only possible when the idempotency key had expired (24 h) between two attempts.
    deps.logger?.warn(
      { workspaceId, kept: stored, orphan: created.id },
      'a second Stripe customer was created',
    );
  }
  return stored!;
}

export async function customerIdOf(deps: Pick<BillingDeps, 'database'>, workspaceId: string) {
  const [row] = await deps.database.db
    .select({ id: customer.id })
    .from(customer)
    .where(eq(customer.workspaceId, workspaceId));
  return row?.id;
}
