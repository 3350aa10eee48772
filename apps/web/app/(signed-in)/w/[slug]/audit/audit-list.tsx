'use client';

import { useState } from 'react';
import { Alert } from '../../../../../components/ui/alert';
import { Button } from '../../../../../components/ui/button';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { LocalTime } from '../../../../../components/ui/local-time';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../../components/ui/table';
import { useAction } from '../../../../../lib/use-action';
import { loadAuditLogAction, type AuditQuery } from './actions';
import type { AuditEntry } from './audit-entry';

type AuditListProps = {
  slug: string;
  query: AuditQuery;
  initialItems: AuditEntry[];
  initialCursor: string | null;
  filtered: boolean;
};

export function AuditList({ slug, query, initialItems, initialCursor, filtered }: AuditListProps) {
  const [items, setItems] = useState(initialItems);
  const [cursor, setCursor] = useState(initialCursor);
  const [error, setError] = useState<string | null>(null);
  const { run, pending } = useAction(loadAuditLogAction);

  async function loadMore() {
    if (!cursor) return;
    setError(null);
    const result = await run(slug, { ...query, cursor });
    if (!result.ok) return setError(result.error.message);
    setItems((current) => [...current, ...result.data.items]);
    setCursor(result.data.nextCursor);
  }

  if (items.length === 0) {
    return (
      <EmptyState
        title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'}
        description={filtered ? 'Try another person, action or dates, or clear the filters.' : undefined}
      />
    );
  }

  return (
    <div className="grid gap-4">
      <Table aria-label="Audit log entries" stacked>
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>What happened</TableHead>
            <TableHead>From</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="whitespace-nowrap text-muted-foreground" data-stack="full">
                <LocalTime value={entry.occurredAt} />
              </TableCell>
              <TableCell data-stack="full">
                <span className="font-medium">{entry.summary}</span>
                <span className="mt-0.5 block text-xs text-muted-foreground">
                  <code className="font-mono">{entry.action}</code>
                </span>
                {entry.details ? (
                  <details className="mt-1 text-xs text-muted-foreground">
                    <summary className="cursor-pointer select-none">Details</summary>
                    <pre className="mt-1 max-w-xl overflow-x-auto rounded-md bg-muted p-2 font-mono whitespace-pre-wrap break-all">
                      {entry.details}
                    </pre>
                  </details>
                ) : null}
              </TableCell>
              <TableCell className="text-xs text-muted-foreground">
                {entry.ip ? <span className="font-mono">{entry.ip}</span> : '—'}
                {entry.userAgent ? (
                  <span className="block max-w-56 truncate" title={entry.userAgent}>
                    {entry.userAgent}
                  </span>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      {cursor ? (
        <div className="flex justify-center">
          <Button variant="secondary" loading={pending} onClick={() => void loadMore()}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
