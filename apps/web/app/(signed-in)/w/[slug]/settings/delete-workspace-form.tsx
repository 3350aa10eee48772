'use client';

import { useState } from 'react';
import { Button } from '../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../components/ui/confirm-dialog';
import { FormField } from '../../../../../components/ui/form-field';
import { Input } from '../../../../../components/ui/input';
import { flashToast } from '../../../../../components/ui/toast';
import { formatDate } from '../../../../../lib/format';
import { deleteWorkspaceAction } from './actions';

type DeleteWorkspaceFormProps = { slug: string; workspaceName: string; restoreWindowDays: number };

/** Confirmed by typing the workspace's address, so a slip of the mouse cannot delete it. */
export function DeleteWorkspaceForm({ slug, workspaceName, restoreWindowDays }: DeleteWorkspaceFormProps) {
  const [typed, setTyped] = useState('');

  async function remove(): Promise<string | null> {
    const result = await deleteWorkspaceAction(slug);
    if (!result.ok) return result.error.message;
    flashToast({
      title: 'Workspace deleted',
      description: `${workspaceName} can be restored for ${restoreWindowDays} days (until ${formatDate(result.data.restorableUntil)}).`,
      duration: 15_000,
    });
    // A full load: the switcher and every page of this workspace must forget it.
    window.location.assign('/app');
    return null;
  }

  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">Delete workspace</Button>}
      title={`Delete ${workspaceName}?`}
      description={`Members lose access at once. Owners can restore it within ${restoreWindowDays} days.`}
      confirmLabel="Delete workspace"
      destructive
      confirmDisabled={typed.trim() !== slug}
      onClosed={() => setTyped('')}
      onConfirm={remove}
    >
      <FormField label={`Type ${slug} to confirm`}>
        <Input
          name="confirm"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </FormField>
    </ConfirmDialog>
  );
}
