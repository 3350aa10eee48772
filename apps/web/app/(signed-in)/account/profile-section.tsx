'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { useToast } from '../../../components/ui/toast';
import { authClient } from '../../../lib/auth-client';
import { callAuth } from '../../../lib/auth-errors';
import { validateName } from '../../../lib/validation';
import { SettingsSection } from '../../../components/ui/settings-section';

export function ProfileSection({ name: savedName }: { name: string }) {
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
    const problem = validateName(name);
    setError(problem);
    if (problem) return inputRef.current?.focus();
    setPending(true);
    const outcome = await callAuth(authClient.updateUser({ name: name.trim() }));
    setPending(false);
    if (!outcome.ok) return setServerError(outcome.message);
    toast({ title: 'Profile saved', variant: 'success' });
    router.refresh();
  }

  return (
    <SettingsSection id="profile" title="Profile" description="How you appear to people in your workspaces.">
      <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-md gap-4">
        {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
        <FormField label="Name" error={error} required>
          <Input
            ref={inputRef}
            name="name"
            autoComplete="name"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (error) setError(validateName(event.target.value));
            }}
          />
        </FormField>
        <div>
          <Button type="submit" loading={pending} disabled={unchanged}>
            Save profile
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
