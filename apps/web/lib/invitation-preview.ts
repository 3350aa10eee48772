import { cache } from 'react';
import { serverContext } from '@plinth/core/server-context';
import { previewInvitation, type InvitationPreview } from '@plinth/core/tenancy';

const acceptPath = '/invitations/accept';

/** The preview of the invitation a token unlocks, once per render. */
export const invitationPreview = cache((token: string): Promise<InvitationPreview> =>
  previewInvitation(serverContext(), token),
);

/**
 * The invited address, when `next` (a safe local path) is an invitation link that still works: the
 * sign-in and sign-up forms start with it filled in. The address never travels in a URL of its own.
 */
export async function invitedEmailFor(next: string): Promise<string | undefined> {
  const url = new URL(next, 'http://local');
  if (url.pathname !== acceptPath) return undefined;
  const token = url.searchParams.get('token');
  if (!token) return undefined;
  const preview = await invitationPreview(token);
  return preview.state === 'valid' ? preview.email : undefined;
}
