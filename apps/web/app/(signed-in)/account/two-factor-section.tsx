'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { QrCode } from '../../../components/ui/qr-code';
import { useToast } from '../../../components/ui/toast';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { normalizeTotpCode, totpCodeProblem } from '../../../lib/validation';
import { BackupCodes } from './backup-codes';
import { PasswordConfirmDialog } from './password-confirm-dialog';
import { SettingsSection } from '../../../components/ui/settings-section';

type Setup = { totpURI: string; secret: string; backupCodes: string[] };

type Step =
  | { kind: 'idle' }
  | { kind: 'password' }
  | { kind: 'setup'; setup: Setup }
  | { kind: 'new-codes'; codes: string[] };

/** The base32 key inside an otpauth:// URI, for people who type it instead of scanning. */
function secretFromUri(totpURI: string): string {
  try {
    return new URL(totpURI).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

type TwoFactorSectionProps = {
  enabled: boolean;
  hasPassword: boolean;
};

export function TwoFactorSection({ enabled, hasPassword }: TwoFactorSectionProps) {
  const t = useTranslations('account');
  const router = useRouter();
  const { toast } = useToast();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [refreshing, startRefresh] = useTransition();

  function finished(title: string) {
    toast({ title, variant: 'success' });
    setStep({ kind: 'idle' });
    startRefresh(() => router.refresh());
  }

  const status = enabled ? (
    <Badge variant="success">{t('twoFactor.on')}</Badge>
  ) : (
    <Badge>{t('twoFactor.off')}</Badge>
  );

  let body;
  if (step.kind === 'setup') {
    body = (
      <SetupPanel
        setup={step.setup}
        onCancel={() => setStep({ kind: 'idle' })}
        onDone={() => finished(t('twoFactor.turnedOn'))}
        refreshing={refreshing}
      />
    );
  } else if (step.kind === 'new-codes') {
    body = (
      <div className="grid gap-4">
        <Alert variant="success" title={t('twoFactor.newCodesTitle')}>
          {t('twoFactor.newCodesBody')}
        </Alert>
        <BackupCodes codes={step.codes} />
        <div>
          <Button onClick={() => setStep({ kind: 'idle' })}>{t('twoFactor.savedThem')}</Button>
        </div>
      </div>
    );
  } else if (enabled) {
    body = (
      <EnabledPanel
        hasPassword={hasPassword}
        onDisabled={() => finished(t('twoFactor.turnedOff'))}
        onNewCodes={(codes) => setStep({ kind: 'new-codes', codes })}
      />
    );
  } else if (!hasPassword) {
    body = (
      <div className="grid max-w-md gap-3 text-sm text-muted-foreground">
        <p>{t('twoFactor.needsPassword')}</p>
        <div>
          <Button asChild variant="secondary">
            <Link href="/forgot-password">{t('setPassword')}</Link>
          </Button>
        </div>
      </div>
    );
  } else if (step.kind === 'password') {
    body = (
      <EnablePasswordForm
        onCancel={() => setStep({ kind: 'idle' })}
        onEnabled={(setup) => setStep({ kind: 'setup', setup })}
      />
    );
  } else {
    body = (
      <div className="grid max-w-xl gap-4 text-sm text-muted-foreground">
        <p>{t('twoFactor.intro')}</p>
        <div>
          <Button onClick={() => setStep({ kind: 'password' })} loading={refreshing}>
            {t('twoFactor.turnOn')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <SettingsSection
      id="two-factor"
      title={t('twoFactor.title')}
      description={t('twoFactor.description')}
      aside={status}
    >
      {body}
    </SettingsSection>
  );
}

function EnablePasswordForm({
  onCancel,
  onEnabled,
}: {
  onCancel: () => void;
  onEnabled: (setup: Setup) => void;
}) {
  const t = useTranslations('account');
  const tErrors = useTranslations('common.authErrors');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = password.trim() === '' ? t('passwordRequired') : undefined;
    setError(problem);
    if (problem) return inputRef.current?.focus();
    setPending(true);
    const outcome = await callAuth(authClient.twoFactor.enable({ password }));
    setPending(false);
    if (!outcome.ok) {
      setPassword('');
      inputRef.current?.focus();
      return setServerError(localizedAuthMessage(outcome, tErrors));
    }
    const { totpURI, backupCodes } = outcome.data as { totpURI?: string; backupCodes?: string[] };
    if (!totpURI || !backupCodes) return setServerError(t('twoFactor.noSetupKey'));
    onEnabled({ totpURI, secret: secretFromUri(totpURI), backupCodes });
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-md gap-4">
      <p className="text-sm text-muted-foreground">{t('twoFactor.confirmPassword')}</p>
      {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
      <FormField label={t('yourPassword')} error={error} required>
        <Input
          ref={inputRef}
          name="password"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            if (error) setError(undefined);
          }}
        />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" loading={pending}>
          {t('twoFactor.continue')}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          {t('twoFactor.cancel')}
        </Button>
      </div>
    </form>
  );
}

type SetupPanelProps = {
  setup: Setup;
  onCancel: () => void;
  onDone: () => void;
  refreshing: boolean;
};

function SetupPanel({ setup, onCancel, onDone, refreshing }: SetupPanelProps) {
  const t = useTranslations('account');
  const tErrors = useTranslations('common.authErrors');
  const validateTotpCode = (value: string) => {
    const problem = totpCodeProblem(value);
    return problem ? t(`twoFactor.${problem}`) : undefined;
  };
  const { toast } = useToast();
  const [saved, setSaved] = useState(false);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ saved?: string; code?: string }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const savedRef = useRef<HTMLInputElement>(null);

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(setup.secret);
      toast({ title: t('twoFactor.keyCopied') });
    } catch {
      toast({
        title: t('couldNotCopy'),
        description: t('twoFactor.copyKeyByHand'),
        variant: 'destructive',
      });
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problems = {
      saved: saved ? undefined : t('twoFactor.confirmSaved'),
      code: validateTotpCode(code),
    };
    setErrors(problems);
    if (problems.saved) return savedRef.current?.focus();
    if (problems.code) return codeRef.current?.focus();
    setPending(true);
    const outcome = await callAuth(authClient.twoFactor.verifyTotp({ code: normalizeTotpCode(code) }));
    setPending(false);
    if (!outcome.ok) {
      setCode('');
      codeRef.current?.focus();
      return setServerError(localizedAuthMessage(outcome, tErrors));
    }
    onDone();
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
      className="grid gap-8"
      data-testid="two-factor-setup"
    >
      <ol className="grid gap-8">
        <li className="grid gap-3">
          <h3 className="text-sm font-semibold">{t('twoFactor.step1')}</h3>
          <div className="flex flex-wrap items-start gap-6">
            <QrCode value={setup.totpURI} label={t('twoFactor.qrLabel')} />
            <div className="grid max-w-sm min-w-0 flex-1 gap-2 text-sm">
              <p className="text-muted-foreground">{t('twoFactor.cannotScan')}</p>
              <code
                data-testid="totp-secret"
                className="rounded-md border border-border bg-muted/50 px-3 py-2 font-mono text-sm tracking-wider break-all"
              >
                {setup.secret}
              </code>
              <div>
                <Button size="sm" variant="secondary" onClick={() => void copySecret()}>
                  {t('twoFactor.copyKey')}
                </Button>
              </div>
              <details className="text-xs text-muted-foreground">
                <summary className="cursor-pointer">{t('twoFactor.showLink')}</summary>
                <code data-testid="totp-uri" className="mt-2 block font-mono break-all">
                  {setup.totpURI}
                </code>
              </details>
            </div>
          </div>
        </li>
        <li className="grid gap-3">
          <h3 className="text-sm font-semibold">{t('twoFactor.step2')}</h3>
          <p className="text-sm text-muted-foreground">{t('twoFactor.step2Body')}</p>
          <BackupCodes codes={setup.backupCodes} />
          <Checkbox
            ref={savedRef}
            label={t('twoFactor.savedCodes')}
            checked={saved}
            error={errors.saved}
            onChange={(event) => {
              setSaved(event.target.checked);
              if (event.target.checked) setErrors((current) => ({ ...current, saved: undefined }));
            }}
          />
        </li>
        <li className="grid max-w-md gap-3">
          <h3 className="text-sm font-semibold">{t('twoFactor.step3')}</h3>
          {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
          <FormField
            label={t('twoFactor.codeLabel')}
            error={errors.code}
            hint={t('twoFactor.codeHint')}
            required
          >
            <Input
              ref={codeRef}
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9 ]*"
              maxLength={7}
              className="font-mono tracking-[0.3em]"
              value={code}
              onChange={(event) => {
                setCode(event.target.value);
                if (errors.code)
                  setErrors((current) => ({ ...current, code: validateTotpCode(event.target.value) }));
              }}
            />
          </FormField>
        </li>
      </ol>
      <div className="flex gap-2">
        <Button type="submit" loading={pending || refreshing}>
          {t('twoFactor.verify')}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={pending || refreshing}>
          {t('twoFactor.cancel')}
        </Button>
      </div>
    </form>
  );
}

type EnabledPanelProps = {
  hasPassword: boolean;
  onDisabled: () => void;
  onNewCodes: (codes: string[]) => void;
};

function EnabledPanel({ hasPassword, onDisabled, onNewCodes }: EnabledPanelProps) {
  const t = useTranslations('account.twoFactor');
  const tErrors = useTranslations('common.authErrors');
  return (
    <div className="grid gap-4 text-sm">
      <p className="text-muted-foreground">{t('enabledBody')}</p>
      <div className="flex flex-wrap gap-2">
        <PasswordConfirmDialog
          trigger={<Button variant="secondary">{t('regenerate')}</Button>}
          title={t('regenerateTitle')}
          description={t('regenerateDescription')}
          confirmLabel={t('regenerateConfirm')}
          askPassword={hasPassword}
          onConfirm={async (password) => {
            const outcome = await callAuth(authClient.twoFactor.generateBackupCodes({ password }));
            if (!outcome.ok) return localizedAuthMessage(outcome, tErrors);
            const { backupCodes } = outcome.data as { backupCodes?: string[] };
            if (!backupCodes) return t('noNewCodes');
            onNewCodes(backupCodes);
            return null;
          }}
        />
        <PasswordConfirmDialog
          trigger={<Button variant="destructive">{t('turnOff')}</Button>}
          title={t('turnOffTitle')}
          description={t('turnOffDescription')}
          confirmLabel={t('turnOff')}
          destructive
          askPassword={hasPassword}
          onConfirm={async (password) => {
            const outcome = await callAuth(authClient.twoFactor.disable({ password }));
            if (!outcome.ok) return localizedAuthMessage(outcome, tErrors);
            onDisabled();
            return null;
          }}
        />
      </div>
    </div>
  );
}
