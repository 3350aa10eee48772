import { z } from 'zod';
import { memberRoles } from '@plinth/db';

export const workspaceSlug = z
  .string()
  .trim()
  .max(40, 'Use 3–40 lowercase letters, digits or hyphens.')
  .regex(/^[a-z0-9-]{3,40}$/, 'Use 3–40 lowercase letters, digits or hyphens.');
const workspaceName = z.string().trim().min(1, 'Enter a name.').max(80, 'Use at most 80 characters.');

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

export const acceptInvitationInput = z.strictObject({ token: z.string().min(20).max(200) });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
