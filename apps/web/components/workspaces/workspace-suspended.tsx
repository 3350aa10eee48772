import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { loadEnv } from '@plinth/core/env';
import { Button } from '../ui/button';

/**
 * What a member sees on every page of a workspace staff suspended (docs/decisions/0032). The
 * staff reason stays internal; the page says what happened and whom to ask.
 */
export function WorkspaceSuspended() {
  const support = loadEnv().mail.supportAddress;
  const t = useTranslations('workspaces.suspended');
  return (
    <div
      className="mx-auto grid w-full max-w-lg gap-6 py-16 text-center"
      data-testid="workspace-suspended"
      role="alert"
    >
      <div className="grid gap-2">
        <p className="text-sm font-medium text-destructive">{t('label')}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="text-sm text-muted-foreground">
          {t.rich('body', {
            support,
            mail: (chunks) => (
              <a href={`mailto:${support}`} className="font-medium underline underline-offset-4">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
      <div className="flex flex-wrap justify-center gap-3">
        <Button asChild variant="secondary">
          <Link href="/app">{t('otherWorkspaces')}</Link>
        </Button>
      </div>
    </div>
  );
}
