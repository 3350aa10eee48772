'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { Permission } from '@plinth/core/access';
import { Alert } from '../../../../../../components/ui/alert';
import { Button } from '../../../../../../components/ui/button';
import { Checkbox } from '../../../../../../components/ui/checkbox';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
} from '../../../../../../components/ui/dialog';
import { FormField } from '../../../../../../components/ui/form-field';
import { Input } from '../../../../../../components/ui/input';
import { SecretOnce } from '../../../../../../components/ui/secret-once';
import { useAction } from '../../../../../../lib/use-action';
import { createApiKeyAction } from './actions';

type FieldErrors = Partial<Record<'name' | 'scopes' | 'expiresAt', string>>;

/** `project.read` → group "project"; the groups keep the table's order. */
function groupByResource(scopes: readonly Permission[]): [string, Permission[]][] {
  const groups = new Map<string, Permission[]>();
  for (const scope of scopes) {
    const resource = scope.slice(0, scope.indexOf('.'));
    groups.set(resource, [...(groups.get(resource) ?? []), scope]);
  }
  return [...groups];
}

/** `api_key` → "Api key": a resource the catalog does not name yet. */
const fallbackResourceLabel = (resource: string) =>
  (resource.charAt(0).toUpperCase() + resource.slice(1)).replaceAll('_', ' ');

export function CreateApiKeyDialog({ slug, grantable }: { slug: string; grantable: Permission[] }) {
  const { run, pending } = useAction(createApiKeyAction);
  const t = useTranslations('apiKeys');
  const resourceLabel = (resource: string) =>
    t.has(`resources.${resource}` as never)
      ? t(`resources.${resource}` as never)
      : fallbackResourceLabel(resource);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<Permission>>(new Set());
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  function reset() {
    setName('');
    setScopes(new Set());
    setExpiresOn('');
    setErrors({});
    setServerError(null);
    setCreated(null);
  }

  function handleOpenChange(nextOpen: boolean) {
    if (pending) return;
    setOpen(nextOpen);
    if (!nextOpen) reset();
  }

  function toggle(scope: Permission, on: boolean) {
    const next = new Set(scopes);
    if (on) next.add(scope);
    else next.delete(scope);
    setScopes(next);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problems: FieldErrors = {};
    if (!name.trim()) problems.name = t('create.nameRequired');
    if (scopes.size === 0) problems.scopes = t('create.scopesRequired');
    setErrors(problems);
    if (problems.name || problems.scopes) return;
    // A date means "until the end of that day", in the person's own time zone.
    const expiresAt = expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : null;
    const result = await run(slug, { name: name.trim(), scopes: [...scopes], expiresAt });
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      if (fields.name || fields.scopes || fields.expiresAt) {
        setErrors({ name: fields.name, scopes: fields.scopes, expiresAt: fields.expiresAt });
      } else {
        setServerError(result.error.message);
      }
      return;
    }
    setCreated({ name: result.data.name, secret: result.data.secret });
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>
        <Button>{t('create.button')}</Button>
      </DialogTrigger>
      {created ? (
        <DialogContent title={t('create.readyTitle', { name: created.name })} className="max-w-lg">
          <SecretOnce secret={created.secret} label={t('create.secretLabel')}>
            {t('create.secretNote')}
          </SecretOnce>
          <DialogFooter>
            <DialogClose asChild>
              <Button>{t('create.done')}</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      ) : (
        <DialogContent
          title={t('create.title')}
          description={t('create.description')}
          className="max-h-[90vh] max-w-lg overflow-y-auto"
        >
          <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
            {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
            <FormField label={t('create.name')} hint={t('create.nameHint')} error={errors.name} required>
              <Input
                name="name"
                autoComplete="off"
                maxLength={100}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </FormField>
            <fieldset className="grid gap-3">
              <legend className="mb-2 text-sm font-medium">{t('create.scopes')}</legend>
              {groupByResource(grantable).map(([resource, group]) => (
                <div key={resource} className="grid gap-1.5">
                  <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                    {resourceLabel(resource)}
                  </p>
                  <div className="grid grid-cols-2 gap-1.5">
                    {group.map((scope) => (
                      <Checkbox
                        key={scope}
                        name="scopes"
                        value={scope}
                        label={<code className="font-mono text-xs">{scope}</code>}
                        checked={scopes.has(scope)}
                        onChange={(event) => toggle(scope, event.target.checked)}
                      />
                    ))}
                  </div>
                </div>
              ))}
              {errors.scopes ? <p className="text-xs font-medium text-destructive">{errors.scopes}</p> : null}
            </fieldset>
            <FormField label={t('create.expires')} hint={t('create.expiresHint')} error={errors.expiresAt}>
              <Input
                type="date"
                name="expiresOn"
                value={expiresOn}
                onChange={(event) => setExpiresOn(event.target.value)}
              />
            </FormField>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary" disabled={pending}>
                  {t('create.cancel')}
                </Button>
              </DialogClose>
              <Button type="submit" loading={pending}>
                {t('create.submit')}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      )}
    </Dialog>
  );
}
