'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '../../lib/action-result';
import type { ImageState } from '../../lib/image-state';
import { sendToStorage } from '../../lib/upload-to-storage';
import { useBackoffPoll } from '../../lib/use-backoff-poll';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Picture } from '../ui/picture';
import { useToast } from '../ui/toast';

export type { ImageState };

export interface ImageUploadActions {
  start(input: {
    name: string;
    contentType: string;
    size: number;
  }): Promise<ActionResult<{ id: string; upload: { url: string; fields: Record<string, string> } }>>;
  complete(id: string): Promise<ActionResult<ImageState>>;
  state(): Promise<ActionResult<ImageState | null>>;
  remove(): Promise<ActionResult>;
}

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

type ImageUploadSectionProps = {
  id: string;
  title: string;
  description: string;
  /** Whose initials show until the resized image exists. */
  name: string;
  fallback?: string;
  shape: 'circle' | 'square';
  /** What the image is: a person's picture or a workspace's logo (ui.imageUpload words each). */
  subject: 'picture' | 'logo';
  /** The current image (null: none); undefined when this server has no file storage. */
  image: ImageState | null | undefined;
  actions: ImageUploadActions;
};

/**
 * An avatar or logo card: upload straight to storage with a progress bar, then the server checks
 * it (size, type, first bytes) and a job resizes it; the initials show until the resized image
 * exists, and this card looks again, less and less often, until then (for about five minutes).
 */
export function ImageUploadSection({
  id,
  title,
  description,
  name,
  fallback,
  shape,
  subject,
  image: initial,
  actions,
}: ImageUploadSectionProps) {
  const t = useTranslations('ui.imageUpload');
  const router = useRouter();
  const { toast } = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [avatar, setAvatar] = useState(initial);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resizing = avatar?.status === 'ready' && !avatar.urls;

  useEffect(() => setAvatar(initial), [initial]);

  // The resize job runs after the upload completes: look again until its images exist.
  const gaveUp = useBackoffPoll(resizing, () => {
    void actions.state().then((result) => {
      if (!result.ok) return;
      setAvatar(result.data);
      if (result.data?.urls) router.refresh();
    });
  });

  async function upload(file: File) {
    setError(null);
    if (!ACCEPTED.includes(file.type)) {
      setError(t('wrongType'));
      return;
    }
    if (file.size === 0 || file.size > MAX_BYTES) {
      setError(file.size === 0 ? t('empty') : t('tooLarge'));
      return;
    }
    setProgress(0);
    try {
      const started = await actions.start({ name: file.name, contentType: file.type, size: file.size });
      if (!started.ok) {
        setError(Object.values(started.error.fields ?? {})[0] ?? started.error.message);
        return;
      }
      const status = await sendToStorage(started.data.upload, file, setProgress);
      if (status < 200 || status >= 300) {
        setError(t('storageRefused'));
        return;
      }
      const completed = await actions.complete(started.data.id);
      if (!completed.ok) {
        setError(Object.values(completed.error.fields ?? {})[0] ?? completed.error.message);
        return;
      }
      setAvatar(completed.data);
      toast({ title: t('uploaded'), description: t('uploadedBody') });
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="rounded-xl border border-border">
      <div className="px-6 pt-5 pb-4">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">{description}</p>
      </div>
      <div className="flex flex-wrap items-center gap-6 px-6 pb-6">
        <Picture
          src={avatar?.urls?.large}
          name={name}
          {...(fallback ? { fallback } : {})}
          shape={shape}
          className="size-20 text-xl"
          alt={avatar?.urls ? t('alt', { subject }) : ''}
        />
        {avatar === undefined ? (
          <p className="text-sm text-muted-foreground">{t('noStorage')}</p>
        ) : (
          <div className="grid gap-2">
            <label className="text-sm font-medium" htmlFor={`${id}-input`}>
              {avatar ? t('replace', { subject }) : t('upload', { subject })}
            </label>
            <input
              id={`${id}-input`}
              ref={input}
              type="file"
              accept={ACCEPTED.join(',')}
              disabled={progress !== null}
              className="text-sm"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void upload(file);
              }}
            />
            {progress !== null ? (
              <div
                role="progressbar"
                aria-label={t('uploading', { subject })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(progress * 100)}
                className="h-2 w-48 overflow-hidden rounded bg-muted"
              >
                <div className="h-full bg-primary transition-all" style={{ width: `${progress * 100}%` }} />
              </div>
            ) : null}
            {resizing ? (
              <p className="text-xs text-muted-foreground" data-testid={`${id}-resizing`}>
                {gaveUp ? t('resizingSlow') : t('resizing')}
              </p>
            ) : null}
            {error ? (
              <Alert variant="destructive">
                <span data-testid={`${id}-error`}>{error}</span>
              </Alert>
            ) : null}
            {avatar ? (
              <div>
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" size="sm">
                      {t('remove', { subject })}
                    </Button>
                  }
                  title={t('removeTitle', { subject })}
                  description={t('removeDescription')}
                  confirmLabel={t('removeConfirm')}
                  destructive
                  onConfirm={async () => {
                    const result = await actions.remove();
                    if (!result.ok) return result.error.message;
                    setAvatar(null);
                    router.refresh();
                    return null;
                  }}
                />
              </div>
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}
