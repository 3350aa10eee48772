'use client';

import { useState } from 'react';
import { Button } from '../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../components/ui/confirm-dialog';
import { FormField } from '../../../../../components/ui/form-field';
import { Select } from '../../../../../components/ui/select';
import { useToast } from '../../../../../components/ui/toast';
import { transferOwnershipAction } from './actions';

type Candidate = { userId: string; name: string; email: string };

export function TransferOwnershipForm({ slug, candidates }: { slug: string; candidates: Candidate[] }) {
  const { toast } = useToast();
  const [userId, setUserId] = useState('');
  const chosen = candidates.find((candidate) => candidate.userId === userId);

  if (candidates.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">Invite someone first: there is nobody to transfer to.</p>
    );
  }

  async function transfer(): Promise<string | null> {
    if (!chosen) return 'Choose a member.';
    const result = await transferOwnershipAction(slug, chosen.userId);
    if (!result.ok) return result.error.message;
    toast({
      title: 'Ownership transferred',
      description: `${chosen.name || chosen.email} is now an owner; you are an admin.`,
      variant: 'success',
    });
    return null;
  }

  return (
    <div className="flex max-w-xl flex-wrap items-end gap-3">
      <FormField label="New owner" className="min-w-64 flex-1">
        <Select value={userId} onChange={(event) => setUserId(event.target.value)}>
          <option value="">Choose a member…</option>
          {candidates.map((candidate) => (
            <option key={candidate.userId} value={candidate.userId}>
              {candidate.name ? `${candidate.name} (${candidate.email})` : candidate.email}
            </option>
          ))}
        </Select>
      </FormField>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" disabled={!chosen}>
            Transfer ownership
          </Button>
        }
        title="Transfer ownership?"
        description={
          chosen
            ? `${chosen.name || chosen.email} becomes an owner and you become an admin. Only an owner can undo this.`
            : undefined
        }
        confirmLabel="Transfer ownership"
        destructive
        onConfirm={transfer}
      />
    </div>
  );
}
