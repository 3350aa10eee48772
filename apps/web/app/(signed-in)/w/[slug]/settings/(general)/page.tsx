import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@plinth/core/access';
import { serverContext } from '@plinth/core/server-context';
import { getWorkspaceLogo } from '@plinth/core/storage';
import { RESTORE_WINDOW_DAYS } from '@plinth/core/tenancy';
import { Button } from '../../../../../../components/ui/button';
import { SettingsSection } from '../../../../../../components/ui/settings-section';
import { requireMember } from '../../../../../../lib/workspace-context';
import { DeleteWorkspaceForm } from '../delete-workspace-form';
import { LogoSection } from '../logo-section';
import { RenameWorkspaceForm } from '../rename-workspace-form';

export const metadata: Metadata = {
  title: 'Workspace settings',
};

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/settings`);
  const mayRename = can(actor, 'workspace.update');
  const { database, storage } = serverContext();
  const logo = storage ? await getWorkspaceLogo({ database, storage }, actor) : undefined;

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-8 [&>*]:min-w-0">
      <div>
        <p className="text-sm font-medium text-primary">{workspace.name}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {mayRename
            ? 'The workspace’s name and address, and deleting it.'
            : 'Only owners and admins can change these settings.'}
        </p>
      </div>

      <SettingsSection id="general" title="General">
        {mayRename ? (
          <RenameWorkspaceForm key={workspace.name} slug={workspace.slug} name={workspace.name} />
        ) : (
          <dl className="grid gap-1 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd className="font-medium">{workspace.name}</dd>
          </dl>
        )}
        <dl className="mt-5 grid gap-1 text-sm">
          <dt className="text-muted-foreground">Address</dt>
          <dd>
            <code className="font-mono">/w/{workspace.slug}</code>
            <span className="text-muted-foreground"> — addresses do not change, so links keep working.</span>
          </dd>
        </dl>
      </SettingsSection>

      {mayRename ? (
        <LogoSection
          slug={workspace.slug}
          name={workspace.name}
          logo={logo === undefined ? undefined : logo && { status: logo.status, urls: logo.urls }}
        />
      ) : null}

      {can(actor, 'api_key.read') ? (
        <SettingsSection
          id="api-keys"
          title="API keys"
          description="Keys for scripts and integrations, scoped to this workspace and to the permissions you choose."
        >
          <Button asChild variant="secondary">
            <Link href={`/w/${workspace.slug}/settings/api-keys`}>Manage API keys</Link>
          </Button>
        </SettingsSection>
      ) : null}

      {can(actor, 'webhook.manage') ? (
        <SettingsSection
          id="webhooks"
          title="Webhooks"
          description="Signed HTTP requests to your endpoints when things change in this workspace (Standard Webhooks)."
        >
          <Button asChild variant="secondary">
            <Link href={`/w/${workspace.slug}/settings/webhooks`}>Manage webhooks</Link>
          </Button>
        </SettingsSection>
      ) : null}

      {can(actor, 'workspace.delete') ? (
        <SettingsSection
          id="delete-workspace"
          title="Delete workspace"
          description={`It disappears for every member at once. Its owners can restore it for ${RESTORE_WINDOW_DAYS} days; after that it is gone for good.`}
          tone="danger"
        >
          <DeleteWorkspaceForm
            slug={workspace.slug}
            workspaceName={workspace.name}
            restoreWindowDays={RESTORE_WINDOW_DAYS}
          />
        </SettingsSection>
      ) : null}
    </div>
  );
}
