'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { isPlanLimit, UpgradePrompt } from '../../../../../../components/billing/upgrade-prompt';
import { Alert } from '../../../../../../components/ui/alert';
import { Button } from '../../../../../../components/ui/button';
import { FormField } from '../../../../../../components/ui/form-field';
import { Input } from '../../../../../../components/ui/input';
import { Textarea } from '../../../../../../components/ui/textarea';
import { useToast } from '../../../../../../components/ui/toast';
import type { ActionError } from '../../../../../../lib/action-result';
import { useAction } from '../../../../../../lib/use-action';
import {
  PROJECT_DESCRIPTION_MAX,
  PROJECT_NAME_MAX,
  projectNameProblem,
} from '../../../../../../lib/workspace-validation';
import { updateProjectAction } from '../actions';

type EditProjectFormProps = {
  slug: string;
  projectId: string;
  name: string;
  description: string;
  canUpgrade: boolean;
};

type FieldErrors = { name?: string; description?: string };

type ProjectsT = ReturnType<typeof useTranslations<'projects'>>;

/** The client-side checks of the create dialog, worded from the same messages. */
function nameError(name: string, t: ProjectsT): string | undefined {
  const problem = projectNameProblem(name);
  if (problem === 'nameRequired') return t('create.nameRequired');
  if (problem === 'nameMax') return t('create.nameMax', { max: PROJECT_NAME_MAX });
  return undefined;
}

function descriptionError(description: string, t: ProjectsT): string | undefined {
  return description.trim().length > PROJECT_DESCRIPTION_MAX
    ? t('create.descriptionMax', { max: PROJECT_DESCRIPTION_MAX })
    : undefined;
}

export function EditProjectForm({
  slug,
  projectId,
  name: savedName,
  description: savedDescription,
  canUpgrade,
}: EditProjectFormProps) {
  const { toast } = useToast();
  const t = useTranslations('projects');
  const { run, pending } = useAction(updateProjectAction);
  const [name, setName] = useState(savedName);
  const [description, setDescription] = useState(savedDescription);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<ActionError | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const unchanged = name.trim() === savedName && description.trim() === savedDescription.trim();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problems: FieldErrors = {
      name: nameError(name, t),
      description: descriptionError(description, t),
    };
    setErrors(problems);
    if (problems.name) return nameRef.current?.focus();
    if (problems.description) return;
    const trimmed = description.trim();
    const result = await run(slug, projectId, {
      name: name.trim(),
      description: trimmed === '' ? null : trimmed,
    });
    if (!result.ok) {
      if (result.error.fields?.name || result.error.fields?.description) setErrors(result.error.fields);
      else setServerError(result.error);
      return;
    }
    // The action revalidated the page; it re-renders with the saved values.
    toast({ title: t('edit.saved'), variant: 'success' });
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-xl gap-4">
      {serverError ? (
        isPlanLimit(serverError) ? (
          <UpgradePrompt slug={slug} message={serverError.message} canUpgrade={canUpgrade} />
        ) : (
          <Alert variant="destructive">{serverError.message}</Alert>
        )
      ) : null}
      <FormField label={t('edit.name')} error={errors.name} required>
        <Input
          ref={nameRef}
          name="name"
          autoComplete="off"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (errors.name) setErrors((current) => ({ ...current, name: nameError(event.target.value, t) }));
          }}
        />
      </FormField>
      <FormField label={t('edit.description')} error={errors.description}>
        <Textarea
          name="description"
          rows={4}
          value={description}
          onChange={(event) => {
            setDescription(event.target.value);
            if (errors.description)
              setErrors((current) => ({
                ...current,
                description: descriptionError(event.target.value, t),
              }));
          }}
        />
      </FormField>
      <div>
        <Button type="submit" loading={pending} disabled={unchanged}>
          {t('edit.save')}
        </Button>
      </div>
    </form>
  );
}
