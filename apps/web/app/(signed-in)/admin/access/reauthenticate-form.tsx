'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { FormField } from '../../../../components/ui/form-field';
import { Input } from '../../../../components/ui/input';
import { useAction } from '../../../../lib/use-action';
import { normalizeTotpCode, totpCodeProblem } from '../../../../lib/validation';
import { reauthenticateAction } from './actions';

type Errors = { password?: string; code?: string };

/** Password + current TOTP code; on success the staff page the person came for. */
export function ReauthenticateForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations('admin.access');
  const { run, pending } = useAction(reauthenticateAction);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const digits = normalizeTotpCode(code);
    const found: Errors = {
      password: password.trim() === '' ? t('passwordRequired') : undefined,
      // lib/validation's rule (six digits), worded in the reader's language.
      code: digits === '' ? t('codeRequired') : totpCodeProblem(code) ? t('codeFormat') : undefined,
    };
    setErrors(found);
    if (found.password) return passwordRef.current?.focus();
    if (found.code) return codeRef.current?.focus();
    const result = await run({ password, code: digits });
    if (result.ok) {
      window.location.assign(returnTo);
      return;
    }
    const fields = result.error.fields ?? {};
    if (fields.password || fields.code) {
      setErrors({ password: fields.password, code: fields.code });
      if (fields.code) setCode('');
      (fields.password ? passwordRef : codeRef).current?.focus();
    } else {
      setServerError(result.error.message);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
      className="grid gap-5"
      aria-label={t('formLabel')}
    >
      {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
      <FormField label={t('password')} error={errors.password} required>
        <Input
          ref={passwordRef}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </FormField>
      <FormField label={t('code')} error={errors.code} hint={t('codeHint')} required>
        <Input
          ref={codeRef}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </FormField>
      <Button type="submit" loading={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
