'use client';

import { useState, type FormEvent } from 'react';
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
    if (!url.trim()) problems.url = 'Enter the URL that receives the events.';
    if (!all && chosen.size === 0) problems.eventTypes = 'Choose at least one event, or all events.';
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
        <Button>New endpoint</Button>
      </DialogTrigger>
      {secret ? (
        <DialogContent title="Endpoint added" className="max-w-lg">
          <SecretOnce secret={secret} label="Signing secret">
            This is the only time the signing secret is shown. If you lose it, rotate it.
          </SecretOnce>
          <DialogFooter>
            <DialogClose asChild>
              <Button>Done</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      ) : (
        <DialogContent
          title="Add an endpoint"
          description="Events are POSTed to this URL as they happen."
          className="max-h-[90vh] max-w-lg overflow-y-auto"
        >
          <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-5">
            {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
            <FormField label="URL" hint="https:// on a public address." error={errors.url} required>
              <Input
                name="url"
                autoComplete="off"
                maxLength={2048}
                value={url}
                onChange={(e) => setUrl(e.target.value)}
              />
            </FormField>
            <FormField label="Description" hint="Optional." error={errors.description}>
              <Input
                name="description"
                autoComplete="off"
                maxLength={500}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            </FormField>
            <fieldset className="grid gap-1.5">
              <legend className="mb-2 text-sm font-medium">Events</legend>
              <Checkbox
                name="all"
                label="All events, including ones added later"
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
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" loading={pending}>
                Add endpoint
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      )}
    </Dialog>
  );
}
