import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
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
import { actionLabelKey } from './audit-sentence';
import { ClientMessages } from '../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('metaTitle') };
}

type AuditPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Partial<Record<'actor' | 'action' | 'from' | 'to', string | string[]>>>;
};

const single = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

const DAY = 86_400_000;
/** The export's formats; the file itself stays English (core's sentences, decision 0023). */
const exportFormats = ['csv', 'json'] as const;
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
  const [members, t] = await Promise.all([listMembers(deps, actor), getTranslations('audit')]);
  // An action's label in the filter, from the catalog; core's English label for one it lacks.
  const actionLabel = (known: { action: string; label: string }) =>
    t.has(actionLabelKey(known.action) as never) ? t(actionLabelKey(known.action) as never) : known.label;

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
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t('description')}</p>
      </div>

      <Form
        action={`/w/${workspace.slug}/audit`}
        className="flex flex-wrap items-end gap-3"
        aria-label={t('filterLabel')}
      >
        <FormField label={t('person')} className="w-56">
          <Select name="actor" defaultValue={query.actorId ?? ''}>
            <option value="">{t('anyone')}</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name || member.email}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('action')} className="w-64">
          <Select name="action" defaultValue={query.action ?? ''}>
            <option value="">{t('anyAction')}</option>
            {query.action && !workspaceAuditActions.some((known) => known.action === query.action) ? (
              <option value={query.action}>{query.action}</option>
            ) : null}
            {workspaceAuditActions.map((known) => (
              <option key={known.action} value={known.action}>
                {actionLabel(known)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('from')} className="w-44">
          <Input type="date" name="from" defaultValue={fromDay ?? ''} />
        </FormField>
        <FormField label={t('to')} className="w-44">
          <Input type="date" name="to" defaultValue={toDay ?? ''} />
        </FormField>
        <Button type="submit" variant="secondary">
          {t('filter')}
        </Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href={`/w/${workspace.slug}/audit`}>{t('clearFilters')}</Link>
          </Button>
        ) : null}
      </Form>

      {notOnPlan ? (
        <UpgradePrompt
          slug={workspace.slug}
          title={t('notOnPlan')}
          message={notOnPlan}
          canUpgrade={can(actor, 'billing.manage')}
        />
      ) : null}
      {filterError ? <Alert variant="destructive">{filterError}</Alert> : null}
      {firstPage && firstPage.items.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">{t('export', { filtered: filtered ? 'yes' : 'no' })}</span>
          {exportFormats.map((format) => (
            <Button key={format} asChild variant="secondary" size="sm">
              <a href={exportHref(format)} download>
                {format.toUpperCase()}
              </a>
            </Button>
          ))}
        </div>
      ) : null}
      {firstPage ? (
        <ClientMessages namespaces={['audit']}>
          <AuditList
            key={JSON.stringify(query)}
            slug={workspace.slug}
            query={query}
            initialItems={firstPage.items.map(toAuditEntry)}
            initialCursor={firstPage.nextCursor}
            filtered={filtered}
          />
        </ClientMessages>
      ) : null}
    </div>
  );
}
