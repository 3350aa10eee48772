'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { elevateImpersonationAction } from '../../app/(signed-in)/admin/impersonation/actions';
import { authClient } from '../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../lib/auth-errors';
import { useAction } from '../../lib/use-action';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '../ui/dialog';
import { FormField } from '../ui/form-field';
import { LocalTime } from '../ui/local-time';
import { Textarea } from '../ui/textarea';
import { useToast } from '../ui/toast';

const MIN_REASON = 15;
const MAX_REASON = 500;

/** What is wrong with an elevation reason, as a key of ui.impersonation. */
function reasonProblem(reason: string): 'reasonRequired' | 'reasonMin' | 'reasonMax' | undefined {
  const trimmed = reason.trim();
  if (trimmed === '') return 'reasonRequired';
  if (trimmed.length < MIN_REASON) return 'reasonMin';
  if (trimmed.length > MAX_REASON) return 'reasonMax';
  return undefined;
}

/**
 * Shown on every signed-in page while a staff member acts as someone else, so nobody forgets
 * whose account they are looking at. Impersonation is read-only (the server refuses every write);
 * "Elevate" makes it writable for 15 minutes with a written reason, audited under the staff
 * member's name. Stopping restores the staff member's own session.
 */
export function ImpersonationBanner({
  name,
  email,
  elevatedUntil,
}: {
  name: string;
  email: string;
  /** ISO time the current elevation ends, or null: read-only. */
  elevatedUntil: string | null;
}) {
  const t = useTranslations('ui.impersonation');
  const tErrors = useTranslations('common.authErrors');
  const { toast } = useToast();
  const [pending, setPending] = useState(false);

  async function stop() {
    setPending(true);
    const outcome = await callAuth(authClient.admin.stopImpersonating());
    if (!outcome.ok) {
      setPending(false);
      toast({
        title: t('stopFailed'),
        description: localizedAuthMessage(outcome, tErrors),
        variant: 'destructive',
      });
      return;
    }
    window.location.assign('/admin/users');
  }

  return (
    <div
      role="region"
      aria-label={t('region')}
      data-testid="impersonation-banner"
      className="flex flex-wrap items-center justify-center gap-x-4 gap-y-2 bg-destructive px-4 py-2 text-sm text-destructive-foreground"
    >
      <p>
        {t.rich('viewingAs', { name: name || email, strong: (chunks) => <strong>{chunks}</strong> })}
        {name ? <span className="opacity-80"> ({email})</span> : null} —{' '}
        {elevatedUntil ? (
          <span data-testid="impersonation-mode">
            {t.rich('changesUntil', { time: () => <LocalTime value={elevatedUntil} /> })}
          </span>
        ) : (
          <span data-testid="impersonation-mode">{t('readOnly')}</span>
        )}
      </p>
      {elevatedUntil ? null : <ElevateDialog />}
      <Button
        size="sm"
        variant="secondary"
        loading={pending}
        onClick={() => void stop()}
        className="border-transparent"
      >
        {t('stop')}
      </Button>
    </div>
  );
}

function ElevateDialog() {
  const t = useTranslations('ui.impersonation');
  const validateReason = (value: string): string | undefined => {
    const problem = reasonProblem(value);
    if (problem === 'reasonMin') return t('reasonMin', { min: MIN_REASON });
    if (problem === 'reasonMax') return t('reasonMax', { max: MAX_REASON });
    return problem ? t(problem) : undefined;
  };
  const { run, pending } = useAction(elevateImpersonationAction);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = validateReason(reason);
    setError(problem);
    if (problem) return reasonRef.current?.focus();
    const result = await run({ reason: reason.trim() });
    if (!result.ok) {
      if (result.error.fields?.reason) setError(result.error.fields.reason);
      else setServerError(result.error.message);
      return;
    }
    setOpen(false);
    window.location.reload();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" className="border-transparent">
          {t('elevate')}
        </Button>
      </DialogTrigger>
      <DialogContent title={t('dialogTitle')} description={t('dialogDescription')}>
        <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
          {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
          <FormField label={t('reason')} error={error} hint={t('reasonHint')} required>
            <Textarea
              ref={reasonRef}
              name="reason"
              rows={3}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                if (error) setError(validateReason(event.target.value));
              }}
            />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                {t('cancel')}
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
