'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../components/ui/button';

type ErrorPageProps = {
  error: unknown;
  retry: () => void;
};

export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const t = useTranslations('errors.error');
  // Never the error's own text: in production Next replaces it with a sentence about Server
  // Components, in development it is a driver message ("connect ECONNREFUSED"). A person needs to
  // know it is not their fault and what to do; the digest matches the server's log entry.
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : undefined;

  return (
    <main
      id="main"
      tabIndex={-1}
      className="outline-none flex min-h-dvh flex-col items-center justify-center gap-6 px-6 text-center"
    >
      <div role="alert" className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="max-w-md text-sm text-muted-foreground">{t('body')}</p>
        {digest ? (
          <p className="text-xs text-muted-foreground">
            {t('reference')} <code className="font-mono">{digest}</code>
          </p>
        ) : null}
      </div>
      <Button onClick={() => retry()}>{t('retry')}</Button>
    </main>
  );
}
