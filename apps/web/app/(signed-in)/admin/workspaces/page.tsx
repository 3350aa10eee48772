import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { isAppError } from '@plinth/core/errors';
import { serverContext } from '@plinth/core/server-context';
import { searchWorkspaces, type WorkspaceHit } from '@plinth/core/staff-console';
import { Alert } from '../../../../components/ui/alert';
import { Badge } from '../../../../components/ui/badge';
import { Button } from '../../../../components/ui/button';
import { EmptyState } from '../../../../components/ui/empty-state';
import { Input } from '../../../../components/ui/input';
import { LocalTime } from '../../../../components/ui/local-time';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../components/ui/table';
import { requireStaff } from '../../../../lib/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return {
    title: t('metaSuffix', { page: t('workspaces.metaTitle') }),
    robots: { index: false, follow: false },
  };
}

type SearchParams = Promise<{ q?: string | string[]; cursor?: string | string[] }>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** Staff search over every workspace: name, slug, a member's email, or a Stripe customer id. */
export default async function AdminWorkspacesPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireStaff('/admin/workspaces');
  const params = await searchParams;
  const q = one(params.q);
  const cursor = one(params.cursor);
  let result: { items: WorkspaceHit[]; nextCursor: string | null } | { error: string };
  try {
    result = await searchWorkspaces(
      { database: serverContext().database },
      { type: 'user', id: session.user.id },
      { q, ...(cursor ? { cursor } : {}) },
    );
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error;
    // Staff-facing: the server's own (English) sentence, as decision 0039 allows.
    result = { error: error.message };
  }
  const [t, format] = await Promise.all([getTranslations('admin'), getFormatter()]);

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6">
      <div>
        <p className="text-sm font-medium text-primary">{t('eyebrow')}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('workspaces.title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t('workspaces.intro')}</p>
      </div>
      <form className="flex flex-wrap gap-2" role="search" action="/admin/workspaces">
        <Input
          name="q"
          defaultValue={q}
          maxLength={200}
          placeholder={t('workspaces.searchPlaceholder')}
          aria-label={t('workspaces.searchLabel')}
          className="max-w-md"
        />
        <Button type="submit">{t('search')}</Button>
      </form>
      {'error' in result ? (
        <Alert variant="destructive" title={t('workspaces.refused')}>
          {result.error}
        </Alert>
      ) : result.items.length === 0 ? (
        <EmptyState
          title={q ? t('workspaces.noMatchTitle') : t('workspaces.emptyTitle')}
          description={q ? t('workspaces.noMatchBody', { q }) : t('workspaces.emptyBody')}
        />
      ) : (
        <>
          <Table data-testid="workspace-results">
            <TableCaption className="sr-only">{t('workspaces.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('workspaces.workspace')}</TableHead>
                <TableHead>{t('workspaces.members')}</TableHead>
                <TableHead>{t('workspaces.customer')}</TableHead>
                <TableHead>{t('workspaces.created')}</TableHead>
                <TableHead>{t('workspaces.state')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.items.map((hit) => (
                <TableRow key={hit.id}>
                  <TableCell>
                    <Link
                      href={`/admin/workspaces/${hit.id}`}
                      className="font-medium underline-offset-4 hover:underline"
                    >
                      {hit.name}
                    </Link>
                    <div className="font-mono text-xs text-muted-foreground">{hit.slug}</div>
                  </TableCell>
                  <TableCell className="tabular-nums">{format.number(hit.members)}</TableCell>
                  <TableCell className="font-mono text-xs">{hit.customerId ?? '—'}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <LocalTime value={hit.createdAt} dateOnly />
                  </TableCell>
                  <TableCell>
                    {hit.deletedAt ? (
                      <Badge variant="neutral">{t('state.deleted')}</Badge>
                    ) : hit.suspendedAt ? (
                      <Badge variant="destructive">{t('state.suspended')}</Badge>
                    ) : (
                      <Badge variant="success">{t('state.active')}</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {result.nextCursor ? (
            <div>
              <Button asChild variant="secondary">
                <Link href={`/admin/workspaces?${new URLSearchParams({ q, cursor: result.nextCursor })}`}>
                  {t('workspaces.nextPage')}
                </Link>
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
