'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import { useTranslations } from 'next-intl';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from './dialog';

type ConfirmDialogProps = {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** Extra inputs, e.g. "type the address to confirm". */
  children?: ReactNode;
  /** Keeps the confirm button disabled, e.g. until the typed confirmation matches. */
  confirmDisabled?: boolean;
  /** Does the work; resolves to an error message to show in the dialog, or null when done. */
  onConfirm: () => Promise<string | null>;
  /** Called when the dialog closes (cancelled or done), to reset the caller's inputs. */
  onClosed?: () => void;
};

/** "Are you sure?" for changes that are hard to undo. The server's refusal is shown inside. */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  destructive = false,
  children,
  confirmDisabled = false,
  onConfirm,
  onClosed,
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const t = useTranslations('common');

  function handleOpenChange(nextOpen: boolean) {
    if (pending) return;
    setOpen(nextOpen);
    if (!nextOpen) {
      setError(null);
      onClosed?.();
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmDisabled) return;
    setError(null);
    setPending(true);
    const failure = await onConfirm().catch(() => t('somethingWrong'));
    setPending(false);
    if (failure) {
      setError(failure);
      return;
    }
    setOpen(false);
    onClosed?.();
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
          {error ? <Alert variant="destructive">{error}</Alert> : null}
          {children}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                {t('cancel')}
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant={destructive ? 'destructive' : 'primary'}
              loading={pending}
              disabled={confirmDisabled}
            >
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
