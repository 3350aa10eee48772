import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { encodeId } from '@plinth/core/public-ids';
import { RefreshOn } from '../../../../../../components/realtime/refresh-on';
import { can } from '@plinth/core/access';
import { onboardingFor } from '@plinth/core/onboarding';
import { listProjects, projectTemplatesFor } from '@plinth/core/projects';
import { serverContext } from '@plinth/core/server-context';
import { requireMember, tenancyDeps, workspaceEntitlements } from '../../../../../../lib/workspace-context';
import { CreateProjectDialog } from '../create-project-dialog';
import { OnboardingChecklist } from '../onboarding-checklist';
import { ProjectList } from '../project-list';
import { toProjectItem } from '../project-item';
import { ClientMessages } from '../../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('projects');
  return { title: t('metaTitle') };
}

export default async function ProjectsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ create?: string | string[] }>;
}) {
  const { slug } = await params;
  const openCreate = (await searchParams).create === '1';
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/projects`);
  const mayCreate = can(actor, 'project.create');
  const canUpgrade = can(actor, 'billing.manage');
  const { database, flags } = serverContext();
  // Independent reads, side by side: the first page (one message: the tenant transaction and
  // its select) and a flag read in a server component (the dialog gets the templates only when the
  // beta is on), whose plan rule takes the plan from the entitlements the layout read for this
  // request (one read per request, not one per reader).
  const [firstPage, templates, onboarding, t] = await Promise.all([
    listProjects(tenancyDeps(), actor),
    mayCreate
      ? workspaceEntitlements(workspace.id).then(({ plan }) =>
          projectTemplatesFor({ database, flags }, actor, plan),
        )
      : [],
    onboardingFor(tenancyDeps(), actor),
    getTranslations('projects'),
  ]);

  return (
    <ClientMessages
      namespaces={['billing.upgradePrompt', 'projects.create', 'projects.list', 'projects.onboarding']}
    >
      <div className="mx-auto grid w-full max-w-4xl gap-8">
        <RefreshOn workspaceId={encodeId('ws', workspace.id)} topics={['projects']} />
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-sm font-medium text-primary">{workspace.name}</p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('title')}</h1>
            <p className="mt-1 text-sm text-muted-foreground">{t('description')}</p>
          </div>
          {mayCreate && firstPage.items.length > 0 ? (
            <CreateProjectDialog
              slug={workspace.slug}
              canUpgrade={canUpgrade}
              templates={templates}
              initiallyOpen={openCreate}
            />
          ) : null}
        </div>
        {onboarding.visible ? (
          <OnboardingChecklist
            slug={workspace.slug}
            items={onboarding.items}
            canDismiss={can(actor, 'workspace.update')}
          />
        ) : null}
        <ProjectList
          // A new first page (after a change elsewhere) starts the list over.
          key={firstPage.items.map((item) => `${item.id}:${item.updatedAt.getTime()}`).join(',')}
          slug={workspace.slug}
          initialItems={firstPage.items.map(toProjectItem)}
          initialCursor={firstPage.nextCursor}
          emptyAction={
            mayCreate ? (
              <CreateProjectDialog
                slug={workspace.slug}
                canUpgrade={canUpgrade}
                templates={templates}
                initiallyOpen={openCreate}
              />
            ) : null
          }
        />
      </div>
    </ClientMessages>
  );
}
