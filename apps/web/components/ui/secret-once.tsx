'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from './alert';
import { Button } from './button';
import { Input } from './input';
import { useToast } from './toast';

/**
 * A secret the server shows only once (an API key, a webhook signing secret): a warning, the value
 * in a read-only field that selects itself, and a Copy button that says when it worked.
 */
export function SecretOnce({
  secret,
  label,
  children,
}: {
  secret: string;
  /** The field's accessible name, e.g. "The new API key". */
  label: string;
  /** Why it is shown once and what to do if it is lost. */
  children: ReactNode;
}) {
  const t = useTranslations('ui');
  const { toast } = useToast();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
      toast({
        title: t('couldNotCopy'),
        description: t('copyByHand'),
        variant: 'destructive',
      });
    }
  }

  return (
    <div className="grid gap-3">
      <Alert variant="destructive" title={t('copyNow')}>
        {children}
      </Alert>
      <div className="flex gap-2">
        <Input
          readOnly
          aria-label={label}
          value={secret}
          className="font-mono text-xs"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          {copied ? t('copied') : t('copy')}
        </Button>
      </div>
    </div>
  );
}
