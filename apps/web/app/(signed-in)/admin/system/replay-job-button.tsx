'use client';

import { useRouter } from 'next/navigation';
import { Button } from '../../../../components/ui/button';
import { ConfirmDialog } from '../../../../components/ui/confirm-dialog';
import { useToast } from '../../../../components/ui/toast';
import { replayJobAction } from './actions';

type ReplayJobButtonProps = { queue: string; jobId: string };

/** Asks first: a replay runs the job's work again (a mail is sent again, a webhook delivered again). */
export function ReplayJobButton({ queue, jobId }: ReplayJobButtonProps) {
  const router = useRouter();
  const { toast } = useToast();

  async function confirmReplay(): Promise<string | null> {
    const result = await replayJobAction(queue, jobId);
    if (!result.ok) return result.error.message;
    toast({
      title: 'Job queued again',
      description: `${queue} · ${result.data.replayJobId}`,
      variant: 'success',
    });
    router.refresh();
    return null;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary" aria-label={`Replay job ${jobId}`}>
          Replay
        </Button>
      }
      title="Replay this job?"
      description={`Its data is enqueued again on ${queue} as a new job, once, and the replay is recorded in the audit log under your name. Its work runs again: make sure the cause of the failure is fixed.`}
      confirmLabel="Replay job"
      onConfirm={confirmReplay}
    />
  );
}
