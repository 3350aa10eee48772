import { z } from 'zod';
import { memberRoles } from '@plinth/db';
import { singleLineText } from '../text/index';

/** A workspace slug's whole alphabet: what is not a slug names no workspace (and never reaches SQL). */
export const slugPattern = /^[a-z0-9-]{3,40}$/;

export const workspaceSlug = z
  .string()
  .trim()
  .max(40, 'Use 3–40 lowercase letters, digits or hyphens.')
  .regex(slugPattern, 'Use 3–40 lowercase letters, digits or hyphens.');
const workspaceName = singleLineText({ min: 1, max: 80, minMessage: 'Enter a name.' });

export const createWorkspaceInput = z.strictObject({ name: workspaceName, slug: workspaceSlug });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceInput>;

export const renameWorkspaceInput = z.strictObject({ name: workspaceName });
export type RenameWorkspaceInput = z.infer<typeof renameWorkspaceInput>;

export const memberRole = z.enum(memberRoles);

export const changeRoleInput = z.strictObject({ role: memberRole });
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const transferOwnershipInput = z.strictObject({ userId: z.uuid() });
export type TransferOwnershipInput = z.infer<typeof transferOwnershipInput>;

export const inviteInput = z.strictObject({
  email: z
    .email()
    .max(254, 'Use at most 254 characters.')
    .transform((email) => email.trim().toLowerCase()),
  role: memberRole,
});
export type InviteInput = z.input<typeof inviteInput>;

/** Invitation tokens are 32 random bytes in base64url; anything else is no token of ours. */
export const acceptInvitationInput = z.strictObject({
  token: z
    .string()
    .min(20, 'This invitation link is incomplete.')
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'This invitation link is malformed.'),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
