'use client';

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
  if (deliveries.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">Nothing sent yet. Send a test event from the list.</p>
    );
  }
  return (
    <ul className="grid gap-3" aria-label="Deliveries">
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
                  ? 'Delivered'
                  : delivery.status === 'failed'
                    ? 'Failed'
                    : 'Pending'}
              </Badge>
              <span className="text-xs text-muted-foreground">
                {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
                {delivery.responseStatus ? ` · HTTP ${delivery.responseStatus}` : ''}
                {delivery.durationMs !== null ? ` · ${delivery.durationMs} ms` : ''}
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
                      title: result ? result.error.message : 'We could not reach the server',
                      variant: 'destructive',
                    });
                  else toast({ title: 'Delivery queued again' });
                }}
              >
                Retry
              </Button>
            </div>
          </div>
          {delivery.status === 'pending' && delivery.nextAttemptAt ? (
            <p className="mt-1 text-xs text-muted-foreground">
              Next attempt <LocalTime value={delivery.nextAttemptAt} />
            </p>
          ) : null}
          <details className="mt-2 text-xs">
            <summary className="cursor-pointer text-primary">Request and response</summary>
            <p className="mt-2 font-medium">Request headers</p>
            <pre className="overflow-auto rounded bg-muted p-2">
              {JSON.stringify(delivery.requestHeaders ?? {}, null, 2)}
            </pre>
            <p className="mt-2 font-medium">Request body</p>
            <pre className="overflow-auto rounded bg-muted p-2">{delivery.body}</pre>
            <p className="mt-2 font-medium">Response</p>
            <pre className="overflow-auto rounded bg-muted p-2">
              {delivery.error ?? `${delivery.responseStatus ?? ''} ${delivery.responseBody ?? ''}`}
            </pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
