'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { useToast } from '../../../components/ui/toast';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { useValidation } from '../../../lib/use-validation';
import { SettingsSection } from '../../../components/ui/settings-section';

export function ProfileSection({ name: savedName }: { name: string }) {
  const t = useTranslations('account.profile');
  const tErrors = useTranslations('common.authErrors');
  const check = useValidation();
  const router = useRouter();
  const { toast } = useToast();
  const [name, setName] = useState(savedName);
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const unchanged = name.trim() === savedName;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = check.name(name);
    setError(problem);
    if (problem) return inputRef.current?.focus();
    setPending(true);
    const outcome = await callAuth(authClient.updateUser({ name: name.trim() }));
    setPending(false);
    if (!outcome.ok) return setServerError(localizedAuthMessage(outcome, tErrors));
    toast({ title: t('saved'), variant: 'success' });
    router.refresh();
  }

  return (
    <SettingsSection id="profile" title={t('title')} description={t('description')}>
      <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-md gap-4">
        {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
        <FormField label={t('name')} error={error} required>
          <Input
            ref={inputRef}
            name="name"
            autoComplete="name"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (error) setError(check.name(event.target.value));
            }}
          />
        </FormField>
        <div>
          <Button type="submit" loading={pending} disabled={unchanged}>
            {t('save')}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
