import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  invitation,
  member,
  user,
  withTenant,
  workspace,
  type Database,
  type Executor,
  type Invitation,
} from '@plinth/db';
import { assertCan, rankCovers, roleRank, type Permission } from '../access/index';
import { actingUserId, type Actor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { entitlementsIn, type Entitlements } from '../entitlements/index';
import { AppError, parseInput } from '../errors/index';
import { lockWorkspaceLimits } from '../limits/index';
import type { AnyMailRequest } from '../mail/index';
import { emitEvent } from '../events/index';
import { enqueueEvent } from '../outbox/index';
import { notify } from '../notifications/index';
import { encodeId } from '../public-ids/index';
import { consumeRateLimit, invitationMailQuotas } from '../rate-limit/index';
import { existingId } from './ids';
import { assertRankCovers } from './rank';
import { assertSeatForInvitation, assertSeatToJoin, isMember } from './seats';
import { acceptInvitationInput, inviteInput, type AcceptInvitationInput, type InviteInput } from './schemas';
import type { MemberActor, TenancyDeps } from './types';
import { activateIfRuleMet } from '../onboarding/index';

export const INVITATION_TTL_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type InvitationView = Pick<
  Invitation,
  'id' | 'email' | 'role' | 'status' | 'expiresAt' | 'createdAt' | 'invitedBy'
>;

const view = {
  id: invitation.id,
  email: invitation.email,
  role: invitation.role,
  status: invitation.status,
  expiresAt: invitation.expiresAt,
  createdAt: invitation.createdAt,
  invitedBy: invitation.invitedBy,
};

/**
 * Counts one invitation mail against the workspace's and the inviter's daily quotas, in the
 * transaction that sends it (a refused invitation uses none). Runs under the limits lock.
 */
async function consumeInvitationMailQuota(
  client: Pick<pg.PoolClient, 'query'>,
  actor: MemberActor,
  plan: Pick<Entitlements, 'limits'>,
): Promise<void> {
  const { perWorkspace, perWorkspacePerSeat, perInviter } = invitationMailQuotas;
  const workspaceRule = {
    ...perWorkspace,
    limit: Math.max(perWorkspace.limit, perWorkspacePerSeat * plan.limits.members),
  };
  const byWorkspace = await consumeRateLimit(client, workspaceRule, actor.workspaceId);
  if (!byWorkspace.allowed) {
    throw quotaExceeded(
      `This workspace has sent the ${workspaceRule.limit} invitation emails it may send in 24 hours (new and resent ones, including invitations revoked since).`,
      byWorkspace.retryAfterSeconds,
    );
  }
  const byInviter = await consumeRateLimit(client, perInviter, actingUserId(actor));
  if (!byInviter.allowed) {
    throw quotaExceeded(
      `You have sent the ${perInviter.limit} invitation emails one person may send in 24 hours, across all your workspaces.`,
      byInviter.retryAfterSeconds,
    );
  }
}

function quotaExceeded(message: string, retryAfterSeconds: number): AppError {
  const hours = Math.max(1, Math.ceil(retryAfterSeconds / 3600));
  return new AppError('rate_limited', `${message} Try again in ${hours} hour${hours === 1 ? '' : 's'}.`, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** Sends the invitation mail through the outbox: it leaves only if the invitation committed. */
async function mailInvitation(
  tx: Executor,
  deps: TenancyDeps,
  actor: MemberActor,
  details: { email: string; role: Invitation['role']; token: string; expiresAt: Date },
) {
  const [names] = await tx
    .select({ workspaceName: workspace.name, inviterName: user.name })
    .from(workspace)
    .innerJoin(user, eq(user.id, actingUserId(actor)))
    .where(eq(workspace.id, actor.workspaceId));
  const url = new URL('/invitations/accept', deps.appUrl);
  url.searchParams.set('token', details.token);
  // Someone who already has an account is told in the app too, and their preferences decide the
  // mail; an address without an account can only be mailed.
  const [existing] = await tx
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.email, details.email), isNull(user.deletedAt)));
  if (existing) {
    await notify(
      tx,
      {
        recipients: [existing.id],
        type: 'workspace.invitation_received',
        data: {
          workspaceName: names!.workspaceName,
          inviterName: names!.inviterName,
          role: details.role,
          acceptUrl: url.toString(),
          expiresAt: details.expiresAt.toISOString(),
        },
        workspaceId: actor.workspaceId,
      },
      deps,
    );
    return;
  }
  const mail: AnyMailRequest = {
    template: 'invitation',
    to: details.email,
    data: {
      workspaceName: names!.workspaceName,
      inviterName: names!.inviterName,
      role: details.role,
      url: url.toString(),
      expiresAt: details.expiresAt.toISOString(),
    },
  };
  await enqueueEvent(tx, {
    topic: 'mail.send',
    payload: mail as unknown as Record<string, unknown>,
    workspaceId: actor.workspaceId,
  });
}

/**
 * Invites an email address with a role. Refused above the inviter's own role, for someone who is
 * already a member, twice for the same address, and past the plan's seat limit (members plus
 * pending invitations).
 */
export async function createInvitation(
  deps: TenancyDeps,
  actor: MemberActor,
  input: InviteInput,
  origin: AuditOrigin = {},
): Promise<InvitationView> {
  assertCan(actor, 'member.invite');
  const { email, role } = parseInput(inviteInput, input);
  if (roleRank[role] > roleRank[actor.role]) {
    throw new AppError('forbidden', 'You cannot invite someone above your own role.', {
      fields: { role: 'Choose a role at or below yours.' },
    });
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
  return withTenant(deps.database, actor.workspaceId, actor, async (tx, client) => {
    // Under the limits lock: invitations at once cannot both take the last seat or the last mail.
    await lockWorkspaceLimits(tx, actor.workspaceId);
    const [already] = await tx
      .select({ id: member.id })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(and(eq(member.workspaceId, actor.workspaceId), eq(user.email, email)));
    if (already)
      throw new AppError('conflict', 'That person is already a member.', {
        fields: { email: 'Already a member.' },
      });
    const plan = await assertSeatForInvitation(tx, actor.workspaceId);
    const [created] = await tx
      .insert(invitation)
      .values({
        workspaceId: actor.workspaceId,
        email,
        role,
        tokenHash: hashToken(token),
        expiresAt,
        invitedBy: actingUserId(actor),
      })
      .onConflictDoNothing()
      .returning(view);
    if (!created) {
      throw new AppError('conflict', 'That address already has a pending invitation. Resend it instead.', {
        fields: { email: 'Already invited.' },
      });
    }
    await consumeInvitationMailQuota(client, actor, plan);
    await mailInvitation(tx, deps, actor, { email, role, token, expiresAt });
    await audit(
      tx,
      actor,
      {
        action: 'invitation.sent',
        target: { type: 'invitation', id: created.id },
        metadata: { email, role },
      },
      origin,
    );
    await emitEvent(tx, actor, 'invitation.created', {
      invitation: {
        id: encodeId('inv', created.id),
        email: created.email,
        role: created.role,
        invited_by: encodeId('user', created.invitedBy),
        expires_at: created.expiresAt.toISOString(),
        created_at: created.createdAt.toISOString(),
      },
    });
    return created;
  });
}

export async function listInvitations(
  deps: { database: Database },
  actor: MemberActor,
): Promise<InvitationView[]> {
  assertCan(actor, 'invitation.read');
  return withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    tx
      .select(view)
      .from(invitation)
      .where(and(eq(invitation.workspaceId, actor.workspaceId), eq(invitation.status, 'pending')))
      .orderBy(desc(invitation.createdAt)),
  );
}

export async function revokeInvitation(
  deps: { database: Database },
  actor: MemberActor,
  invitationId: string,
  origin: AuditOrigin = {},
): Promise<void> {
  assertCan(actor, 'invitation.revoke');
  existingId(invitationId);
  await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    await pendingInvitationWithinRank(tx, actor, 'invitation.revoke', invitationId);
    await tx
      .update(invitation)
      .set({ status: 'revoked' })
      .where(
        and(
          eq(invitation.workspaceId, actor.workspaceId),
          eq(invitation.id, invitationId),
          eq(invitation.status, 'pending'),
        ),
      );
    await audit(
      tx,
      actor,
      { action: 'invitation.revoked', target: { type: 'invitation', id: invitationId } },
      origin,
    );
  });
}

/**
 * The pending invitation, locked, if the actor may act on it: not one that grants a role above the
 * actor's (they could not have sent it), nor one sent by someone who outranks them.
 */
async function pendingInvitationWithinRank(
  tx: Executor,
  actor: MemberActor,
  permission: Permission,
  invitationId: string,
): Promise<Pick<Invitation, 'email' | 'role' | 'expiresAt'>> {
  const [found] = await tx
    .select({
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      invitedBy: invitation.invitedBy,
    })
    .from(invitation)
    .where(
      and(
        eq(invitation.workspaceId, actor.workspaceId),
        eq(invitation.id, invitationId),
        eq(invitation.status, 'pending'),
      ),
    )
    .for('update');
  if (!found) throw new AppError('not_found', 'No pending invitation with that id.');
  const actorRole = await assertRankCovers(
    tx,
    actor,
    permission,
    found.invitedBy,
    'You cannot change an invitation sent by someone above you.',
  );
  if (!rankCovers(actorRole, found.role)) {
    throw new AppError('forbidden', 'You cannot change an invitation to a role above your own.');
  }
  return found;
}

/**
 * A fresh token and a fresh 7 days; the old link stops working. An expired invitation holds no seat
 * any more, so reviving one needs a free seat like a new invitation; every resend is a mail and
 * counts against the daily quotas.
 */
export async function resendInvitation(
  deps: TenancyDeps,
  actor: MemberActor,
  invitationId: string,
  origin: AuditOrigin = {},
): Promise<void> {
  assertCan(actor, 'member.invite');
  existingId(invitationId);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
  await withTenant(deps.database, actor.workspaceId, actor, async (tx, client) => {
    await lockWorkspaceLimits(tx, actor.workspaceId);
    const found = await pendingInvitationWithinRank(tx, actor, 'member.invite', invitationId);
    const plan =
      found.expiresAt.getTime() <= Date.now()
        ? await assertSeatForInvitation(tx, actor.workspaceId)
        : await entitlementsIn(tx, actor.workspaceId);
    await tx
      .update(invitation)
      .set({ tokenHash: hashToken(token), expiresAt })
      .where(and(eq(invitation.workspaceId, actor.workspaceId), eq(invitation.id, invitationId)));
    await consumeInvitationMailQuota(client, actor, plan);
    await mailInvitation(tx, deps, actor, { email: found.email, role: found.role, token, expiresAt });
    await audit(
      tx,
      actor,
      { action: 'invitation.resent', target: { type: 'invitation', id: invitationId } },
      origin,
    );
  });
}

/** What the holder of an invitation link may learn before signing in; nothing else. */
export type InvitationPreview =
  | {
      state: 'valid';
      workspaceName: string;
      inviterName: string;
      /** The address it was sent to (the link holder received it there): prefills sign-in. */
      email: string;
      role: Invitation['role'];
      expiresAt: Date;
    }
  /** `invalid` covers a malformed token and one that matches no invitation (indistinguishable). */
  | { state: 'invalid' | 'expired' | 'accepted' | 'revoked' };

/**
 * Reads the one invitation a token unlocks (RLS via app.invitation_token_hash, as accepting does), so
 * the accept page can say who invited whom to what before anyone signs in, and say at once when the
 * link is dead. A dead link reveals only why it is dead; a workspace deleted since reads as invalid.
 */
export async function previewInvitation(
  deps: { database: Database },
  token: string,
): Promise<InvitationPreview> {
  if (!acceptInvitationInput.safeParse({ token }).success) return { state: 'invalid' };
  const tokenHash = hashToken(token);
  return deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.invitation_token_hash', ${tokenHash}, true)`);
    const [found] = await tx
      .select({
        workspaceId: invitation.workspaceId,
        email: invitation.email,
        role: invitation.role,
        status: invitation.status,
        expiresAt: invitation.expiresAt,
        invitedBy: invitation.invitedBy,
      })
      .from(invitation)
      .where(eq(invitation.tokenHash, tokenHash));
    if (!found) return { state: 'invalid' };
    if (found.status === 'accepted' || found.status === 'revoked') return { state: found.status };
    if (found.status !== 'pending') return { state: 'invalid' };
    if (found.expiresAt.getTime() < Date.now()) return { state: 'expired' };
    await tx.execute(sql`select set_config('app.workspace_id', ${found.workspaceId}, true)`);
    const [context] = await tx
      .select({ workspaceName: workspace.name, inviterName: user.name })
      .from(workspace)
      .leftJoin(user, eq(user.id, found.invitedBy))
      .where(and(eq(workspace.id, found.workspaceId), isNull(workspace.deletedAt)));
    if (!context) return { state: 'invalid' };
    return {
      state: 'valid',
      workspaceName: context.workspaceName,
      // The inviter may have deleted their account since; the invitation still stands.
      inviterName: context.inviterName ?? 'A former member',
      email: found.email,
      role: found.role,
      expiresAt: found.expiresAt,
    };
  });
}

/**
 * Accepts an invitation for the signed-in person. The token alone unlocks the one invitation (RLS
 * via app.invitation_token_hash); the person's verified email must be the invited one; the status
 * flip is conditional, so of two simultaneous accepts exactly one creates the membership.
 */
export async function acceptInvitation(
  deps: { database: Database },
  person: Actor & { email: string; emailVerified: boolean },
  input: AcceptInvitationInput,
  origin: AuditOrigin = {},
): Promise<{ workspaceSlug: string }> {
  if (person.type !== 'user') throw new AppError('forbidden');
  const { token } = parseInput(acceptInvitationInput, input);
  const tokenHash = hashToken(token);
  return deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.invitation_token_hash', ${tokenHash}, true)`);
    const [found] = await tx.select().from(invitation).where(eq(invitation.tokenHash, tokenHash));
    if (!found || found.status !== 'pending')
      throw new AppError('not_found', 'This invitation is no longer valid.');
    if (found.expiresAt.getTime() < Date.now())
      throw new AppError('not_found', 'This invitation has expired. Ask for a new one.');
    if (found.email !== person.email.trim().toLowerCase()) {
      throw new AppError(
        'forbidden',
        `This invitation was sent to ${found.email}. Sign in with that address to accept it.`,
      );
    }
    if (!person.emailVerified) throw new AppError('email_not_verified');
    const [live] = await tx
      .select({ id: workspace.id, suspendedAt: workspace.suspendedAt })
      .from(workspace)
      .where(and(eq(workspace.id, found.workspaceId), isNull(workspace.deletedAt)));
    if (!live) throw new AppError('not_found', 'This invitation is no longer valid.');
    // Nobody joins a suspended workspace; the invitation stays pending for when it is lifted.
    if (live.suspendedAt) throw new AppError('workspace_suspended');
    await tx.execute(sql`select set_config('app.workspace_id', ${found.workspaceId}, true)`);
    // Joining takes a seat (unless the person is a member already): judged under the limits lock.
    await lockWorkspaceLimits(tx, found.workspaceId);
    if (!(await isMember(tx, found.workspaceId, person.id))) await assertSeatToJoin(tx, found.workspaceId);
    const claimed = await tx
      .update(invitation)
      .set({ status: 'accepted', acceptedBy: person.id })
      .where(and(eq(invitation.id, found.id), eq(invitation.status, 'pending')))
      .returning({ id: invitation.id });
    if (claimed.length === 0) throw new AppError('not_found', 'This invitation is no longer valid.');
    await tx
      .insert(member)
      .values({ workspaceId: found.workspaceId, userId: person.id, role: found.role })
      .onConflictDoNothing({ target: [member.workspaceId, member.userId] });
    // A second member can make the activation rule true (docs/decisions/0036).
    await activateIfRuleMet(tx, found.workspaceId);
    const actor: Actor = { type: 'user', id: person.id, workspaceId: found.workspaceId, role: found.role };
    await audit(
      tx,
      actor,
      {
        action: 'invitation.accepted',
        target: { type: 'invitation', id: found.id },
        metadata: { role: found.role },
      },
      origin,
    );
    await emitEvent(tx, actor, 'invitation.accepted', {
      invitation_id: encodeId('inv', found.id),
      user_id: encodeId('user', person.id),
      role: found.role,
    });
    await emitEvent(tx, actor, 'member.added', { user_id: encodeId('user', person.id), role: found.role });
    const [ws] = await tx
      .select({ slug: workspace.slug })
      .from(workspace)
      .where(eq(workspace.id, found.workspaceId));
    return { workspaceSlug: ws!.slug };
  });
}
