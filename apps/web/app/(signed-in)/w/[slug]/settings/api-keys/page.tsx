import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can, rankCovers } from '@plinth/core/access';
import { apiKeyScopes, listApiKeys } from '@plinth/core/api-keys';
import { listMembers } from '@plinth/core/tenancy';
import { EmptyState } from '../../../../../../components/ui/empty-state';
import { requireMember, tenancyDeps } from '../../../../../../lib/workspace-context';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyDialog } from './create-api-key-dialog';
import { ClientMessages } from '../../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiKeys');
  return { title: t('metaTitle') };
}

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/settings/api-keys`);
  // Owners and admins only; for everyone else the page does not exist.
  if (!can(actor, 'api_key.read')) notFound();
  const { items } = await listApiKeys(tenancyDeps(), actor, { limit: 100 });
  const mayManage = can(actor, 'api_key.manage');
  const t = await getTranslations('apiKeys');
  // The rank rule: a key of someone above you is not yours to revoke (core refuses it anyway).
  const roles = new Map((await listMembers(tenancyDeps(), actor)).map((m) => [m.userId, m.role]));
  // Only scopes the person holds are offered; core refuses the rest anyway.
  const grantable = apiKeyScopes.filter((scope) => can(actor, scope));
  const keys = items.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    revocable: mayManage && rankCovers(actor.role, roles.get(key.createdBy)),
  }));

  return (
    <ClientMessages namespaces={['apiKeys']}>
      <div className="mx-auto grid w-full max-w-4xl gap-8">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-sm font-medium text-primary">{workspace.name}</p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('title')}</h1>
            <p className="mt-1 max-w-2xl text-sm text-muted-foreground">
              {t.rich('description', { code: (chunks) => <code className="font-mono">{chunks}</code> })}
            </p>
          </div>
          {mayManage ? <CreateApiKeyDialog slug={workspace.slug} grantable={grantable} /> : null}
        </div>

        {keys.length === 0 ? (
          <EmptyState
            title={t('emptyTitle')}
            description={mayManage ? t('emptyManager') : t('emptyReader')}
            icon={
              <svg
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              >
                <circle cx="8" cy="15" r="4" />
                <path d="m10.8 12.2 8.2-8.2M16 7l3 3M14 9l2 2" />
              </svg>
            }
          />
        ) : (
          <ApiKeysTable slug={workspace.slug} keys={keys} />
        )}
      </div>
    </ClientMessages>
  );
}
