import type { Metadata } from 'next';
import { can } from '@plinth/core/access';
import { listProjects } from '@plinth/core/projects';
import { requireMember, tenancyDeps } from '../../../../../lib/workspace-context';
import { CreateProjectDialog } from './create-project-dialog';
import { ProjectList } from './project-list';
import { toProjectItem } from './project-item';

export const metadata: Metadata = {
  title: 'Projects',
};

export default async function ProjectsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/projects`);
  const firstPage = await listProjects(tenancyDeps(), actor);
  const mayCreate = can(actor, 'project.create');
  const canUpgrade = can(actor, 'billing.manage');

  return (
    <div className="mx-auto grid w-full max-w-4xl gap-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-primary">{workspace.name}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">Projects</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Everyone in the workspace can see its projects.
          </p>
        </div>
        {mayCreate && firstPage.items.length > 0 ? (
          <CreateProjectDialog slug={workspace.slug} canUpgrade={canUpgrade} />
        ) : null}
      </div>
      <ProjectList
        // A new first page (after a change elsewhere) starts the list over.
        key={firstPage.items.map((item) => `${item.id}:${item.updatedAt.getTime()}`).join(',')}
        slug={workspace.slug}
        initialItems={firstPage.items.map(toProjectItem)}
        initialCursor={firstPage.nextCursor}
        emptyAction={mayCreate ? <CreateProjectDialog slug={workspace.slug} canUpgrade={canUpgrade} /> : null}
      />
    </div>
  );
}
