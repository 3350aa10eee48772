'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../../../components/ui/alert';
import { Button } from '../../../../../components/ui/button';
import { FormField } from '../../../../../components/ui/form-field';
import { Input } from '../../../../../components/ui/input';
import { useToast } from '../../../../../components/ui/toast';
import { useAction } from '../../../../../lib/use-action';
import { WORKSPACE_NAME_MAX, workspaceNameProblem } from '../../../../../lib/workspace-validation';
import { renameWorkspaceAction } from './actions';

export function RenameWorkspaceForm({ slug, name: savedName }: { slug: string; name: string }) {
  const { toast } = useToast();
  const t = useTranslations('settings.rename');
  const check = (value: string) => {
    const problem = workspaceNameProblem(value);
    return problem && t(problem, { max: WORKSPACE_NAME_MAX });
  };
  const { run, pending } = useAction(renameWorkspaceAction);
  const [name, setName] = useState(savedName);
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = check(name);
    setError(problem);
    if (problem) return inputRef.current?.focus();
    const result = await run(slug, { name: name.trim() });
    if (!result.ok) {
      if (result.error.fields?.name) setError(result.error.fields.name);
      else setServerError(result.error.message);
      return;
    }
    toast({ title: t('renamed'), variant: 'success' });
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-md gap-4">
      {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
      <FormField label={t('name')} error={error} required>
        <Input
          ref={inputRef}
          name="name"
          autoComplete="organization"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (error) setError(check(event.target.value));
          }}
        />
      </FormField>
      <div>
        <Button type="submit" loading={pending} disabled={name.trim() === savedName}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
