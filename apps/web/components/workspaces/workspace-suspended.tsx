import Link from 'next/link';
import { loadEnv } from '@plinth/core/env';
import { Button } from '../ui/button';

/**
 * What a member sees on every page of a workspace staff suspended (docs/decisions/0032). The
 * staff reason stays internal; the page says what happened and whom to ask.
 */
export function WorkspaceSuspended() {
  const support = loadEnv().mail.supportAddress;
  return (
    <div
      className="mx-auto grid w-full max-w-lg gap-6 py-16 text-center"
      data-testid="workspace-suspended"
      role="alert"
    >
      <div className="grid gap-2">
        <p className="text-sm font-medium text-destructive">Suspended</p>
        <h1 className="text-2xl font-semibold tracking-tight">This workspace is suspended</h1>
        <p className="text-sm text-muted-foreground">
          Our team has suspended this workspace, so its projects, members and settings cannot be opened or
          changed for now. Nothing has been deleted, and billing is unchanged. To find out why, or to have it
          restored, write to{' '}
          <a href={`mailto:${support}`} className="font-medium underline underline-offset-4">
            {support}
          </a>
          .
        </p>
      </div>
      <div className="flex flex-wrap justify-center gap-3">
        <Button asChild variant="secondary">
          <Link href="/app">Go to your other workspaces</Link>
        </Button>
      </div>
    </div>
  );
}
