'use client';

import { useCallback, useEffect, useId, useState } from 'react';
import type { WebhookEventStatus } from '@plinth/db';
import type { StatusFilter } from './status-filter';
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
import { NETWORK_ERROR_MESSAGE } from '../../../../lib/auth-errors';
import { formatDateTime } from '../../../../lib/format';

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

/** The API's error envelope message, or a generic one. */
async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server answered ${response.status}.`;
}

export function BillingEventsTable({ initialStatus }: { initialStatus: StatusFilter }) {
  const { toast } = useToast();
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
        setState({ kind: 'error', message: NETWORK_ERROR_MESSAGE });
      }
    },
    [status],
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
          title: 'Could not replay',
          description: await errorMessage(response),
          variant: 'destructive',
        });
        return;
      }
      toast({ title: `${event.id} queued again`, description: event.type, variant: 'success' });
      await load();
    } catch {
      toast({ title: 'Could not replay', description: NETWORK_ERROR_MESSAGE, variant: 'destructive' });
    } finally {
      setBusyEvent(null);
    }
  }

  return (
    <div className="grid gap-4">
      <div className="grid max-w-56 gap-1.5">
        <label htmlFor={filterId} className="text-sm font-medium">
          Status
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
          <option value="dead">Dead (failed every retry)</option>
          <option value="pending">Pending</option>
          <option value="processed">Processed</option>
          <option value="ignored">Ignored</option>
          <option value="all">All</option>
        </Select>
      </div>

      {state.kind === 'error' ? (
        <Alert
          variant="destructive"
          action={
            <Button size="sm" variant="secondary" onClick={() => void load()}>
              Try again
            </Button>
          }
        >
          {state.message}
        </Alert>
      ) : state.kind === 'loaded' && state.events.length === 0 ? (
        <EmptyState
          title={status === 'dead' ? 'No dead events' : 'No events'}
          description={
            status === 'dead'
              ? 'Every webhook was processed or is still being retried.'
              : 'Nothing in the inbox with this status.'
          }
        />
      ) : (
        <Table aria-busy={state.kind === 'loading' || undefined} data-testid="billing-events-table">
          <TableCaption className="sr-only">Stripe webhook events</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Received</TableHead>
              <TableHead>Event</TableHead>
              <TableHead>Customer</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Last error</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Actions</span>
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
                      {formatDateTime(event.receivedAt)}
                    </TableCell>
                    <TableCell>
                      <div className="grid gap-0.5">
                        <span className="font-medium">{event.type}</span>
                        <span className="font-mono text-xs text-muted-foreground">{event.id}</span>
                      </div>
                    </TableCell>
                    <TableCell className="font-mono text-xs">{event.customerId ?? '—'}</TableCell>
                    <TableCell>
                      <Badge variant={statusTone[event.status]}>{event.status}</Badge>
                      <span className="ml-2 text-xs text-muted-foreground">
                        {event.attempts} {event.attempts === 1 ? 'attempt' : 'attempts'}
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
                          aria-label={`Replay ${event.id}`}
                        >
                          Replay
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
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
