import { and, eq } from 'drizzle-orm';
import { member, type Executor } from '@plinth/db';
import { rankCovers, type Permission } from '../access/index';
import { AppError } from '../errors/index';
import { currentRole } from './members';
import type { MemberActor } from './types';

/**
 * The member rank rule, for acting on something another member owns (their API key, an invitation
 * they sent): nobody touches what belongs to someone above them — the rule that stops an admin from
 * removing or demoting an owner. Judged by both people's roles as of now; someone who has left the
 * workspace outranks nobody. Returns the actor's current role.
 */
export async function assertRankCovers(
  tx: Executor,
  actor: MemberActor,
  permission: Permission,
  ownerUserId: string,
  refusal: string,
): Promise<MemberActor['role']> {
  const actorRole = await currentRole(tx, actor, permission);
  const [owner] = await tx
    .select({ role: member.role })
    .from(member)
    .where(and(eq(member.workspaceId, actor.workspaceId), eq(member.userId, ownerUserId)));
  if (!rankCovers(actorRole, owner?.role)) throw new AppError('forbidden', refusal);
  return actorRole;
}
