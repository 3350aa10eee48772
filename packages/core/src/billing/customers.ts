import { eq } from 'drizzle-orm';
import { customer, workspace } from '@plinth/db';
import { assertCan } from '../access/index';
import { AppError } from '../errors/index';
import type { MemberActor } from '../tenancy/index';
import type { BillingDeps } from './types';

/**
 * The workspace's Stripe customer id, creating the customer on first use — before any Checkout, so
 * every session and subscription names a customer we already know (ARCHITECTURE §5). The Stripe
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
  // Only values fixed for the workspace go in: an idempotency key replayed with different
  // parameters is an error at Stripe, and two admins may click at the same moment.
  const created = await deps.stripe.customers.create(
    { name: ws.name, metadata: { workspace_id: workspaceId } },
    { idempotencyKey: `plinth-customer-${workspaceId}` },
  );
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
