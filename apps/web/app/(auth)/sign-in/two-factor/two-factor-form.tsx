'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { Checkbox } from '../../../../components/ui/checkbox';
import { FormField } from '../../../../components/ui/form-field';
import { Input } from '../../../../components/ui/input';
import { authClient } from '../../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../../lib/auth-errors';
import { normalizeTotpCode, totpCodeProblem } from '../../../../lib/validation';

type Mode = 'totp' | 'backup';

/** Errors after which this challenge is spent: the person has to sign in again. */
const challengeEnded = new Set(['INVALID_TWO_FACTOR_COOKIE', 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE']);

export function TwoFactorForm({ next }: { next: string }) {
  const t = useTranslations('auth.twoFactor');
  const tErrors = useTranslations('common.authErrors');
  const validateTotpCode = (value: string) => {
    const problem = totpCodeProblem(value);
    return problem ? t(problem) : undefined;
  };
  const validateBackupCode = (value: string) => (value.trim() === '' ? t('backupRequired') : undefined);
  const [mode, setMode] = useState<Mode>('totp');
  const [code, setCode] = useState('');
  const [trustDevice, setTrustDevice] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<{ message: string; code?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  function switchMode(nextMode: Mode) {
    setMode(nextMode);
    setCode('');
    setFieldError(undefined);
    setServerError(null);
    // The input is re-keyed per mode; focus it once React has swapped it in.
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = mode === 'totp' ? validateTotpCode(code) : validateBackupCode(code);
    setFieldError(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    const outcome =
      mode === 'totp'
        ? await callAuth(authClient.twoFactor.verifyTotp({ code: normalizeTotpCode(code), trustDevice }))
        : await callAuth(authClient.twoFactor.verifyBackupCode({ code: code.trim(), trustDevice }));
    if (!outcome.ok) {
      setPending(false);
      setServerError({ message: localizedAuthMessage(outcome, tErrors), code: outcome.code });
      setCode('');
      inputRef.current?.focus();
      return;
    }
    window.location.assign(next);
  }

  const ended = serverError?.code !== undefined && challengeEnded.has(serverError.code);
  const signInAgain = `/sign-in?next=${encodeURIComponent(next)}`;

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
      {serverError ? (
        <Alert
          variant="destructive"
          action={
            ended ? (
              <Button asChild size="sm" variant="secondary">
                <Link href={signInAgain}>{t('signInAgain')}</Link>
              </Button>
            ) : undefined
          }
        >
          {serverError.message}
        </Alert>
      ) : null}

      {mode === 'totp' ? (
        <FormField key="totp" label={t('codeLabel')} hint={t('codeHint')} error={fieldError} required>
          <Input
            ref={inputRef}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]*"
            maxLength={7}
            autoFocus
            className="font-mono tracking-[0.3em]"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              if (fieldError) setFieldError(validateTotpCode(event.target.value));
            }}
          />
        </FormField>
      ) : (
        <FormField key="backup" label={t('backupLabel')} hint={t('backupHint')} error={fieldError} required>
          <Input
            ref={inputRef}
            name="backup-code"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              if (fieldError) setFieldError(validateBackupCode(event.target.value));
            }}
          />
        </FormField>
      )}

      <Checkbox
        label={t('trust')}
        description={t('trustHint')}
        checked={trustDevice}
        onChange={(event) => setTrustDevice(event.target.checked)}
      />

      <Button type="submit" className="w-full" loading={pending} disabled={ended}>
        {t('submit')}
      </Button>

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <button
          type="button"
          className="cursor-pointer font-medium text-primary hover:underline"
          onClick={() => switchMode(mode === 'totp' ? 'backup' : 'totp')}
        >
          {mode === 'totp' ? t('useBackup') : t('useApp')}
        </button>
        <Link href={signInAgain} className="text-muted-foreground hover:text-foreground hover:underline">
          {t('back')}
        </Link>
      </div>
    </form>
  );
}
