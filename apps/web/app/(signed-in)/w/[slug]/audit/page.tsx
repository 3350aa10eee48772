import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@plinth/core/access';
import { listAuditLog, workspaceAuditActions } from '@plinth/core/audit';
import { isAppError } from '@plinth/core/errors';
import { encodeId } from '@plinth/core/public-ids';
import { listMembers } from '@plinth/core/tenancy';
import { UpgradePrompt } from '../../../../../components/billing/upgrade-prompt';
import { Alert } from '../../../../../components/ui/alert';
import { Button } from '../../../../../components/ui/button';
import { FormField } from '../../../../../components/ui/form-field';
import { Input } from '../../../../../components/ui/input';
import { Select } from '../../../../../components/ui/select';
import { requireMember, tenancyDeps } from '../../../../../lib/workspace-context';
import type { AuditQuery } from './actions';
import { AuditList } from './audit-list';
import { toAuditEntry } from './audit-entry';

export const metadata: Metadata = {
  title: 'Audit log',
};

type AuditPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Partial<Record<'actor' | 'action' | 'from' | 'to', string | string[]>>>;
};

const single = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

const DAY = 86_400_000;
/**
 * A date field's day (YYYY-MM-DD, in UTC) as the ISO instant it starts, `days` later; anything else
 * is passed on as typed, for core to refuse with a message naming the field.
 */
function dayStart(day: string, days = 0): string {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  return Number.isNaN(start) ? day : new Date(start + days * DAY).toISOString();
}

export default async function AuditLogPage({ params, searchParams }: AuditPageProps) {
  const { slug } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/audit`);
  // Owners and admins only; everyone else gets the same 404 as for a page that does not exist.
  if (!can(actor, 'audit.read')) notFound();

  const filters = await searchParams;
  const fromDay = single(filters.from);
  const toDay = single(filters.to);
  const query: AuditQuery = {
    ...(single(filters.actor) ? { actorId: single(filters.actor) } : {}),
    ...(single(filters.action) ? { action: single(filters.action) } : {}),
    ...(fromDay ? { from: dayStart(fromDay) } : {}),
    // The "to" day is included: events before the start of the day after it.
    ...(toDay ? { to: dayStart(toDay, 1) } : {}),
  };
  const deps = tenancyDeps();
  const members = await listMembers(deps, actor);

  let firstPage: Awaited<ReturnType<typeof listAuditLog>> | null = null;
  let filterError: string | null = null;
  let notOnPlan: string | null = null;
  try {
    firstPage = await listAuditLog(deps, actor, {
      actorId: query.actorId,
      action: query.action,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    });
  } catch (error) {
    // The plan does not include the audit log: say which plan does, never a blank page or a 403.
    if (isAppError(error) && error.code === 'payment_required') notOnPlan = error.message;
    else if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    else filterError = Object.values(error.fields ?? {})[0] ?? error.message;
  }
  const filtered = Object.keys(query).length > 0;
  // The export is the API's, with the same filters (its `to` is exclusive, like the query's).
  const exportHref = (format: 'csv' | 'json') => {
    const params = new URLSearchParams({ format });
    if (query.actorId && members.some((member) => member.userId === query.actorId)) {
      params.set('actor_id', encodeId('user', query.actorId));
    }
    if (query.action) params.set('action', query.action);
    if (query.from) params.set('from', query.from);
    if (query.to) params.set('to', query.to);
    return `/api/v1/workspaces/${workspace.slug}/audit-events/export?${params}`;
  };

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
        <FormField label="Person" className="w-56">
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
          <Select name="action" defaultValue={query.action ?? ''}>
            <option value="">Any action</option>
            {query.action && !workspaceAuditActions.some((known) => known.action === query.action) ? (
              <option value={query.action}>{query.action}</option>
            ) : null}
            {workspaceAuditActions.map((known) => (
              <option key={known.action} value={known.action}>
                {known.label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="From (UTC)" className="w-44">
          <Input type="date" name="from" defaultValue={fromDay ?? ''} />
        </FormField>
        <FormField label="To (UTC, included)" className="w-44">
          <Input type="date" name="to" defaultValue={toDay ?? ''} />
        </FormField>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href={`/w/${workspace.slug}/audit`}>Clear filters</Link>
          </Button>
        ) : null}
      </Form>

      {notOnPlan ? (
        <UpgradePrompt
          slug={workspace.slug}
          title="Not on your plan"
          message={notOnPlan}
          canUpgrade={can(actor, 'billing.manage')}
        />
      ) : null}
      {filterError ? <Alert variant="destructive">{filterError}</Alert> : null}
      {firstPage && firstPage.items.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">
            Export {filtered ? 'these entries' : 'the whole log'}:
          </span>
          <Button asChild variant="secondary" size="sm">
            <a href={exportHref('csv')} download>
              CSV
            </a>
          </Button>
          <Button asChild variant="secondary" size="sm">
            <a href={exportHref('json')} download>
              JSON
            </a>
          </Button>
        </div>
      ) : null}
      {firstPage ? (
        <AuditList
          key={JSON.stringify(query)}
          slug={workspace.slug}
          query={query}
          initialItems={firstPage.items.map(toAuditEntry)}
          initialCursor={firstPage.nextCursor}
          filtered={filtered}
        />
      ) : null}
    </div>
  );
}
