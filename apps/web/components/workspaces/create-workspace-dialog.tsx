'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { createWorkspaceAction } from '../../app/(signed-in)/app/actions';
import { useAction } from '../../lib/use-action';
import {
  slugProblem,
  slugify,
  WORKSPACE_NAME_MAX,
  workspaceNameProblem,
} from '../../lib/workspace-validation';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '../ui/dialog';
import { FormField } from '../ui/form-field';
import { Input } from '../ui/input';
import { useToast } from '../ui/toast';

type Fields = { name: string; slug: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

type CreateWorkspaceDialogProps = {
  /** The button that opens the dialog; omit to control it with open/onOpenChange. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/**
 * Name and address of a new workspace. The address follows the name until the person edits it;
 * the server checks both again and answers a taken address under the address field.
 */
export function CreateWorkspaceDialog({
  trigger,
  open: controlledOpen,
  onOpenChange,
}: CreateWorkspaceDialogProps) {
  const t = useTranslations('workspaces.create');
  const router = useRouter();
  const { toast } = useToast();
  const { run, pending } = useAction(createWorkspaceAction);

  /** lib/workspace-validation's checks decide; the catalog words what they found. */
  function validate(fields: Fields): FieldErrors {
    const errors: FieldErrors = {};
    const nameIssue = workspaceNameProblem(fields.name);
    if (nameIssue) errors.name = t(nameIssue, { max: WORKSPACE_NAME_MAX });
    const slugIssue = slugProblem(fields.slug);
    if (slugIssue) errors.slug = t(slugIssue);
    return errors;
  }
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const [fields, setFields] = useState<Fields>({ name: '', slug: '' });
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const refs = { name: useRef<HTMLInputElement>(null), slug: useRef<HTMLInputElement>(null) };

  function setOpen(next: boolean) {
    if (pending) return;
    if (controlledOpen === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
    if (!next) {
      setFields({ name: '', slug: '' });
      setSlugEdited(false);
      setErrors({});
      setAttempted(false);
      setServerError(null);
    }
  }

  function update(next: Fields) {
    setFields(next);
    if (attempted) setErrors(validate(next));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServerError(null);
    const problems = validate(fields);
    setErrors(problems);
    const firstInvalid = (['name', 'slug'] as const).find((field) => problems[field]);
    if (firstInvalid) return refs[firstInvalid].current?.focus();

    const result = await run({ name: fields.name.trim(), slug: fields.slug.trim() });
    if (!result.ok) {
      const { fields: fieldErrors, message } = result.error;
      if (fieldErrors?.name || fieldErrors?.slug) {
        setErrors({ name: fieldErrors.name, slug: fieldErrors.slug });
        refs[fieldErrors.name ? 'name' : 'slug'].current?.focus();
      } else {
        setServerError(message);
      }
      return;
    }
    toast({ title: t('created'), description: t('welcome', { name: result.data.name }), variant: 'success' });
    if (controlledOpen === undefined) setUncontrolledOpen(false);
    onOpenChange?.(false);
    router.push(`/w/${result.data.slug}/projects`);
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent title={t('title')} description={t('description')}>
        <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
          {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
          <FormField label={t('name')} error={errors.name} required>
            <Input
              ref={refs.name}
              name="name"
              autoComplete="organization"
              placeholder={t('namePlaceholder')}
              value={fields.name}
              onChange={(event) => {
                const name = event.target.value;
                update({ name, slug: slugEdited ? fields.slug : slugify(name) });
              }}
            />
          </FormField>
          <FormField
            label={t('address')}
            hint={t('addressHint', { slug: fields.slug || t('slugPlaceholder') })}
            error={errors.slug}
            required
          >
            <Input
              ref={refs.slug}
              name="slug"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
              value={fields.slug}
              onChange={(event) => {
                setSlugEdited(true);
                update({ ...fields, slug: event.target.value.toLowerCase() });
              }}
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
