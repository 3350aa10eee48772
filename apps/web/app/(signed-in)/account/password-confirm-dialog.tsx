'use client';

import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
} from '../../../components/ui/dialog';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';

type PasswordConfirmDialogProps = {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** Whether to ask for the password at all (people who sign in without one cannot give it). */
  askPassword?: boolean;
  /** Does the work; resolves to an error message to show, or null when done (the dialog closes). */
  onConfirm: (password: string) => Promise<string | null>;
  children?: ReactNode;
};

/** "Type your password to continue" for sensitive changes. */
export function PasswordConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  destructive = false,
  askPassword = true,
  onConfirm,
  children,
}: PasswordConfirmDialogProps) {
  const t = useTranslations('account');
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  function handleOpenChange(nextOpen: boolean) {
    if (pending) return;
    setOpen(nextOpen);
    if (!nextOpen) {
      setPassword('');
      setError(undefined);
      setServerError(null);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    if (askPassword) {
      const problem = password.trim() === '' ? t('passwordRequired') : undefined;
      setError(problem);
      if (problem) return inputRef.current?.focus();
    }
    setPending(true);
    const failure = await onConfirm(password);
    setPending(false);
    if (failure) {
      setServerError(failure);
      setPassword('');
      inputRef.current?.focus();
      return;
    }
    setOpen(false);
    setPassword('');
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
          {children}
          {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
          {askPassword ? (
            <FormField label={t('yourPassword')} error={error} required>
              <Input
                ref={inputRef}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => {
                  setPassword(event.target.value);
                  if (error) setError(undefined);
                }}
              />
            </FormField>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                {t('confirmDialog.cancel')}
              </Button>
            </DialogClose>
            <Button type="submit" variant={destructive ? 'destructive' : 'primary'} loading={pending}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
