import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@plinth/core/access';
import { listAuditLog } from '@plinth/core/audit';
import { isAppError } from '@plinth/core/errors';
import { listMembers } from '@plinth/core/tenancy';
import { Alert } from '../../../../../components/ui/alert';
import { Button } from '../../../../../components/ui/button';
import { FormField } from '../../../../../components/ui/form-field';
import { Input } from '../../../../../components/ui/input';
import { Select } from '../../../../../components/ui/select';
import { requireMember, tenancyDeps } from '../../../../../lib/workspace-context';
import type { AuditQuery } from './actions';
import { AuditList } from './audit-list';
import { knownAuditActions, toAuditEntry } from './audit-entry';

export const metadata: Metadata = {
  title: 'Audit log',
};

type AuditPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ actor?: string | string[]; action?: string | string[] }>;
};

const single = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export default async function AuditLogPage({ params, searchParams }: AuditPageProps) {
  const { slug } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/audit`);
  // Owners and admins only; everyone else gets the same 404 as for a page that does not exist.
  if (!can(actor, 'audit.read')) notFound();

  const filters = await searchParams;
  const query: AuditQuery = {
    ...(single(filters.actor) ? { actorId: single(filters.actor) } : {}),
    ...(single(filters.action) ? { action: single(filters.action) } : {}),
  };
  const deps = tenancyDeps();
  const members = await listMembers(deps, actor);
  const people = Object.fromEntries(members.map((member) => [member.userId, member.name || member.email]));

  let firstPage: Awaited<ReturnType<typeof listAuditLog>> | null = null;
  let filterError: string | null = null;
  try {
    firstPage = await listAuditLog(deps, actor, query);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    filterError = Object.values(error.fields ?? {})[0] ?? error.message;
  }
  const filtered = query.actorId !== undefined || query.action !== undefined;

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6">
      <div>
        <p className="text-sm font-medium text-primary">{workspace.name}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Every privileged change in this workspace, newest first. Entries cannot be edited or deleted.
        </p>
      </div>

      <Form
        action={`/w/${workspace.slug}/audit`}
        className="flex flex-wrap items-end gap-3"
        aria-label="Filter the audit log"
      >
        <FormField label="Actor" className="w-56">
          <Select name="actor" defaultValue={query.actorId ?? ''}>
            <option value="">Anyone</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name || member.email}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Action" className="w-64">
          <Input
            name="action"
            list="audit-actions"
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. project.deleted"
            defaultValue={query.action ?? ''}
          />
        </FormField>
        <datalist id="audit-actions">
          {knownAuditActions.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href={`/w/${workspace.slug}/audit`}>Clear filters</Link>
          </Button>
        ) : null}
      </Form>

      {filterError ? <Alert variant="destructive">{filterError}</Alert> : null}
      {firstPage ? (
        <AuditList
          key={JSON.stringify(query)}
          slug={workspace.slug}
          query={query}
          people={people}
          initialItems={firstPage.items.map(toAuditEntry)}
          initialCursor={firstPage.nextCursor}
          filtered={filtered}
        />
      ) : null}
    </div>
  );
}
