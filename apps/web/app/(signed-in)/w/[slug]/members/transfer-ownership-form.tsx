'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../components/ui/confirm-dialog';
import { FormField } from '../../../../../components/ui/form-field';
import { Select } from '../../../../../components/ui/select';
import { useToast } from '../../../../../components/ui/toast';
import { transferOwnershipAction } from './actions';

type Candidate = { userId: string; name: string; email: string };

export function TransferOwnershipForm({ slug, candidates }: { slug: string; candidates: Candidate[] }) {
  const { toast } = useToast();
  const t = useTranslations('members.transfer');
  const [userId, setUserId] = useState('');
  const chosen = candidates.find((candidate) => candidate.userId === userId);

  if (candidates.length === 0) {
    return <p className="text-sm text-muted-foreground">{t('nobody')}</p>;
  }

  async function transfer(): Promise<string | null> {
    if (!chosen) return t('choose');
    const result = await transferOwnershipAction(slug, chosen.userId);
    if (!result.ok) return result.error.message;
    toast({
      title: t('done'),
      description: t('doneBody', { who: chosen.name || chosen.email }),
      variant: 'success',
    });
    return null;
  }

  return (
    <div className="flex max-w-xl flex-wrap items-end gap-3">
      <FormField label={t('newOwner')} className="min-w-64 flex-1">
        <Select value={userId} onChange={(event) => setUserId(event.target.value)}>
          <option value="">{t('placeholder')}</option>
          {candidates.map((candidate) => (
            <option key={candidate.userId} value={candidate.userId}>
              {candidate.name
                ? t('candidate', { name: candidate.name, email: candidate.email })
                : candidate.email}
            </option>
          ))}
        </Select>
      </FormField>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" disabled={!chosen}>
            {t('button')}
          </Button>
        }
        title={t('title')}
        description={chosen ? t('description', { who: chosen.name || chosen.email }) : undefined}
        confirmLabel={t('confirm')}
        destructive
        onConfirm={transfer}
      />
    </div>
  );
}
