'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
} from '../../../../components/ui/dialog';
import { FormField } from '../../../../components/ui/form-field';
import { authClient } from '../../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../../lib/auth-errors';
import { cn } from '../../../../lib/cn';

const DAY = 24 * 60 * 60;
/** The ban lengths offered, in days; 0 is until someone unbans. */
const durationDays = [0, 1, 7, 30];
const REASON_MIN = 3;
const REASON_MAX = 500;

const controlClasses = cn(
  'w-full min-w-0 rounded-md border border-border bg-background px-3 py-2 text-sm text-foreground shadow-xs',
  'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30 focus-visible:outline-none',
  'aria-invalid:border-destructive',
);

type ReasonProblem = 'reasonRequired' | 'reasonMin' | 'reasonMax';

function reasonProblem(reason: string): ReasonProblem | undefined {
  const trimmed = reason.trim();
  if (trimmed === '') return 'reasonRequired';
  if (trimmed.length < REASON_MIN) return 'reasonMin';
  if (trimmed.length > REASON_MAX) return 'reasonMax';
  return undefined;
}

type BanUserDialogProps = {
  user: { id: string; email: string; name: string };
  onBanned: () => void;
};

export function BanUserDialog({ user, onBanned }: BanUserDialogProps) {
  const t = useTranslations('admin.users.ban');
  const tCommon = useTranslations('common');
  const tErrors = useTranslations('common.authErrors');
  const validateReason = (value: string): string | undefined => {
    const problem = reasonProblem(value);
    return problem ? t(problem, { min: REASON_MIN, max: REASON_MAX }) : undefined;
  };
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [duration, setDuration] = useState('0');
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const durationId = useId();

  function handleOpenChange(nextOpen: boolean) {
    if (pending) return;
    setOpen(nextOpen);
    if (!nextOpen) {
      setReason('');
      setDuration('0');
      setError(undefined);
      setServerError(null);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = validateReason(reason);
    setError(problem);
    if (problem) return reasonRef.current?.focus();
    setPending(true);
    const seconds = Number(duration);
    const outcome = await callAuth(
      authClient.admin.banUser({
        userId: user.id,
        banReason: reason.trim(),
        ...(seconds > 0 ? { banExpiresIn: seconds } : {}),
      }),
    );
    setPending(false);
    if (!outcome.ok) return setServerError(localizedAuthMessage(outcome, tErrors));
    setOpen(false);
    setReason('');
    onBanned();
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>
        <Button
          size="sm"
          variant="ghost"
          className="text-destructive"
          aria-label={t('triggerLabel', { email: user.email })}
        >
          {t('trigger')}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t('title', { who: user.name || user.email })}
        description={t('description', { email: user.email })}
      >
        <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
          {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
          <FormField label={t('reason')} error={error} hint={t('reasonHint')} required>
            <textarea
              ref={reasonRef}
              name="reason"
              rows={3}
              className={controlClasses}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                if (error) setError(validateReason(event.target.value));
              }}
            />
          </FormField>
          <div className="grid gap-1.5">
            <label htmlFor={durationId} className="text-sm font-medium">
              {t('duration')}
            </label>
            <select
              id={durationId}
              name="duration"
              className={cn(controlClasses, 'h-9 py-1')}
              value={duration}
              onChange={(event) => setDuration(event.target.value)}
            >
              {durationDays.map((days) => (
                <option key={days} value={String(days * DAY)}>
                  {days === 0 ? t('forever') : t('days', { count: days })}
                </option>
              ))}
            </select>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                {tCommon('cancel')}
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" loading={pending}>
              {t('submit')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
