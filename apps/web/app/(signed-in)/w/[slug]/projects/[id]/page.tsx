import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can } from '@plinth/core/access';
import { isAppError } from '@plinth/core/errors';
import { getProject, type ProjectView } from '@plinth/core/projects';
import { listFiles } from '@plinth/core/storage';
import { listMembers } from '@plinth/core/tenancy';
import { LocalTime } from '../../../../../../components/ui/local-time';
import { SettingsSection } from '../../../../../../components/ui/settings-section';
import { requireMember, tenancyDeps } from '../../../../../../lib/workspace-context';
import type { MemberActor } from '@plinth/core/tenancy';
import { toAttachmentItem } from './attachment-item';
import { AttachmentsSection } from './attachments-section';
import { DeleteProjectButton } from './delete-project-button';
import { EditProjectForm } from './edit-project-form';
import { ClientMessages } from '../../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('projects.detail');
  return { title: t('metaTitle') };
}

/** The project, or 404 for an id that is malformed, deleted or from another workspace. */
async function projectOr404(actor: MemberActor, id: string): Promise<ProjectView> {
  try {
    return await getProject(tenancyDeps(), actor, id);
  } catch (error) {
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'invalid_input')) notFound();
    throw error;
  }
}

export default async function ProjectPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/projects/${id}`);
  const project = await projectOr404(actor, id);
  const members = await listMembers(tenancyDeps(), actor);
  const creator = members.find((member) => member.userId === project.createdBy);
  const mayUpdate = can(actor, 'project.update');
  const mayDelete = can(actor, 'project.delete');
  const attachments = await listFiles(tenancyDeps(), actor, { project_id: project.id, limit: 100 });
  const t = await getTranslations('projects.detail');

  return (
    <ClientMessages namespaces={['billing.upgradePrompt', 'projects']}>
      <div className="mx-auto grid w-full max-w-3xl gap-8">
        <div className="grid gap-3">
          <Link
            href={`/w/${workspace.slug}/projects`}
            className="w-fit text-sm font-medium text-muted-foreground hover:text-foreground"
          >
            {t('allProjects')}
          </Link>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0">
              <h1 className="text-2xl font-semibold tracking-tight break-words">{project.name}</h1>
              <p className="mt-1 text-sm text-muted-foreground">
                {t.rich('meta', {
                  created: () => <LocalTime value={project.createdAt} />,
                  updated: () => <LocalTime value={project.updatedAt} />,
                  hasCreator: creator ? 'yes' : 'no',
                  creator: creator ? creator.name || creator.email : '',
                })}
              </p>
            </div>
            {/* Hidden from roles that may not delete; the action refuses them on the server anyway. */}
            {mayDelete ? (
              <DeleteProjectButton slug={workspace.slug} projectId={project.id} projectName={project.name} />
            ) : null}
          </div>
          {project.description ? (
            <p className="text-sm whitespace-pre-line">{project.description}</p>
          ) : (
            <p className="text-sm text-muted-foreground">{t('noDescription')}</p>
          )}
        </div>

        <SettingsSection id="attachments" title={t('filesTitle')} description={t('filesDescription')}>
          <AttachmentsSection
            slug={workspace.slug}
            projectId={project.id}
            items={attachments.items.map(toAttachmentItem)}
            mayUpload={can(actor, 'file.upload')}
            mayDelete={can(actor, 'file.delete')}
          />
        </SettingsSection>

        {mayUpdate ? (
          <SettingsSection id="edit-project" title={t('editTitle')} description={t('editDescription')}>
            <EditProjectForm
              key={project.updatedAt.getTime()}
              slug={workspace.slug}
              projectId={project.id}
              name={project.name}
              description={project.description ?? ''}
              canUpgrade={can(actor, 'billing.manage')}
            />
          </SettingsSection>
        ) : null}
      </div>
    </ClientMessages>
  );
}
