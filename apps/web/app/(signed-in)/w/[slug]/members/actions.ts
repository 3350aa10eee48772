'use server';

import { revalidatePath } from 'next/cache';
import {
  changeMemberRole,
  createInvitation,
  leaveWorkspace,
  removeMember,
  resendInvitation,
  revokeInvitation,
  transferOwnership,
  type ChangeRoleInput,
  type InviteInput,
} from '@plinth/core/tenancy';
import { runAction, type ActionResult } from '../../../../../lib/action-result';
import { actionMember, actionOrigin, idFromClient, tenancyDeps } from '../../../../../lib/workspace-context';

// Glue only: the member's actor from the session and the slug, one core call, the result mapped.
// Rank rules, the last-owner lock and seat limits live in core, shared with /api/v1.

export async function inviteMemberAction(
  slug: string,
  input: InviteInput,
): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const invitation = await createInvitation(tenancyDeps(), actor, input, await actionOrigin());
    revalidatePath(`/w/${slug}/members`);
    return { email: invitation.email };
  });
}

export async function resendInvitationAction(slug: string, invitationId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await resendInvitation(tenancyDeps(), actor, idFromClient(invitationId), await actionOrigin());
    revalidatePath(`/w/${slug}/members`);
    return null;
  });
}

export async function revokeInvitationAction(slug: string, invitationId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await revokeInvitation(tenancyDeps(), actor, idFromClient(invitationId), await actionOrigin());
    revalidatePath(`/w/${slug}/members`);
    return null;
  });
}

export async function changeMemberRoleAction(
  slug: string,
  userId: string,
  input: ChangeRoleInput,
): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await changeMemberRole(tenancyDeps(), actor, idFromClient(userId), input, await actionOrigin());
    // One's own role may have changed: the switcher and the nav show it.
    revalidatePath('/', 'layout');
    return null;
  });
}

export async function removeMemberAction(slug: string, userId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await removeMember(tenancyDeps(), actor, idFromClient(userId), await actionOrigin());
    revalidatePath(`/w/${slug}/members`);
    return null;
  });
}

export async function transferOwnershipAction(slug: string, userId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await transferOwnership(tenancyDeps(), actor, { userId: idFromClient(userId) }, await actionOrigin());
    revalidatePath('/', 'layout');
    return null;
  });
}

/** No revalidation: this page is no longer the person's to see; the browser reloads into /app. */
export async function leaveWorkspaceAction(slug: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    await leaveWorkspace(tenancyDeps(), actor, await actionOrigin());
    return null;
  });
}
