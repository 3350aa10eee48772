import { and, count, eq, gt } from 'drizzle-orm';
import { invitation, member, type Executor } from '@plinth/db';

/**
 * Seats a workspace uses: its members plus the invitations still pending and unexpired (an accepted
 * invitation becomes a member, so each person counts once). Runs inside the tenant transaction
 * (`invitation` is under RLS). The seat checks (invite, resend, accept), Checkout's seat floor and the
 * billing summary all count this way.
 */
export async function countSeatsInUse(
  tx: Executor,
  workspaceId: string,
  now: Date = new Date(),
): Promise<{ members: number; pendingInvitations: number }> {
  const [members] = await tx.select({ n: count() }).from(member).where(eq(member.workspaceId, workspaceId));
  const [pending] = await tx
    .select({ n: count() })
    .from(invitation)
    .where(
      and(
        eq(invitation.workspaceId, workspaceId),
        eq(invitation.status, 'pending'),
        gt(invitation.expiresAt, now),
      ),
    );
  return { members: members?.n ?? 0, pendingInvitations: pending?.n ?? 0 };
}
