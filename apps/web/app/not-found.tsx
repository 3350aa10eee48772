import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '../components/ui/button';

export const metadata: Metadata = {
  title: 'Page not found',
};

export default function NotFound() {
  return (
    <main
      id="main"
      tabIndex={-1}
      className="outline-none flex min-h-dvh flex-col items-center justify-center gap-6 px-6 text-center"
    >
      <div className="grid gap-2">
        <p className="text-sm font-medium text-primary">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="max-w-sm text-sm text-muted-foreground">
          There is nothing at this address. The link may be mistyped, or what it pointed to may have been
          removed.
        </p>
      </div>
      <div className="flex flex-wrap justify-center gap-3">
        <Button asChild>
          <Link href="/">Back to the home page</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/app">Open the app</Link>
        </Button>
      </div>
    </main>
  );
}
