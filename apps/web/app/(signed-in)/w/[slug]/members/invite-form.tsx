'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { isPlanLimit, UpgradePrompt } from '../../../../../components/billing/upgrade-prompt';
import { Alert } from '../../../../../components/ui/alert';
import { Button } from '../../../../../components/ui/button';
import { FormField } from '../../../../../components/ui/form-field';
import { Input } from '../../../../../components/ui/input';
import { Select } from '../../../../../components/ui/select';
import { useToast } from '../../../../../components/ui/toast';
import { rolesUpTo, type MemberRole } from '../../../../../lib/roles';
import type { ActionError } from '../../../../../lib/action-result';
import { useAction } from '../../../../../lib/use-action';
import { useValidation } from '../../../../../lib/use-validation';
import { inviteMemberAction } from './actions';

type FieldErrors = { email?: string; role?: string };

/** Email and role; only roles at or below the inviter's own are offered (the server insists). */
export function InviteForm({
  slug,
  myRole,
  canUpgrade,
}: {
  slug: string;
  myRole: MemberRole;
  canUpgrade: boolean;
}) {
  const { toast } = useToast();
  const t = useTranslations('members.invite');
  const tRoles = useTranslations('common');
  const check = useValidation();
  const validateInviteeEmail = (value: string) =>
    value.trim() === '' ? t('emailRequired') : check.email(value);
  const { run, pending } = useAction(inviteMemberAction);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<ActionError | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = validateInviteeEmail(email);
    setErrors({ email: problem });
    if (problem) return emailRef.current?.focus();
    const result = await run(slug, { email: email.trim(), role });
    if (!result.ok) {
      if (result.error.fields?.email || result.error.fields?.role) {
        setErrors(result.error.fields);
        if (result.error.fields.email) emailRef.current?.focus();
      } else {
        setServerError(result.error);
      }
      return;
    }
    toast({
      title: t('sent'),
      description: t('sentBody', { email: result.data.email, role: tRoles(`rolesLower.${role}`) }),
      variant: 'success',
    });
    setEmail('');
    setErrors({});
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid gap-4">
      {serverError ? (
        isPlanLimit(serverError) ? (
          <UpgradePrompt slug={slug} message={serverError.message} canUpgrade={canUpgrade} />
        ) : (
          <Alert variant="destructive">{serverError.message}</Alert>
        )
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <FormField label={t('email')} error={errors.email} required>
          <Input
            ref={emailRef}
            name="email"
            type="email"
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            placeholder={t('emailPlaceholder')}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              if (errors.email)
                setErrors((current) => ({ ...current, email: validateInviteeEmail(event.target.value) }));
            }}
          />
        </FormField>
        <FormField label={t('role')} hint={tRoles(`roleDescriptions.${role}`)} error={errors.role} required>
          <Select name="role" value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
            {rolesUpTo(myRole).map((option) => (
              <option key={option} value={option}>
                {tRoles(`roles.${option}`)}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <div>
        <Button type="submit" loading={pending}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
