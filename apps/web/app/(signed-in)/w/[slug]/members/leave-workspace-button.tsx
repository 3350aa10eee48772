'use client';

import { Button } from '../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../components/ui/confirm-dialog';
import { flashToast } from '../../../../../components/ui/toast';
import { leaveWorkspaceAction } from './actions';

/**
 * Leaving is refused for the last owner; the server's message says what to do instead. On success
 * the whole app reloads into /app, since every page of this workspace is now a 404 for the person.
 */
export function LeaveWorkspaceButton({ slug, workspaceName }: { slug: string; workspaceName: string }) {
  async function leave(): Promise<string | null> {
    const result = await leaveWorkspaceAction(slug);
    if (!result.ok) return result.error.message;
    flashToast({
      title: 'You left the workspace',
      description: `You no longer have access to ${workspaceName}.`,
    });
    window.location.assign('/app');
    return null;
  }

  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">Leave workspace</Button>}
      title={`Leave ${workspaceName}?`}
      description="You lose access to its projects at once."
      confirmLabel="Leave workspace"
      destructive
      onConfirm={leave}
    />
  );
}
