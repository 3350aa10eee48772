import { and, asc, eq } from 'drizzle-orm';
import {
  member,
  user,
  withTenant,
  workspace,
  type Database,
  type Executor,
  type MemberRole,
} from '@plinth/db';
import { assertCan, roleRank, type Permission } from '../access/index';
import { emitEvent } from '../events/index';
import { encodeId } from '../public-ids/index';
import { actingUserId } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError, parseInput } from '../errors/index';
import { notify } from '../notifications/index';
import { existingId } from './ids';
import { lockOwners } from './owners';
import { changeRoleInput, type ChangeRoleInput } from './schemas';
import type { MemberActor } from './types';

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  /** The resized avatar's URL (user.image); null shows the initials. */
  image?: string | null;
  role: MemberRole;
  joinedAt: Date;
}

export async function listMembers(deps: { database: Database }, actor: MemberActor): Promise<MemberView[]> {
  assertCan(actor, 'member.read');
  return deps.database.db
    .select({
      userId: member.userId,
      name: user.name,
      email: user.email,
      image: user.image,
      role: member.role,
      joinedAt: member.createdAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.workspaceId, actor.workspaceId))
    .orderBy(asc(user.name));
}

async function targetRole(tx: Executor, workspaceId: string, userId: string) {
  const [row] = await tx
    .select({ role: member.role })
    .from(member)
    .where(and(eq(member.workspaceId, workspaceId), eq(member.userId, userId)))
    .for('update');
  if (!row) throw new AppError('not_found', 'That person is not a member of this workspace.');
  return row.role;
}

/** The actor's role as of now (locked), re-checked against the permission; an API key's creator's. */
export async function currentRole(
  tx: Executor,
  actor: MemberActor,
  permission: Permission,
): Promise<MemberRole> {
  const role = await targetRole(tx, actor.workspaceId, actingUserId(actor)).catch(() => {
    throw new AppError('not_found');
  });
  assertCan({ ...actor, role }, permission);
  return role;
}

/**
 * Changes a member's role. Nobody grants or touches a rank above their own, and the last owner
 * cannot be demoted — checked under a lock on the owner rows, so two demotions at once cannot both
 * succeed.
 */
export async function changeMemberRole(
  deps: { database: Database; appUrl: string },
  actor: MemberActor,
  userId: string,
  input: ChangeRoleInput,
  origin: AuditOrigin = {},
): Promise<MemberView> {
  assertCan(actor, 'member.update_role');
  existingId(userId);
  const { role } = parseInput(changeRoleInput, input);
  return withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const owners = await lockOwners(tx, actor.workspaceId);
    // Judge by the actor's role as of now (under the lock), not as of when the request began: a
    // request that raced a change to the actor's own role must not act with the old one.
    const actorRole = await currentRole(tx, actor, 'member.update_role');
    if (roleRank[role] > roleRank[actorRole]) {
      throw new AppError('forbidden', 'You cannot grant a role above your own.');
    }
    const current = await targetRole(tx, actor.workspaceId, userId);
    if (roleRank[current] > roleRank[actorRole])
      throw new AppError('forbidden', 'You cannot change the role of someone above you.');
    if (current === 'owner' && role !== 'owner' && owners.length === 1) {
      throw new AppError('conflict', 'A workspace needs an owner. Make someone else owner first.');
    }
    const [changed] = await tx
      .update(member)
      .set({ role })
      .from(user)
      .where(
        and(eq(member.workspaceId, actor.workspaceId), eq(member.userId, userId), eq(user.id, member.userId)),
      )
      .returning({
        userId: member.userId,
        name: user.name,
        email: user.email,
        role: member.role,
        joinedAt: member.createdAt,
      });
    await audit(
      tx,
      actor,
      {
        action: 'member.role_changed',
        target: { type: 'user', id: userId },
        metadata: { from: current, to: role },
      },
      origin,
    );
    await emitEvent(tx, actor, 'member.role_changed', {
      user_id: encodeId('user', userId),
      role,
      previous_role: current,
    });
    if (current !== role) {
      const place = await workspaceNames(tx, actor.workspaceId);
      await notify(
        tx,
        {
          recipients: [userId],
          type: 'workspace.role_changed',
          data: { workspaceName: place.name, workspaceSlug: place.slug, role, previousRole: current },
          workspaceId: actor.workspaceId,
        },
        deps,
      );
    }
    return changed!;
  });
}

/** Removes a member (not yourself: that is leaving). Same rank and last-owner rules as above. */
export async function removeMember(
  deps: { database: Database; appUrl: string },
  actor: MemberActor,
  userId: string,
  origin: AuditOrigin = {},
): Promise<void> {
  assertCan(actor, 'member.remove');
  existingId(userId);
  if (userId === actor.id) throw new AppError('invalid_input', 'To remove yourself, leave the workspace.');
  await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const owners = await lockOwners(tx, actor.workspaceId);
    const actorRole = await currentRole(tx, actor, 'member.remove');
    const current = await targetRole(tx, actor.workspaceId, userId);
    if (roleRank[current] > roleRank[actorRole])
      throw new AppError('forbidden', 'You cannot remove someone above you.');
    if (current === 'owner' && owners.length === 1)
      throw new AppError('conflict', 'A workspace needs an owner.');
    await tx.delete(member).where(and(eq(member.workspaceId, actor.workspaceId), eq(member.userId, userId)));
    await audit(
      tx,
      actor,
      { action: 'member.removed', target: { type: 'user', id: userId }, metadata: { role: current } },
      origin,
    );
    await emitEvent(tx, actor, 'member.removed', { user_id: encodeId('user', userId), role: current });
    const place = await workspaceNames(tx, actor.workspaceId);
    await notify(
      tx,
      {
        recipients: [userId],
        type: 'workspace.removed',
        data: { workspaceName: place.name },
        workspaceId: actor.workspaceId,
      },
      deps,
    );
  });
}

async function workspaceNames(tx: Executor, workspaceId: string): Promise<{ name: string; slug: string }> {
  const [place] = await tx
    .select({ name: workspace.name, slug: workspace.slug })
    .from(workspace)
    .where(eq(workspace.id, workspaceId));
  return place!;
}
