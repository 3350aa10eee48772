import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can } from '@plinth/core/access';
import { eventCatalog, eventTypes } from '@plinth/core/events';
import { listWebhookEndpoints } from '@plinth/core/webhooks';
import { EmptyState } from '../../../../../../components/ui/empty-state';
import { requireMember, webhookDeps } from '../../../../../../lib/workspace-context';
import { CreateEndpointDialog } from './create-endpoint-dialog';
import { EndpointsTable } from './endpoints-table';
import { ClientMessages } from '../../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('webhooks');
  return { title: t('metaTitle') };
}

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/settings/webhooks`);
  // Owners and admins only; for everyone else the page does not exist.
  if (!can(actor, 'webhook.manage')) notFound();
  const endpoints = await listWebhookEndpoints(webhookDeps(), actor);
  const t = await getTranslations('webhooks');
  // Each event's description from the catalog; core's English one for an event it does not know yet.
  const events = eventTypes.map((type) => ({
    type,
    description: t.has(`events.${type}` as never)
      ? t(`events.${type}` as never)
      : eventCatalog[type].description,
  }));

  return (
    <ClientMessages namespaces={['webhooks.create', 'webhooks.table']}>
      <div className="mx-auto grid w-full max-w-4xl gap-8">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-sm font-medium text-primary">{workspace.name}</p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('title')}</h1>
            <p className="mt-1 max-w-2xl text-sm text-muted-foreground">
              {t.rich('description', { code: (chunks) => <code className="font-mono">{chunks}</code> })}
            </p>
          </div>
          <CreateEndpointDialog slug={workspace.slug} events={events} />
        </div>
        {endpoints.length === 0 ? (
          <EmptyState
            title={t('emptyTitle')}
            description={t('emptyDescription')}
            icon={
              <svg
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              >
                <path d="M4 12h10M10 6l6 6-6 6M20 4v16" />
              </svg>
            }
          />
        ) : (
          <EndpointsTable
            slug={workspace.slug}
            endpoints={endpoints.map((endpoint) => ({
              id: endpoint.id,
              url: endpoint.url,
              description: endpoint.description,
              eventTypes: endpoint.eventTypes,
              enabled: endpoint.enabled,
              disabledReason: endpoint.disabledReason,
            }))}
          />
        )}
      </div>
    </ClientMessages>
  );
}
