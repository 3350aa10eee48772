'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../components/ui/confirm-dialog';
import { flashToast } from '../../../../../components/ui/toast';
import { leaveWorkspaceAction } from './actions';

/**
 * Leaving is refused for the last owner; the server's message says what to do instead. On success
 * the whole app reloads into /app, since every page of this workspace is now a 404 for the person.
 */
export function LeaveWorkspaceButton({ slug, workspaceName }: { slug: string; workspaceName: string }) {
  const t = useTranslations('members.leave');
  async function leave(): Promise<string | null> {
    const result = await leaveWorkspaceAction(slug);
    if (!result.ok) return result.error.message;
    flashToast({
      title: t('left'),
      description: t('leftBody', { workspace: workspaceName }),
    });
    window.location.assign('/app');
    return null;
  }

  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">{t('button')}</Button>}
      title={t('title', { workspace: workspaceName })}
      description={t('description')}
      confirmLabel={t('confirm')}
      destructive
      onConfirm={leave}
    />
  );
}
