'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Button } from '../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../components/ui/confirm-dialog';
import { FormField } from '../../../../../components/ui/form-field';
import { Input } from '../../../../../components/ui/input';
import { flashToast } from '../../../../../components/ui/toast';
import { dateLocale, formatDate } from '../../../../../lib/format';
import { deleteWorkspaceAction } from './actions';

type DeleteWorkspaceFormProps = { slug: string; workspaceName: string; restoreWindowDays: number };

/** Confirmed by typing the workspace's address, so a slip of the mouse cannot delete it. */
export function DeleteWorkspaceForm({ slug, workspaceName, restoreWindowDays }: DeleteWorkspaceFormProps) {
  const [typed, setTyped] = useState('');
  const t = useTranslations('settings.delete');
  const locale = useLocale();

  async function remove(): Promise<string | null> {
    const result = await deleteWorkspaceAction(slug);
    if (!result.ok) return result.error.message;
    flashToast({
      title: t('deleted'),
      description: t('deletedBody', {
        workspace: workspaceName,
        days: restoreWindowDays,
        until: formatDate(result.data.restorableUntil, dateLocale(locale)),
      }),
      duration: 15_000,
    });
    // A full load: the switcher and every page of this workspace must forget it.
    window.location.assign('/app');
    return null;
  }

  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">{t('button')}</Button>}
      title={t('title', { workspace: workspaceName })}
      description={t('description', { days: restoreWindowDays })}
      confirmLabel={t('confirm')}
      destructive
      confirmDisabled={typed.trim() !== slug}
      onClosed={() => setTyped('')}
      onConfirm={remove}
    >
      <FormField label={t('typeToConfirm', { slug })}>
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
