'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { ActionResult } from '../../lib/action-result';
import { useAction } from '../../lib/use-action';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { Input } from '../ui/input';
import { Select } from '../ui/select';
import { Textarea } from '../ui/textarea';

export type StaffField =
  | {
      name: string;
      label: string;
      kind: 'text' | 'number' | 'date';
      required?: boolean;
      hint?: string;
      defaultValue?: string;
    }
  | { name: string; label: string; kind: 'textarea'; required?: boolean; hint?: string }
  | {
      name: string;
      label: string;
      kind: 'select';
      options: { value: string; label: string }[];
      defaultValue?: string;
    }
  | { name: string; kind: 'hidden'; value: string };

/**
 * One staff action as a form: the fields, a submit button, the server's field errors under their
 * inputs and its message above them; a refresh on success. Dates are sent as the end of that day
 * in the browser's time zone, as an ISO moment. Labels come translated from the page; the server's
 * messages (validation, conflicts) are shown as it words them (English: staff-facing, decision 0039).
 */
export function StaffActionForm({
  action,
  fields,
  submitLabel,
  destructive = false,
  testId,
}: {
  action: (form: Record<string, string>) => Promise<ActionResult>;
  fields: StaffField[];
  submitLabel: string;
  destructive?: boolean;
  testId: string;
}) {
  const router = useRouter();
  const t = useTranslations('admin.form');
  const { run, pending } = useAction(action);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const form: Record<string, string> = {};
    for (const field of fields) {
      const raw = field.kind === 'hidden' ? field.value : String(data.get(field.name) ?? '');
      form[field.name] =
        field.kind === 'date' && raw ? new Date(`${raw}T23:59:59`).toISOString() : raw.trim();
    }
    setDone(false);
    const result = await run(form);
    if (!result.ok) {
      setError({
        message: result.error.message,
        fields: (result.error.fields ?? {}) as Record<string, string>,
      });
      return;
    }
    setError(null);
    setDone(true);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="grid gap-3" data-testid={testId} noValidate>
      {error ? (
        <Alert variant="destructive" title={t('notDone')}>
          {error.message}
        </Alert>
      ) : null}
      {done ? (
        <p className="text-sm text-muted-foreground" role="status">
          {t('done')}
        </p>
      ) : null}
      {fields.map((field) =>
        field.kind === 'hidden' ? null : (
          <FormField
            key={field.name}
            label={field.label}
            error={error?.fields[field.name]}
            hint={'hint' in field ? field.hint : undefined}
            required={'required' in field ? field.required : false}
          >
            {field.kind === 'textarea' ? (
              <Textarea name={field.name} rows={2} maxLength={500} />
            ) : field.kind === 'select' ? (
              <Select name={field.name} defaultValue={field.defaultValue}>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                name={field.name}
                type={field.kind}
                defaultValue={field.defaultValue}
                {...(field.kind === 'number' ? { min: 0, step: 1 } : {})}
              />
            )}
          </FormField>
        ),
      )}
      <div>
        <Button type="submit" disabled={pending} variant={destructive ? 'destructive' : 'primary'}>
          {pending ? t('working') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
