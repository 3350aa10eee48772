import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { serverContext } from '@plinth/core/server-context';
import { listMyWorkspaces } from '@plinth/core/tenancy';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { CreateWorkspaceDialog } from '../../../components/workspaces/create-workspace-dialog';
import { requireSession } from '../../../lib/session';
import { WORKSPACE_COOKIE } from '../../../lib/workspace-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('landing.appHome');
  return { title: t('metaTitle') };
}

/**
 * The app's front door: back to the workspace opened last (the cookie survives reloads and new
 * sessions), else the first one the person belongs to, else a first-workspace empty state.
 */
export default async function AppHomePage() {
  const { user } = await requireSession('/app');
  const workspaces = await listMyWorkspaces(serverContext(), user.id);
  const remembered = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const target = workspaces.find((workspace) => workspace.slug === remembered) ?? workspaces[0];
  if (target) redirect(`/w/${target.slug}/projects`);
  const t = await getTranslations('landing.appHome');

  return (
    <div className="mx-auto w-full max-w-4xl">
      <div className="mb-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t('body')}</p>
      </div>
      <EmptyState
        title={t('emptyTitle')}
        description={t('emptyBody')}
        icon={
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="m12 3 9 5-9 5-9-5 9-5Z" />
            <path d="m3 13 9 5 9-5" />
          </svg>
        }
        action={<CreateWorkspaceDialog trigger={<Button>{t('create')}</Button>} />}
      />
    </div>
  );
}
