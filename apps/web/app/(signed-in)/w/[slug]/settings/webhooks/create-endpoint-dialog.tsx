'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { EventType } from '@plinth/core/events';
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
import { createWebhookEndpointAction } from './actions';

type FieldErrors = Partial<Record<'url' | 'eventTypes' | 'description', string>>;

export function CreateEndpointDialog({
  slug,
  events,
}: {
  slug: string;
  events: { type: EventType; description: string }[];
}) {
  const { run, pending } = useAction(createWebhookEndpointAction);
  const t = useTranslations('webhooks.create');
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<Set<EventType>>(new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  function handleOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (!next) {
      setUrl('');
      setDescription('');
      setAll(true);
      setChosen(new Set());
      setErrors({});
      setServerError(null);
      setSecret(null);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problems: FieldErrors = {};
    if (!url.trim()) problems.url = t('urlRequired');
    if (!all && chosen.size === 0) problems.eventTypes = t('eventsRequired');
    setErrors(problems);
    if (problems.url || problems.eventTypes) return;
    const result = await run(slug, {
      url: url.trim(),
      description: description.trim() || null,
      eventTypes: all ? null : [...chosen],
    });
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      if (fields.url || fields.eventTypes || fields.description) {
        setErrors({ url: fields.url, eventTypes: fields.eventTypes, description: fields.description });
      } else setServerError(result.error.message);
      return;
    }
    setSecret(result.data.secret);
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>
        <Button>{t('button')}</Button>
      </DialogTrigger>
      {secret ? (
        <DialogContent title={t('added')} className="max-w-lg">
          <SecretOnce secret={secret} label={t('secretLabel')}>
            {t('secretNote')}
          </SecretOnce>
          <DialogFooter>
            <DialogClose asChild>
              <Button>{t('done')}</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      ) : (
        <DialogContent
          title={t('title')}
          description={t('description')}
          className="max-h-[90vh] max-w-lg overflow-y-auto"
        >
          <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
            {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
            <FormField label={t('url')} hint={t('urlHint')} error={errors.url} required>
              <Input
                name="url"
                autoComplete="off"
                maxLength={2048}
                value={url}
                onChange={(e) => setUrl(e.target.value)}
              />
            </FormField>
            <FormField label={t('descriptionLabel')} hint={t('optional')} error={errors.description}>
              <Input
                name="description"
                autoComplete="off"
                maxLength={500}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            </FormField>
            <fieldset className="grid gap-1.5">
              <legend className="mb-2 text-sm font-medium">{t('events')}</legend>
              <Checkbox
                name="all"
                label={t('allEvents')}
                checked={all}
                onChange={(e) => setAll(e.target.checked)}
              />
              {all
                ? null
                : events.map((event) => (
                    <Checkbox
                      key={event.type}
                      name="eventTypes"
                      value={event.type}
                      label={
                        <span>
                          <code className="font-mono text-xs">{event.type}</code>{' '}
                          <span className="text-xs text-muted-foreground">{event.description}</span>
                        </span>
                      }
                      checked={chosen.has(event.type)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(event.type);
                        else next.delete(event.type);
                        setChosen(next);
                      }}
                    />
                  ))}
              {errors.eventTypes ? (
                <p className="text-xs font-medium text-destructive">{errors.eventTypes}</p>
              ) : null}
            </fieldset>
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
      )}
    </Dialog>
  );
}
