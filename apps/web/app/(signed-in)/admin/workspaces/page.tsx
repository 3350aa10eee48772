import type { Metadata } from 'next';
import Link from 'next/link';
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

export const metadata: Metadata = { title: 'Workspaces · Admin', robots: { index: false, follow: false } };

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
    result = { error: error.message };
  }

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6">
      <div>
        <p className="text-sm font-medium text-primary">Admin</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Workspaces</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Search by name, slug, a member&apos;s email or a Stripe customer id (cus_…). Newest first.
        </p>
      </div>
      <form className="flex flex-wrap gap-2" role="search" action="/admin/workspaces">
        <Input
          name="q"
          defaultValue={q}
          maxLength={200}
          placeholder="acme, acme-inc, ada@example.com, cus_…"
          aria-label="Search workspaces"
          className="max-w-md"
        />
        <Button type="submit">Search</Button>
      </form>
      {'error' in result ? (
        <Alert variant="destructive" title="Search refused">
          {result.error}
        </Alert>
      ) : result.items.length === 0 ? (
        <EmptyState
          title={q ? 'No workspace matches' : 'No workspaces yet'}
          description={
            q
              ? `Nothing matches “${q}”. Try part of the name, or a full customer id.`
              : 'Sign-ups create them.'
          }
        />
      ) : (
        <>
          <Table data-testid="workspace-results">
            <TableCaption className="sr-only">Workspaces</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Workspace</TableHead>
                <TableHead>Members</TableHead>
                <TableHead>Stripe customer</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>State</TableHead>
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
                  <TableCell className="tabular-nums">{hit.members}</TableCell>
                  <TableCell className="font-mono text-xs">{hit.customerId ?? '—'}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <LocalTime value={hit.createdAt} dateOnly />
                  </TableCell>
                  <TableCell>
                    {hit.deletedAt ? (
                      <Badge variant="neutral">deleted</Badge>
                    ) : hit.suspendedAt ? (
                      <Badge variant="destructive">suspended</Badge>
                    ) : (
                      <Badge variant="success">active</Badge>
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
                  Next page
                </Link>
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
