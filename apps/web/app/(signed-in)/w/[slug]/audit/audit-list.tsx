'use client';

import { useState } from 'react';
import { Alert } from '../../../../../components/ui/alert';
import { Badge } from '../../../../../components/ui/badge';
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
  /** Current members by user id; former members show their id. */
  people: Record<string, string>;
  initialItems: AuditEntry[];
  initialCursor: string | null;
  filtered: boolean;
};

export function AuditList({ slug, query, people, initialItems, initialCursor, filtered }: AuditListProps) {
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
        description={filtered ? 'Try another actor or action, or clear the filters.' : undefined}
      />
    );
  }

  const who = (id: string) => people[id] ?? id;

  return (
    <div className="grid gap-4">
      <Table aria-label="Audit log entries">
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Target</TableHead>
            <TableHead>Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                <LocalTime value={entry.occurredAt} />
              </TableCell>
              <TableCell>
                <span className="font-medium">
                  {entry.actorType === 'user' ? who(entry.actorId) : entry.actorId}
                </span>
                {entry.actorType !== 'user' ? (
                  <Badge className="ml-2">{entry.actorType.replace('_', ' ')}</Badge>
                ) : null}
                {entry.impersonatorId ? (
                  <span className="block text-xs text-muted-foreground">
                    impersonated by {who(entry.impersonatorId)}
                  </span>
                ) : null}
              </TableCell>
              <TableCell>
                <code className="font-mono text-xs">{entry.action}</code>
              </TableCell>
              <TableCell className="text-muted-foreground">
                {entry.targetType ? (
                  <span title={entry.targetId ?? undefined}>
                    {entry.targetType}
                    {entry.targetId
                      ? ` · ${entry.targetType === 'user' && people[entry.targetId] ? people[entry.targetId] : entry.targetId.slice(0, 8)}`
                      : ''}
                  </span>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell className="max-w-72 text-xs text-muted-foreground">
                <span className="line-clamp-2 font-mono break-all" title={entry.details ?? undefined}>
                  {entry.details ?? '—'}
                </span>
                {entry.ip ? <span className="block">from {entry.ip}</span> : null}
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
