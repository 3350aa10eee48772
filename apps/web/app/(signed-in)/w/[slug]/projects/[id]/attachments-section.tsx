'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '../../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../../components/ui/confirm-dialog';
import { useToast } from '../../../../../../components/ui/toast';
import { formatBytes } from '../../../../../../lib/format';
import { sendToStorage } from '../../../../../../lib/upload-to-storage';
import { useBackoffPoll } from '../../../../../../lib/use-backoff-poll';
import {
  attachmentDownloadAction,
  completeAttachmentAction,
  deleteAttachmentAction,
  startAttachmentUploadAction,
} from './actions';
import type { AttachmentItem } from './attachment-item';

type AttachmentsSectionProps = {
  slug: string;
  projectId: string;
  items: AttachmentItem[];
  /** From can() in the page: the buttons are hidden from roles that may not; the server decides. */
  mayUpload: boolean;
  mayDelete: boolean;
};

export function AttachmentsSection({
  slug,
  projectId,
  items,
  mayUpload,
  mayDelete,
}: AttachmentsSectionProps) {
  const router = useRouter();
  const { toast } = useToast();
  const t = useTranslations('projects.files');
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scanning = items.some((item) => item.status === 'pending_scan');

  // A file waits for the virus scan after its upload: look again, less and less often, until it is
  // ready (for about five minutes).
  const scanTakesLong = useBackoffPoll(scanning, () => router.refresh());

  async function upload(file: File) {
    setError(null);
    setProgress({ name: file.name, fraction: 0 });
    try {
      const started = await startAttachmentUploadAction(slug, projectId, {
        name: file.name,
        contentType: file.type || 'application/octet-stream',
        size: file.size,
      });
      if (!started.ok) {
        setError(Object.values(started.error.fields ?? {})[0] ?? started.error.message);
        return;
      }
      const status = await sendToStorage(started.data.upload, file, (fraction) =>
        setProgress({ name: file.name, fraction }),
      );
      if (status < 200 || status >= 300) {
        setError(t('storageRefused'));
        return;
      }
      const completed = await completeAttachmentAction(slug, started.data.file.id);
      if (!completed.ok) {
        setError(Object.values(completed.error.fields ?? {})[0] ?? completed.error.message);
        return;
      }
      toast({ title: t('attached'), description: t('attachedBody', { name: file.name }) });
      router.refresh();
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  }

  async function download(item: AttachmentItem) {
    const result = await attachmentDownloadAction(slug, item.id);
    if (!result.ok) {
      toast({ title: t('downloadFailed'), description: result.error.message });
      return;
    }
    window.location.assign(result.data.url);
  }

  return (
    <div className="grid gap-4">
      {mayUpload ? (
        <div className="grid gap-2">
          <label className="text-sm font-medium" htmlFor="attachment-input">
            {t('attach')}
          </label>
          <input
            id="attachment-input"
            ref={input}
            type="file"
            disabled={progress !== null}
            className="text-sm"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          {progress ? (
            <div className="grid gap-1">
              <div
                role="progressbar"
                aria-label={t('uploadingLabel', { name: progress.name })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(progress.fraction * 100)}
                className="h-2 w-full overflow-hidden rounded bg-muted"
              >
                <div
                  className="h-full bg-primary transition-all"
                  style={{ width: `${progress.fraction * 100}%` }}
                />
              </div>
              <p className="text-xs text-muted-foreground">
                {t('uploadingProgress', {
                  name: progress.name,
                  progress: Math.round(progress.fraction * 100) / 100,
                })}
              </p>
            </div>
          ) : null}
          {error ? (
            <p role="alert" data-testid="upload-error" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('none')}</p>
      ) : (
        <ul className="divide-y rounded border" aria-label={t('listLabel')}>
          {items.map((item) => (
            <li key={item.id} className="flex items-center justify-between gap-3 p-3 text-sm">
              <div className="min-w-0">
                <p className="truncate font-medium">{item.name}</p>
                <p className="text-xs text-muted-foreground">
                  {formatBytes(item.size)}
                  {item.status === 'pending_scan'
                    ? scanTakesLong
                      ? t('scanningSlow')
                      : t('scanning')
                    : item.status === 'pending'
                      ? t('uploading')
                      : ''}
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                {item.status === 'ready' ? (
                  <Button variant="secondary" size="sm" onClick={() => void download(item)}>
                    {t('download')}
                  </Button>
                ) : null}
                {mayDelete ? (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm">
                        {t('delete')}
                      </Button>
                    }
                    title={t('deleteTitle')}
                    description={t('deleteDescription', { name: item.name })}
                    confirmLabel={t('deleteConfirm')}
                    destructive
                    onConfirm={async () => {
                      const result = await deleteAttachmentAction(slug, item.id);
                      if (!result.ok) return result.error.message;
                      router.refresh();
                      return null;
                    }}
                  />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
