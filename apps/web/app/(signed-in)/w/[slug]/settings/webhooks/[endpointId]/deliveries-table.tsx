'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '../../../../../../../components/ui/badge';
import { Button } from '../../../../../../../components/ui/button';
import { LocalTime } from '../../../../../../../components/ui/local-time';
import { useToast } from '../../../../../../../components/ui/toast';
import { retryDeliveryAction } from '../actions';

export interface DeliveryRow {
  id: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number | null;
  requestHeaders: Record<string, string> | null;
  body: string;
  createdAt: Date;
  nextAttemptAt: Date | null;
}

const variants = { pending: 'neutral', succeeded: 'success', failed: 'destructive' } as const;

export function DeliveriesTable({
  slug,
  endpointId,
  deliveries,
}: {
  slug: string;
  endpointId: string;
  deliveries: DeliveryRow[];
}) {
  const { toast } = useToast();
  const t = useTranslations('webhooks.deliveries');
  if (deliveries.length === 0) {
    return <p className="text-sm text-muted-foreground">{t('none')}</p>;
  }
  return (
    <ul className="grid gap-3" aria-label={t('label')}>
      {deliveries.map((delivery) => (
        <li
          key={delivery.id}
          className="rounded-lg border p-3"
          data-testid={`delivery-${delivery.eventType}`}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex items-center gap-2">
              <code className="font-mono text-sm">{delivery.eventType}</code>
              <Badge variant={variants[delivery.status]}>
                {delivery.status === 'succeeded'
                  ? t('delivered')
                  : delivery.status === 'failed'
                    ? t('failed')
                    : t('pending')}
              </Badge>
              <span className="text-xs text-muted-foreground">
                {t('attempts', { count: delivery.attempts })}
                {delivery.responseStatus ? t('httpStatus', { status: delivery.responseStatus }) : ''}
                {delivery.durationMs !== null ? t('duration', { ms: delivery.durationMs }) : ''}
              </span>
            </div>
            <div className="flex items-center gap-2 text-xs text-muted-foreground">
              <LocalTime value={delivery.createdAt} />
              <Button
                variant="ghost"
                size="sm"
                onClick={async () => {
                  const result = await retryDeliveryAction(slug, endpointId, delivery.id).catch(() => null);
                  if (!result || !result.ok)
                    toast({
                      title: result ? result.error.message : t('unreachable'),
                      variant: 'destructive',
                    });
                  else toast({ title: t('requeued') });
                }}
              >
                {t('retry')}
              </Button>
            </div>
          </div>
          {delivery.status === 'pending' && delivery.nextAttemptAt ? (
            <NextAttempt at={delivery.nextAttemptAt} />
          ) : null}
          <details className="mt-2 text-xs">
            <summary className="cursor-pointer text-primary">{t('requestAndResponse')}</summary>
            <p className="mt-2 font-medium">{t('requestHeaders')}</p>
            <pre className="overflow-auto rounded bg-muted p-2">
              {JSON.stringify(delivery.requestHeaders ?? {}, null, 2)}
            </pre>
            <p className="mt-2 font-medium">{t('requestBody')}</p>
            <pre className="overflow-auto rounded bg-muted p-2">{delivery.body}</pre>
            <p className="mt-2 font-medium">{t('response')}</p>
            <pre className="overflow-auto rounded bg-muted p-2">
              {delivery.error ?? `${delivery.responseStatus ?? ''} ${delivery.responseBody ?? ''}`}
            </pre>
          </details>
        </li>
      ))}
    </ul>
  );
}

function NextAttempt({ at }: { at: Date }) {
  const t = useTranslations('webhooks.deliveries');
  return (
    <p className="mt-1 text-xs text-muted-foreground">
      {t.rich('nextAttempt', { time: () => <LocalTime value={at} /> })}
    </p>
  );
}
