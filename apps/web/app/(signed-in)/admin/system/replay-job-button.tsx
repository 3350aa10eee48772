'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '../../../../components/ui/button';
import { ConfirmDialog } from '../../../../components/ui/confirm-dialog';
import { useToast } from '../../../../components/ui/toast';
import { replayJobAction } from './actions';

type ReplayJobButtonProps = { queue: string; jobId: string };

/** Asks first: a replay runs the job's work again (a mail is sent again, a webhook delivered again). */
export function ReplayJobButton({ queue, jobId }: ReplayJobButtonProps) {
  const router = useRouter();
  const { toast } = useToast();
  const t = useTranslations('admin.system.replayButton');

  async function confirmReplay(): Promise<string | null> {
    const result = await replayJobAction(queue, jobId);
    if (!result.ok) return result.error.message;
    toast({
      title: t('queued'),
      description: `${queue} · ${result.data.replayJobId}`,
      variant: 'success',
    });
    router.refresh();
    return null;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary" aria-label={t('label', { id: jobId })}>
          {t('trigger')}
        </Button>
      }
      title={t('title')}
      description={t('description', { queue })}
      confirmLabel={t('confirm')}
      onConfirm={confirmReplay}
    />
  );
}
