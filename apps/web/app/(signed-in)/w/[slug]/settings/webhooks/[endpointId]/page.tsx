import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can } from '@plinth/core/access';
import { isAppError } from '@plinth/core/errors';
import { getWebhookEndpoint, listDeliveries } from '@plinth/core/webhooks';
import { requireMember, webhookDeps } from '../../../../../../../lib/workspace-context';
import { DeliveriesTable } from './deliveries-table';
import { ClientMessages } from '../../../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('webhooks.deliveries');
  return { title: t('metaTitle') };
}

export default async function DeliveriesPage({
  params,
}: {
  params: Promise<{ slug: string; endpointId: string }>;
}) {
  const { slug, endpointId } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/settings/webhooks/${endpointId}`);
  if (!can(actor, 'webhook.manage')) notFound();
  const endpoint = await getWebhookEndpoint(webhookDeps(), actor, endpointId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const { items } = await listDeliveries(webhookDeps(), actor, endpoint.id, { limit: 50 });
  const t = await getTranslations('webhooks.deliveries');

  return (
    <ClientMessages namespaces={['webhooks.deliveries']}>
      <div className="mx-auto grid w-full max-w-4xl gap-6">
        <div>
          <Link className="text-sm text-primary" href={`/w/${workspace.slug}/settings/webhooks`}>
            {t('back')}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 font-mono text-xs text-muted-foreground">{endpoint.url}</p>
        </div>
        <DeliveriesTable
          slug={workspace.slug}
          endpointId={endpoint.id}
          deliveries={items.map((row) => ({
            id: row.id,
            eventType: row.eventType,
            status: row.status,
            attempts: row.attempts,
            responseStatus: row.responseStatus,
            responseBody: row.responseBody,
            error: row.error,
            durationMs: row.durationMs,
            requestHeaders: row.requestHeaders,
            body: row.body,
            createdAt: row.createdAt,
            nextAttemptAt: row.nextAttemptAt,
          }))}
        />
      </div>
    </ClientMessages>
  );
}
