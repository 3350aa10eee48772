'use server';

import { acceptInvitation } from '@plinth/core/tenancy';
import { runAction, type ActionResult } from '../../../../lib/action-result';
import { actionOrigin, actionPerson, tenancyDeps } from '../../../../lib/workspace-context';

/**
 * Accepts the invitation for the signed-in person. Core checks the token, its expiry and that the
 * person's verified email is the invited one; the page then goes to the workspace.
 */
export async function acceptInvitationAction(
  token: string,
): Promise<ActionResult<{ workspaceSlug: string }>> {
  return runAction(async () => {
    const person = await actionPerson();
    return acceptInvitation(
      tenancyDeps(),
      {
        type: 'user',
        id: person.userId,
        email: person.email,
        emailVerified: person.emailVerified,
        ...(person.impersonatedBy ? { impersonatorId: person.impersonatedBy } : {}),
      },
      { token },
      await actionOrigin(),
    );
  });
}
