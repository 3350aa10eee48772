'use client';

import { useCallback, useEffect, useId, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { WebhookEventStatus } from '@plinth/db';
import { statusFilters, type StatusFilter } from './status-filter';
import { Alert } from '../../../../components/ui/alert';
import { Badge } from '../../../../components/ui/badge';
import { Button } from '../../../../components/ui/button';
import { EmptyState } from '../../../../components/ui/empty-state';
import { Select } from '../../../../components/ui/select';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../components/ui/table';
import { useToast } from '../../../../components/ui/toast';
import { dateLocale, formatDateTime } from '../../../../lib/format';

// Reads and replays through /api/admin/billing/events, which checks the staff role itself (as the
// users table goes through better-auth's admin API): this page only draws what the API answers.

type Status = WebhookEventStatus;

type WebhookEventRow = {
  id: string;
  type: string;
  customerId: string | null;
  status: Status;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
  processedAt: string | null;
};

type LoadState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; events: WebhookEventRow[]; nextCursor: string | null };

const statusTone: Record<Status, 'destructive' | 'neutral' | 'success' | 'primary'> = {
  dead: 'destructive',
  pending: 'primary',
  processed: 'success',
  ignored: 'neutral',
};

/** The API's error envelope message (staff-facing, English), or null for the caller to word. */
async function envelopeMessage(response: Response): Promise<string | null> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? null;
}

export function BillingEventsTable({ initialStatus }: { initialStatus: StatusFilter }) {
  const { toast } = useToast();
  const t = useTranslations('admin');
  const tErrors = useTranslations('common.authErrors');
  const locale = dateLocale(useLocale());
  const errorMessage = useCallback(
    async (response: Response) =>
      (await envelopeMessage(response)) ?? t('billingEvents.serverAnswered', { status: response.status }),
    [t],
  );
  const filterId = useId();
  const [status, setStatus] = useState<StatusFilter>(initialStatus);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [busyEvent, setBusyEvent] = useState<string | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      const query = new URLSearchParams({ limit: '50' });
      if (status !== 'all') query.set('status', status);
      if (cursor) query.set('cursor', cursor);
      try {
        const response = await fetch(`/api/admin/billing/events?${query}`, { cache: 'no-store' });
        if (!response.ok) {
          setState({ kind: 'error', message: await errorMessage(response) });
          return;
        }
        const page = (await response.json()) as { events: WebhookEventRow[]; nextCursor: string | null };
        setState((current) => ({
          kind: 'loaded',
          // "Load more" appends; a new filter starts over.
          events: cursor && current.kind === 'loaded' ? [...current.events, ...page.events] : page.events,
          nextCursor: page.nextCursor,
        }));
      } catch {
        setState({ kind: 'error', message: tErrors('network') });
      }
    },
    [status, errorMessage, tErrors],
  );

  useEffect(() => {
    void load();
  }, [load]);

  async function replay(event: WebhookEventRow) {
    setBusyEvent(event.id);
    try {
      const response = await fetch(`/api/admin/billing/events/${encodeURIComponent(event.id)}/replay`, {
        method: 'POST',
      });
      if (!response.ok) {
        toast({
          title: t('billingEvents.replayFailed'),
          description: await errorMessage(response),
          variant: 'destructive',
        });
        return;
      }
      toast({
        title: t('billingEvents.replayed', { id: event.id }),
        description: event.type,
        variant: 'success',
      });
      await load();
    } catch {
      toast({
        title: t('billingEvents.replayFailed'),
        description: tErrors('network'),
        variant: 'destructive',
      });
    } finally {
      setBusyEvent(null);
    }
  }

  return (
    <div className="grid gap-4">
      <div className="grid max-w-56 gap-1.5">
        <label htmlFor={filterId} className="text-sm font-medium">
          {t('status')}
        </label>
        <Select
          id={filterId}
          value={status}
          onChange={(event) => {
            const next = event.target.value as StatusFilter;
            setStatus(next);
            setState({ kind: 'loading' });
            // In the address too, so a reload or a shared link shows the same view.
            window.history.replaceState(null, '', `?status=${next}`);
          }}
        >
          {statusFilters.map((filter) => (
            <option key={filter} value={filter}>
              {t(`billingEvents.filter.${filter}`)}
            </option>
          ))}
        </Select>
      </div>

      {state.kind === 'error' ? (
        <Alert
          variant="destructive"
          action={
            <Button size="sm" variant="secondary" onClick={() => void load()}>
              {t('tryAgain')}
            </Button>
          }
        >
          {state.message}
        </Alert>
      ) : state.kind === 'loaded' && state.events.length === 0 ? (
        <EmptyState
          title={status === 'dead' ? t('billingEvents.noDeadTitle') : t('billingEvents.noneTitle')}
          description={status === 'dead' ? t('billingEvents.noDeadBody') : t('billingEvents.noneBody')}
        />
      ) : (
        <Table aria-busy={state.kind === 'loading' || undefined} data-testid="billing-events-table">
          <TableCaption className="sr-only">{t('billingEvents.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t('billingEvents.received')}</TableHead>
              <TableHead>{t('billingEvents.event')}</TableHead>
              <TableHead>{t('billingEvents.customer')}</TableHead>
              <TableHead>{t('status')}</TableHead>
              <TableHead>{t('billingEvents.lastError')}</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">{t('actions')}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.kind === 'loading'
              ? [0, 1, 2].map((row) => (
                  <TableRow key={row}>
                    <TableCell colSpan={6}>
                      <div className="h-8 animate-pulse rounded bg-muted" />
                    </TableCell>
                  </TableRow>
                ))
              : state.events.map((event) => (
                  <TableRow key={event.id}>
                    <TableCell className="whitespace-nowrap text-muted-foreground">
                      {formatDateTime(event.receivedAt, locale)}
                    </TableCell>
                    <TableCell>
                      <div className="grid gap-0.5">
                        <span className="font-medium">{event.type}</span>
                        <span className="font-mono text-xs text-muted-foreground">{event.id}</span>
                      </div>
                    </TableCell>
                    <TableCell className="font-mono text-xs">{event.customerId ?? '—'}</TableCell>
                    <TableCell>
                      <Badge variant={statusTone[event.status]}>
                        {t('billingEvents.statusValue', { status: event.status })}
                      </Badge>
                      <span className="ml-2 text-xs text-muted-foreground">
                        {t('attempts', { count: event.attempts })}
                      </span>
                    </TableCell>
                    <TableCell className="max-w-72 truncate text-xs" title={event.lastError ?? undefined}>
                      {event.lastError ?? '—'}
                    </TableCell>
                    <TableCell className="text-right">
                      {event.status === 'pending' ? null : (
                        <Button
                          size="sm"
                          variant="secondary"
                          loading={busyEvent === event.id}
                          disabled={busyEvent !== null}
                          onClick={() => void replay(event)}
                          aria-label={t('billingEvents.replayLabel', { id: event.id })}
                        >
                          {t('billingEvents.replay')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
          </TableBody>
        </Table>
      )}

      {state.kind === 'loaded' && state.nextCursor ? (
        <div>
          <Button variant="secondary" onClick={() => void load(state.nextCursor ?? undefined)}>
            {t('billingEvents.loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
