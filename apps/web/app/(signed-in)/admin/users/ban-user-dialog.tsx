'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
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
import { callAuth } from '../../../../lib/auth-errors';
import { cn } from '../../../../lib/cn';

const DAY = 24 * 60 * 60;
const durations = [
  { value: '0', label: 'Until unbanned' },
  { value: String(DAY), label: '1 day' },
  { value: String(7 * DAY), label: '7 days' },
  { value: String(30 * DAY), label: '30 days' },
];

const controlClasses = cn(
  'w-full min-w-0 rounded-md border border-border bg-background px-3 py-2 text-sm text-foreground shadow-xs',
  'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30 focus-visible:outline-none',
  'aria-invalid:border-destructive',
);

function validateReason(reason: string): string | undefined {
  const trimmed = reason.trim();
  if (trimmed === '') return 'Say why: the person sees this reason when they try to sign in.';
  if (trimmed.length < 3) return 'Use at least 3 characters.';
  if (trimmed.length > 500) return 'Use at most 500 characters.';
  return undefined;
}

type BanUserDialogProps = {
  user: { id: string; email: string; name: string };
  onBanned: () => void;
};

export function BanUserDialog({ user, onBanned }: BanUserDialogProps) {
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
    if (!outcome.ok) return setServerError(outcome.message);
    setOpen(false);
    setReason('');
    onBanned();
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" className="text-destructive" aria-label={`Ban ${user.email}`}>
          Ban
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Ban ${user.name || user.email}?`}
        description={`${user.email} is signed out everywhere and cannot sign in until the ban ends.`}
      >
        <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
          {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
          <FormField
            label="Reason"
            error={error}
            hint="Shown to the person when they try to sign in."
            required
          >
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
              Duration
            </label>
            <select
              id={durationId}
              name="duration"
              className={cn(controlClasses, 'h-9 py-1')}
              value={duration}
              onChange={(event) => setDuration(event.target.value)}
            >
              {durations.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" loading={pending}>
              Ban user
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
