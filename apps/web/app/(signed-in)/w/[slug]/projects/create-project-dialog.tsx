'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { isPlanLimit, UpgradePrompt } from '../../../../../components/billing/upgrade-prompt';
import { Alert } from '../../../../../components/ui/alert';
import { Button } from '../../../../../components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
} from '../../../../../components/ui/dialog';
import { FormField } from '../../../../../components/ui/form-field';
import { Input } from '../../../../../components/ui/input';
import { Select } from '../../../../../components/ui/select';
import { Textarea } from '../../../../../components/ui/textarea';
import { useToast } from '../../../../../components/ui/toast';
import type { ActionError } from '../../../../../lib/action-result';
import { useAction } from '../../../../../lib/use-action';
import {
  PROJECT_DESCRIPTION_MAX,
  PROJECT_NAME_MAX,
  projectNameProblem,
} from '../../../../../lib/workspace-validation';
import { createProjectAction } from './actions';

type Fields = { name: string; description: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

type CreateT = ReturnType<typeof useTranslations<'projects.create'>>;

function validate(fields: Fields, t: CreateT): FieldErrors {
  const errors: FieldErrors = {};
  const name = projectNameProblem(fields.name);
  if (name === 'nameRequired') errors.name = t('nameRequired');
  if (name === 'nameMax') errors.name = t('nameMax', { max: PROJECT_NAME_MAX });
  if (fields.description.trim().length > PROJECT_DESCRIPTION_MAX) {
    errors.description = t('descriptionMax', { max: PROJECT_DESCRIPTION_MAX });
  }
  return errors;
}

type Template = { key: string; name: string; description: string };

export function CreateProjectDialog({
  slug,
  canUpgrade,
  templates = [],
  initiallyOpen = false,
}: {
  slug: string;
  canUpgrade: boolean;
  /** Open on arrival: the command palette's "Create a project" links to ?create=1. */
  initiallyOpen?: boolean;
  /** The project-templates beta: non-empty only when its flag is on for this member (server-decided). */
  templates?: readonly Template[];
}) {
  const { toast } = useToast();
  const t = useTranslations('projects.create');
  const { run, pending } = useAction(createProjectAction);
  const [open, setOpen] = useState(initiallyOpen);
  // Opened by ?create=1 once: drop it from the address, so a refresh after creating does not reopen.
  // (A client navigation to ?create=1 keeps this component mounted: open it here, not only initially.)
  useEffect(() => {
    if (!initiallyOpen) return;
    setOpen(true);
    window.history.replaceState(null, '', window.location.pathname);
  }, [initiallyOpen]);
  const [fields, setFields] = useState<Fields>({ name: '', description: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<ActionError | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  function handleOpenChange(nextOpen: boolean) {
    if (pending) return;
    setOpen(nextOpen);
    if (!nextOpen) {
      setFields({ name: '', description: '' });
      setErrors({});
      setAttempted(false);
      setServerError(null);
    }
  }

  function update(next: Fields) {
    setFields(next);
    // Re-validate as the person types only after a first submit, so no premature errors.
    if (attempted) setErrors(validate(next, t));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServerError(null);
    const problems = validate(fields, t);
    setErrors(problems);
    if (problems.name) return nameRef.current?.focus();
    if (problems.description) return;

    const description = fields.description.trim();
    const result = await run(slug, { name: fields.name.trim(), ...(description ? { description } : {}) });
    if (!result.ok) {
      if (result.error.fields?.name || result.error.fields?.description) {
        setErrors({ name: result.error.fields.name, description: result.error.fields.description });
      } else {
        setServerError(result.error);
      }
      return;
    }
    setOpen(false);
    setFields({ name: '', description: '' });
    setAttempted(false);
    // The action revalidated the list, so the page re-renders with the new project on top.
    toast({
      title: t('created'),
      description: t('createdBody', { name: result.data.name }),
      variant: 'success',
    });
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            className="size-4"
          >
            <path d="M12 5v14M5 12h14" />
          </svg>
          {t('newProject')}
        </Button>
      </DialogTrigger>
      <DialogContent title={t('title')} description={t('description')}>
        <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
          {serverError ? (
            isPlanLimit(serverError) ? (
              <UpgradePrompt slug={slug} message={serverError.message} canUpgrade={canUpgrade} />
            ) : (
              <Alert variant="destructive">{serverError.message}</Alert>
            )
          ) : null}
          {templates.length > 0 ? (
            <FormField label={t('template')} hint={t('templateHint')}>
              <Select
                name="template"
                defaultValue=""
                onChange={(event) => {
                  const template = templates.find((candidate) => candidate.key === event.target.value);
                  if (template) update({ name: template.name, description: template.description });
                }}
              >
                <option value="">{t('blank')}</option>
                {templates.map((template) => (
                  <option key={template.key} value={template.key}>
                    {template.name}
                  </option>
                ))}
              </Select>
            </FormField>
          ) : null}
          <FormField label={t('name')} hint={t('nameHint')} error={errors.name} required>
            <Input
              ref={nameRef}
              name="name"
              autoComplete="off"
              placeholder={t('namePlaceholder')}
              value={fields.name}
              onChange={(event) => update({ ...fields, name: event.target.value })}
            />
          </FormField>
          <FormField label={t('descriptionLabel')} hint={t('optional')} error={errors.description}>
            <Textarea
              name="description"
              rows={3}
              value={fields.description}
              onChange={(event) => update({ ...fields, description: event.target.value })}
            />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                {t('cancel')}
              </Button>
            </DialogClose>
            <Button type="submit" loading={pending}>
              {t('submit')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
