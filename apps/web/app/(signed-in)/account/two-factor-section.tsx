'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { QrCode } from '../../../components/ui/qr-code';
import { useToast } from '../../../components/ui/toast';
import { authClient } from '../../../lib/auth-client';
import { callAuth } from '../../../lib/auth-errors';
import { normalizeTotpCode, validateRequired, validateTotpCode } from '../../../lib/validation';
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
  const router = useRouter();
  const { toast } = useToast();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [refreshing, startRefresh] = useTransition();

  function finished(title: string) {
    toast({ title, variant: 'success' });
    setStep({ kind: 'idle' });
    startRefresh(() => router.refresh());
  }

  const status = enabled ? <Badge variant="success">On</Badge> : <Badge>Off</Badge>;

  let body;
  if (step.kind === 'setup') {
    body = (
      <SetupPanel
        setup={step.setup}
        onCancel={() => setStep({ kind: 'idle' })}
        onDone={() => finished('Two-factor authentication is on')}
        refreshing={refreshing}
      />
    );
  } else if (step.kind === 'new-codes') {
    body = (
      <div className="grid gap-4">
        <Alert variant="success" title="New backup codes">
          Your old codes no longer work. Save these now: this is the only time they are shown.
        </Alert>
        <BackupCodes codes={step.codes} />
        <div>
          <Button onClick={() => setStep({ kind: 'idle' })}>I saved them</Button>
        </div>
      </div>
    );
  } else if (enabled) {
    body = (
      <EnabledPanel
        hasPassword={hasPassword}
        onDisabled={() => finished('Two-factor authentication is off')}
        onNewCodes={(codes) => setStep({ kind: 'new-codes', codes })}
      />
    );
  } else if (!hasPassword) {
    body = (
      <div className="grid max-w-md gap-3 text-sm text-muted-foreground">
        <p>Two-factor authentication protects your password. Set a password first, then turn it on here.</p>
        <div>
          <Button asChild variant="secondary">
            <Link href="/forgot-password">Set a password</Link>
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
        <p>
          Besides your password, ask for a code from an authenticator app (1Password, Google Authenticator,
          Authy…) when you sign in. Someone who learns your password still cannot get in.
        </p>
        <div>
          <Button onClick={() => setStep({ kind: 'password' })} loading={refreshing}>
            Turn on two-factor authentication
          </Button>
        </div>
      </div>
    );
  }

  return (
    <SettingsSection
      id="two-factor"
      title="Two-factor authentication"
      description="A second step when you sign in with your password."
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
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problem = validateRequired(password, 'Enter your password.');
    setError(problem);
    if (problem) return inputRef.current?.focus();
    setPending(true);
    const outcome = await callAuth(authClient.twoFactor.enable({ password }));
    setPending(false);
    if (!outcome.ok) {
      setPassword('');
      inputRef.current?.focus();
      return setServerError(outcome.message);
    }
    const { totpURI, backupCodes } = outcome.data as { totpURI?: string; backupCodes?: string[] };
    if (!totpURI || !backupCodes) return setServerError('The server did not return a setup key. Try again.');
    onEnabled({ totpURI, secret: secretFromUri(totpURI), backupCodes });
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="grid max-w-md gap-4">
      <p className="text-sm text-muted-foreground">Confirm your password to set up an authenticator app.</p>
      {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
      <FormField label="Your password" error={error} required>
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
          Continue
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
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
      toast({ title: 'Key copied' });
    } catch {
      toast({
        title: 'Could not copy',
        description: 'Select the key and copy it by hand.',
        variant: 'destructive',
      });
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const problems = {
      saved: saved ? undefined : 'Confirm that you saved your backup codes.',
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
      return setServerError(outcome.message);
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
          <h3 className="text-sm font-semibold">1. Scan this code with your authenticator app</h3>
          <div className="flex flex-wrap items-start gap-6">
            <QrCode value={setup.totpURI} label="QR code to add Plinth to your authenticator app" />
            <div className="grid max-w-sm min-w-0 flex-1 gap-2 text-sm">
              <p className="text-muted-foreground">Cannot scan it? Enter this key in the app instead:</p>
              <code
                data-testid="totp-secret"
                className="rounded-md border border-border bg-muted/50 px-3 py-2 font-mono text-sm tracking-wider break-all"
              >
                {setup.secret}
              </code>
              <div>
                <Button size="sm" variant="secondary" onClick={() => void copySecret()}>
                  Copy key
                </Button>
              </div>
              <details className="text-xs text-muted-foreground">
                <summary className="cursor-pointer">Show the setup link</summary>
                <code data-testid="totp-uri" className="mt-2 block font-mono break-all">
                  {setup.totpURI}
                </code>
              </details>
            </div>
          </div>
        </li>
        <li className="grid gap-3">
          <h3 className="text-sm font-semibold">2. Save your backup codes</h3>
          <p className="text-sm text-muted-foreground">
            If you lose your phone, each of these codes signs you in once. Keep them somewhere safe, such as a
            password manager. They are shown only now.
          </p>
          <BackupCodes codes={setup.backupCodes} />
          <Checkbox
            ref={savedRef}
            label="I saved my backup codes"
            checked={saved}
            error={errors.saved}
            onChange={(event) => {
              setSaved(event.target.checked);
              if (event.target.checked) setErrors((current) => ({ ...current, saved: undefined }));
            }}
          />
        </li>
        <li className="grid max-w-md gap-3">
          <h3 className="text-sm font-semibold">3. Enter the code the app shows</h3>
          {serverError ? <Alert variant="destructive">{serverError}</Alert> : null}
          <FormField
            label="Authentication code"
            error={errors.code}
            hint="6 digits, refreshed every 30 seconds."
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
          Verify and turn on
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={pending || refreshing}>
          Cancel
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
  return (
    <div className="grid gap-4 text-sm">
      <p className="text-muted-foreground">
        When you sign in with your password, we ask for a code from your authenticator app. Lost your phone?
        Use one of your backup codes.
      </p>
      <div className="flex flex-wrap gap-2">
        <PasswordConfirmDialog
          trigger={<Button variant="secondary">Regenerate backup codes</Button>}
          title="Regenerate backup codes"
          description="Your current backup codes stop working, and you get ten new ones."
          confirmLabel="Regenerate"
          askPassword={hasPassword}
          onConfirm={async (password) => {
            const outcome = await callAuth(authClient.twoFactor.generateBackupCodes({ password }));
            if (!outcome.ok) return outcome.message;
            const { backupCodes } = outcome.data as { backupCodes?: string[] };
            if (!backupCodes) return 'The server did not return new codes. Try again.';
            onNewCodes(backupCodes);
            return null;
          }}
        />
        <PasswordConfirmDialog
          trigger={<Button variant="destructive">Turn off</Button>}
          title="Turn off two-factor authentication"
          description="Signing in will need only your password. Your backup codes stop working."
          confirmLabel="Turn off"
          destructive
          askPassword={hasPassword}
          onConfirm={async (password) => {
            const outcome = await callAuth(authClient.twoFactor.disable({ password }));
            if (!outcome.ok) return outcome.message;
            onDisabled();
            return null;
          }}
        />
      </div>
    </div>
  );
}
