import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
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
import { ClientMessages } from '../../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings');
  return { title: t('metaTitle') };
}

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/settings`);
  const mayRename = can(actor, 'workspace.update');
  const { database, storage } = serverContext();
  const logo = storage ? await getWorkspaceLogo({ database, storage }, actor) : undefined;
  const t = await getTranslations('settings');

  return (
    <ClientMessages namespaces={['settings.delete', 'settings.logo', 'settings.rename']}>
      <div className="mx-auto grid w-full max-w-3xl gap-8 [&>*]:min-w-0">
        <div>
          <p className="text-sm font-medium text-primary">{workspace.name}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {mayRename ? t('descriptionManager') : t('descriptionReader')}
          </p>
        </div>

        <SettingsSection id="general" title={t('general')}>
          {mayRename ? (
            <RenameWorkspaceForm key={workspace.name} slug={workspace.slug} name={workspace.name} />
          ) : (
            <dl className="grid gap-1 text-sm">
              <dt className="text-muted-foreground">{t('name')}</dt>
              <dd className="font-medium">{workspace.name}</dd>
            </dl>
          )}
          <dl className="mt-5 grid gap-1 text-sm">
            <dt className="text-muted-foreground">{t('address')}</dt>
            <dd>
              <code className="font-mono">{`/w/${workspace.slug}`}</code>
              <span className="text-muted-foreground">{t('addressNote')}</span>
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
          <SettingsSection id="api-keys" title={t('apiKeysTitle')} description={t('apiKeysDescription')}>
            <Button asChild variant="secondary">
              <Link href={`/w/${workspace.slug}/settings/api-keys`}>{t('apiKeysManage')}</Link>
            </Button>
          </SettingsSection>
        ) : null}

        {can(actor, 'webhook.manage') ? (
          <SettingsSection id="webhooks" title={t('webhooksTitle')} description={t('webhooksDescription')}>
            <Button asChild variant="secondary">
              <Link href={`/w/${workspace.slug}/settings/webhooks`}>{t('webhooksManage')}</Link>
            </Button>
          </SettingsSection>
        ) : null}

        {can(actor, 'workspace.delete') ? (
          <SettingsSection
            id="delete-workspace"
            title={t('deleteTitle')}
            description={t('deleteDescription', { days: RESTORE_WINDOW_DAYS })}
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
    </ClientMessages>
  );
}
