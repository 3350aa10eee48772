'use client';

import { useMemo, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
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
import { renderAuditSentence, type AuditTranslator } from './audit-sentence';

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
  const t = useTranslations('audit');
  const locale = useLocale();
  // Sentences are worded here, in the reader's language; keys come from the record's action, so
  // they are looked up by name (a missing one falls back to core's English sentence).
  const sentenceOf = useMemo(() => {
    const translate = Object.assign(
      (key: string, values?: Record<string, string>) => t(key as never, values as never),
      { has: (key: string) => t.has(key as never) },
    ) satisfies AuditTranslator;
    // A granted plan's end is a UTC day, as the filters are: the same on the server and in the browser.
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (entry: AuditEntry) =>
      renderAuditSentence(translate, entry.action, entry.sentence, entry.summary, (iso) =>
        day.format(new Date(iso)),
      );
  }, [t, locale]);

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
        title={filtered ? t('emptyFiltered') : t('empty')}
        description={filtered ? t('emptyFilteredHint') : undefined}
      />
    );
  }

  return (
    <div className="grid gap-4">
      <Table aria-label={t('tableLabel')} stacked>
        <TableHeader>
          <TableRow>
            <TableHead>{t('when')}</TableHead>
            <TableHead>{t('what')}</TableHead>
            <TableHead>{t('origin')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="whitespace-nowrap text-muted-foreground" data-stack="full">
                <LocalTime value={entry.occurredAt} />
              </TableCell>
              <TableCell data-stack="full">
                <span className="font-medium">{sentenceOf(entry)}</span>
                <span className="mt-0.5 block text-xs text-muted-foreground">
                  <code className="font-mono">{entry.action}</code>
                </span>
                {entry.details ? (
                  <details className="mt-1 text-xs text-muted-foreground">
                    <summary className="cursor-pointer select-none">{t('details')}</summary>
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
            {t('loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
