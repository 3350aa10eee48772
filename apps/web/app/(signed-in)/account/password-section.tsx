'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { useToast } from '../../../components/ui/toast';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { useValidation } from '../../../lib/use-validation';
import { SettingsSection } from '../../../components/ui/settings-section';

type Fields = { current: string; next: string; confirm: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;
const empty: Fields = { current: '', next: '', confirm: '' };

export function PasswordSection({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations('account');
  const tErrors = useTranslations('common.authErrors');
  const check = useValidation();
  function validate(fields: Fields): FieldErrors {
    const errors: FieldErrors = {};
    if (fields.current.trim() === '') errors.current = t('currentPasswordRequired');
    const next = check.newPassword(fields.next);
    if (next) errors.next = next;
    else if (fields.next === fields.current) errors.next = t('password.sameAsCurrent');
    if (fields.confirm === '') errors.confirm = t('password.confirmRequired');
    else if (fields.confirm !== fields.next) errors.confirm = t('password.mismatch');
    return errors;
  }
  const router = useRouter();
  const { toast } = useToast();
  const [fields, setFields] = useState<Fields>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const refs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };

  function update(field: keyof Fields, value: string) {
    const nextFields = { ...fields, [field]: value };
    setFields(nextFields);
    if (attempted) setErrors(validate(nextFields));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServerError(null);
    const problems = validate(fields);
    setErrors(problems);
    const firstInvalid = (['current', 'next', 'confirm'] as const).find((field) => problems[field]);
    if (firstInvalid) return refs[firstInvalid].current?.focus();
    setPending(true);
    const outcome = await callAuth(
      authClient.changePassword({
        currentPassword: fields.current,
        newPassword: fields.next,
        revokeOtherSessions: signOutOthers,
      }),
    );
    setPending(false);
    if (!outcome.ok) {
      if (outcome.code === 'INVALID_PASSWORD') {
        setErrors({ current: t('password.wrongCurrent') });
        return refs.current.current?.focus();
      }
      if (outcome.code === 'PASSWORD_REJECTED') {
        setErrors({ next: outcome.message });
        return refs.next.current?.focus();
      }
      return setServerError(localizedAuthMessage(outcome, tErrors));
    }
    setFields(empty);
    setErrors({});
    setAttempted(false);
    toast({
      title: t('password.changed'),
      description: signOutOthers ? t('password.othersSignedOut') : undefined,
      variant: 'success',
    });
    router.refresh();
  }

  if (!hasPassword) {
    return (
      <SettingsSection
        id="password"
        title={t('password.title')}
        description={t('password.noPasswordDescription')}
      >
        <div className="grid max-w-md gap-3 text-sm text-muted-foreground">
          <p>{t('password.noPasswordBody')}</p>
          <div>
            <Button asChild variant="secondary">
              <Link href="/forgot-password">{t('setPassword')}</Link>
            </Button>
          </div>
        </div>
      </SettingsSection>
    );
  }

  return (
    <SettingsSection id="password" title={t('password.title')} description={t('password.description')}>
      <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-md gap-4">
        {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
        <FormField label={t('currentPassword')} error={errors.current} required>
          <Input
            ref={refs.current}
            name="current-password"
            type="password"
            autoComplete="current-password"
            value={fields.current}
            onChange={(event) => update('current', event.target.value)}
          />
        </FormField>
        <FormField label={t('password.newPassword')} hint={check.passwordHint} error={errors.next} required>
          <Input
            ref={refs.next}
            name="new-password"
            type="password"
            autoComplete="new-password"
            value={fields.next}
            onChange={(event) => update('next', event.target.value)}
          />
        </FormField>
        <FormField label={t('password.confirmPassword')} error={errors.confirm} required>
          <Input
            ref={refs.confirm}
            name="confirm-password"
            type="password"
            autoComplete="new-password"
            value={fields.confirm}
            onChange={(event) => update('confirm', event.target.value)}
          />
        </FormField>
        <Checkbox
          label={t('password.signOutOthers')}
          description={t('password.signOutOthersHint')}
          checked={signOutOthers}
          onChange={(event) => setSignOutOthers(event.target.checked)}
        />
        <div>
          <Button type="submit" loading={pending}>
            {t('password.submit')}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
