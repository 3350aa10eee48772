'use client';

import { Button } from '../components/ui/button';

type ErrorPageProps = {
  error: unknown;
  retry: () => void;
};

export default function ErrorPage({ error, retry }: ErrorPageProps) {
  // Server errors reach the browser with a generic message in production; the digest matches
  // the server log entry.
  const message = error instanceof Error && error.message ? error.message : 'An unexpected error occurred.';
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : undefined;

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-6 text-center">
      <div role="alert" className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="max-w-md text-sm text-muted-foreground">{message}</p>
        {digest ? (
          <p className="text-xs text-muted-foreground">
            Reference: <code className="font-mono">{digest}</code>
          </p>
        ) : null}
      </div>
      <Button onClick={() => retry()}>Try again</Button>
    </main>
  );
}
