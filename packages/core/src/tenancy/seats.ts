import { and, count, eq } from 'drizzle-orm';
import { member, type Executor } from '@plinth/db';
import { assertFeature, entitlementsIn, type Entitlements } from '../entitlements/index';
import { AppError } from '../errors/index';
import { countSeatsInUse } from '../limits/index';

// The seat rules. Each runs under lockWorkspaceLimits, in the transaction that then writes, so the
// count it judges by cannot change before the write commits.

/**
 * A new pending invitation, or an expired one given a fresh week, takes a seat: members plus live
 * pending invitations must stay within the plan. Returns the plan (the mail quota scales with it).
 */
export async function assertSeatForInvitation(tx: Executor, workspaceId: string): Promise<Entitlements> {
  const plan = await entitlementsIn(tx, workspaceId);
  assertFeature(plan, 'invitations');
  const seats = await countSeatsInUse(tx, workspaceId);
  if (seats.members + seats.pendingInvitations >= plan.limits.members) {
    // Existing members are never removed; only new invitations wait for more seats.
    throw new AppError(
      'payment_required',
      plan.seatBased
        ? `All ${plan.limits.members} paid seats of your ${plan.planName} plan are taken (members and pending invitations). Add seats in Manage billing to invite more.`
        : `The ${plan.planName} plan includes ${plan.limits.members} members (including pending invitations). Upgrade to invite more.`,
    );
  }
  return plan;
}

/**
 * An invitee joining needs a member seat. Normally the invitation already holds one; after a
 * downgrade pending invitations can outnumber the seats, and then the first to accept get them.
 */
export async function assertSeatToJoin(tx: Executor, workspaceId: string): Promise<void> {
  const plan = await entitlementsIn(tx, workspaceId);
  const [members] = await tx.select({ n: count() }).from(member).where(eq(member.workspaceId, workspaceId));
  if ((members?.n ?? 0) >= plan.limits.members) {
    throw new AppError(
      'payment_required',
      `This workspace has no free seat: its ${plan.planName} plan includes ${plan.limits.members} members. Ask one of its admins to add seats, then accept again.`,
    );
  }
}

/** Whether `userId` is a member of the workspace already (joining again needs no seat). */
export async function isMember(tx: Executor, workspaceId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.workspaceId, workspaceId), eq(member.userId, userId)));
  return row !== undefined;
}
