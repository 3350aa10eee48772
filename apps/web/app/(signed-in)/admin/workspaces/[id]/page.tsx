import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { catalog } from '@plinth/core/billing';
import { isAppError } from '@plinth/core/errors';
import { serverContext } from '@plinth/core/server-context';
import { workspaceDetail, type WorkspaceDetail } from '@plinth/core/staff-console';
import { bytesIn, moneyIn } from '../../../../../components/admin/format';
import { StaffActionForm } from '../../../../../components/admin/staff-action-form';
import { Alert } from '../../../../../components/ui/alert';
import { Badge } from '../../../../../components/ui/badge';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { LocalTime } from '../../../../../components/ui/local-time';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../../components/ui/table';
import { requireStaff } from '../../../../../lib/session';
import {
  clearFlagOverrideAction,
  clearPlanOverrideAction,
  setFlagOverrideAction,
  setPlanOverrideAction,
  suspendWorkspaceAction,
  unsuspendWorkspaceAction,
} from '../actions';
import { ClientMessages } from '../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return {
    title: t('metaSuffix', { page: t('workspace.metaTitle') }),
    robots: { index: false, follow: false },
  };
}

/** One workspace as staff see it, with the actions staff may take on it. */
export default async function AdminWorkspacePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireStaff(`/admin/workspaces/${id}`);
  const { database, flags } = serverContext();
  let detail: WorkspaceDetail;
  try {
    detail = await workspaceDetail({ database, flags }, { type: 'user', id: session.user.id }, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
  const { workspace, entitlements: current } = detail;
  const [t, tRoles, format] = await Promise.all([
    getTranslations('admin'),
    getTranslations('common.roles'),
    getFormatter(),
  ]);
  const reasonField = { name: 'reason', label: t('reasonLabel'), kind: 'textarea', required: true } as const;
  const time = (value: Date | string) => () => <LocalTime value={value} />;

  return (
    <ClientMessages namespaces={['admin.form']}>
      <div className="mx-auto grid w-full max-w-6xl gap-8" data-testid="admin-workspace">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-sm font-medium text-primary">
              <Link href="/admin/workspaces" className="underline-offset-4 hover:underline">
                {t('workspace.back')}
              </Link>
            </p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight">{workspace.name}</h1>
            <p className="font-mono text-xs text-muted-foreground">
              {workspace.slug} · {workspace.id}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            {workspace.deletedAt ? <Badge variant="neutral">{t('state.deleted')}</Badge> : null}
            {workspace.suspendedAt ? (
              <Badge variant="destructive" data-testid="workspace-state">
                {t('state.suspended')}
              </Badge>
            ) : (
              <Badge variant="success" data-testid="workspace-state">
                {t('state.active')}
              </Badge>
            )}
          </div>
        </div>

        <Section title={t('workspace.suspension')} description={t('workspace.suspensionHint')}>
          {workspace.suspendedAt ? (
            <>
              <Alert variant="destructive" title={t('workspace.suspended')}>
                {t.rich('workspace.suspendedSince', {
                  since: time(workspace.suspendedAt),
                  reason: workspace.suspendedReason ?? '',
                })}
              </Alert>
              <StaffActionForm
                testId="unsuspend-form"
                action={unsuspendWorkspaceAction.bind(null, workspace.id)}
                fields={[reasonField]}
                submitLabel={t('workspace.unsuspend')}
              />
            </>
          ) : (
            <StaffActionForm
              testId="suspend-form"
              action={suspendWorkspaceAction.bind(null, workspace.id)}
              fields={[reasonField]}
              submitLabel={t('workspace.suspend')}
              destructive
            />
          )}
        </Section>

        <Section title={t('workspace.plan')} description={t('workspace.planHint')}>
          <dl className="grid gap-4 text-sm sm:grid-cols-3">
            <Fact label={t('workspace.inEffect')} testId="effective-plan">
              {current.planName} · {t('workspace.accessState', { state: current.state })}
            </Fact>
            <Fact label={t('workspace.fromStripe')} testId="synced-plan">
              {detail.synced
                ? t('workspace.synced', {
                    plan: detail.synced.plan,
                    status: detail.synced.subscriptionStatus ?? t('workspace.noSubscription'),
                  })
                : t('workspace.neverSynced')}
            </Fact>
            <Fact label={t('workspace.features')}>{format.list(current.features, { type: 'unit' })}</Fact>
          </dl>
          {current.override ? (
            <Alert
              title={t('workspace.overrideGranted', { plan: current.override.planName })}
              data-testid="override-state"
            >
              {t.rich('workspace.overrideUntil', {
                until: time(current.override.expiresAt),
                reason: current.override.reason,
              })}
            </Alert>
          ) : detail.override ? (
            <p className="text-sm text-muted-foreground">
              {t.rich('workspace.overrideExpired', {
                plan: detail.override.plan,
                expired: time(detail.override.expiresAt),
              })}
            </p>
          ) : null}
          <div className="grid gap-6 md:grid-cols-2">
            <div className="grid gap-2">
              <h3 className="text-sm font-semibold">{t('workspace.grantTitle')}</h3>
              <StaffActionForm
                testId="plan-override-form"
                action={setPlanOverrideAction.bind(null, workspace.id)}
                fields={[
                  {
                    name: 'plan',
                    label: t('workspace.planLabel'),
                    kind: 'select',
                    // Plan names are names (the catalog's), not words to translate.
                    options: (['pro', 'team'] as const).map((plan) => ({
                      value: plan,
                      label: catalog.plans[plan].name,
                    })),
                    defaultValue: 'team',
                  },
                  { name: 'expiresAt', label: t('workspace.untilLabel'), kind: 'date', required: true },
                  {
                    name: 'members',
                    label: t('workspace.membersLimit'),
                    kind: 'number',
                    hint: t('workspace.limitHint'),
                  },
                  {
                    name: 'projects',
                    label: t('workspace.projectsLimit'),
                    kind: 'number',
                    hint: t('workspace.limitHint'),
                  },
                  reasonField,
                ]}
                submitLabel={t('workspace.grant')}
              />
            </div>
            {detail.override ? (
              <div className="grid content-start gap-2">
                <h3 className="text-sm font-semibold">{t('workspace.endTitle')}</h3>
                <StaffActionForm
                  testId="clear-override-form"
                  action={clearPlanOverrideAction.bind(null, workspace.id)}
                  fields={[reasonField]}
                  submitLabel={t('workspace.end')}
                  destructive
                />
              </div>
            ) : null}
          </div>
        </Section>

        <Section title={t('workspace.usage')} description={t('workspace.usageHint')}>
          <dl className="grid gap-4 text-sm sm:grid-cols-3" data-testid="usage">
            <Fact label={t('workspace.members')}>
              {t('workspace.membersUsage', {
                members: detail.usage.members,
                invited: detail.usage.pendingInvitations,
                limit: current.limits.members,
              })}
            </Fact>
            <Fact label={t('workspace.projects')}>
              {t('workspace.projectsUsage', { used: detail.usage.projects, limit: current.limits.projects })}
            </Fact>
            <Fact label={t('workspace.storage')}>
              {t('workspace.storageUsage', {
                used: bytesIn(format, detail.usage.storageBytes),
                limit: bytesIn(format, current.limits.storageBytes),
              })}
            </Fact>
          </dl>
        </Section>

        <Section title={t('workspace.stripe')} description={t('workspace.stripeHint')}>
          {detail.customer ? (
            <p className="text-sm">
              {t.rich('workspace.customer', {
                id: () => <span className="font-mono">{detail.customer?.id}</span>,
                dashboard: (chunks) => (
                  <a
                    href={detail.customer?.dashboardUrl}
                    className="underline underline-offset-4"
                    rel="noreferrer"
                    target="_blank"
                  >
                    {chunks}
                  </a>
                ),
              })}
              {detail.customer.syncedAt
                ? t.rich('workspace.customerSynced', { synced: time(detail.customer.syncedAt) })
                : null}
            </p>
          ) : (
            <p className="text-sm text-muted-foreground">{t('workspace.noCustomer')}</p>
          )}
          {detail.subscriptions.length > 0 ? (
            <Table>
              <TableCaption className="sr-only">{t('workspace.subscriptions')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('workspace.subscription')}</TableHead>
                  <TableHead>{t('status')}</TableHead>
                  <TableHead>{t('workspace.items')}</TableHead>
                  <TableHead>{t('workspace.periodEnds')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {detail.subscriptions.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell className="font-mono text-xs">{s.id}</TableCell>
                    <TableCell>
                      {s.status}
                      {s.cancelAtPeriodEnd ? t('workspace.cancelsAtPeriodEnd') : ''}
                    </TableCell>
                    <TableCell className="text-xs">
                      {s.items
                        .map(
                          (item) =>
                            `${item.priceLookupKey ?? t('workspace.unknownPrice')} × ${format.number(item.quantity)}`,
                        )
                        .join(', ')}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {s.currentPeriodEnd ? <LocalTime value={s.currentPeriodEnd} dateOnly /> : '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          {detail.invoices.length > 0 ? (
            <Table>
              <TableCaption className="sr-only">{t('workspace.invoices')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('workspace.invoice')}</TableHead>
                  <TableHead>{t('status')}</TableHead>
                  <TableHead className="text-right">{t('workspace.total')}</TableHead>
                  <TableHead>{t('workspace.date')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {detail.invoices.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell className="font-mono text-xs">
                      {i.hostedInvoiceUrl ? (
                        <a
                          href={i.hostedInvoiceUrl}
                          className="underline underline-offset-4"
                          rel="noreferrer"
                          target="_blank"
                        >
                          {i.number ?? i.id}
                        </a>
                      ) : (
                        (i.number ?? i.id)
                      )}
                    </TableCell>
                    <TableCell>{i.status ?? '—'}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {moneyIn(format, i.currency)(i.total)}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <LocalTime value={i.createdAt} dateOnly />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </Section>

        <Section
          title={t('workspace.members')}
          description={
            detail.membersTruncated ? t('workspace.membersFirst200') : t('workspace.membersOldestFirst')
          }
        >
          <Table data-testid="members">
            <TableCaption className="sr-only">{t('workspace.members')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('workspace.person')}</TableHead>
                <TableHead>{t('workspace.role')}</TableHead>
                <TableHead>{t('workspace.joined')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.members.map((m) => (
                <TableRow key={m.userId}>
                  <TableCell>
                    <div className="font-medium">{m.name}</div>
                    <div className="text-xs text-muted-foreground">{m.email}</div>
                  </TableCell>
                  <TableCell>{tRoles(m.role)}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    <LocalTime value={m.joinedAt} dateOnly />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>

        <Section title={t('workspace.flags')} description={t('workspace.flagsHint')}>
          <Table data-testid="flags">
            <TableCaption className="sr-only">{t('workspace.flagsCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('workspace.flag')}</TableHead>
                <TableHead>{t('workspace.value')}</TableHead>
                <TableHead>{t('workspace.decidedBy')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.flags.map((f) => (
                <TableRow key={f.key}>
                  <TableCell>
                    <div className="font-mono text-xs font-medium">{f.key}</div>
                    <div className="text-xs text-muted-foreground">{f.description}</div>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{JSON.stringify(f.value)}</TableCell>
                  <TableCell className="text-xs">{t('workspace.flagReason', { reason: f.reason })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className="grid gap-6 md:grid-cols-2">
            <div className="grid gap-2">
              <h3 className="text-sm font-semibold">{t('workspace.overrideFlagTitle')}</h3>
              <StaffActionForm
                testId="flag-override-form"
                action={setFlagOverrideAction}
                fields={[
                  { name: 'scope', kind: 'hidden', value: 'workspace' },
                  { name: 'workspaceId', kind: 'hidden', value: workspace.id },
                  {
                    name: 'key',
                    label: t('workspace.flag'),
                    kind: 'select',
                    options: detail.flags.map((f) => ({ value: f.key, label: f.key })),
                  },
                  {
                    name: 'value',
                    label: t('workspace.value'),
                    kind: 'text',
                    hint: t('workspace.valueHint'),
                    required: true,
                  },
                  reasonField,
                ]}
                submitLabel={t('workspace.setOverride')}
              />
            </div>
            {detail.flagOverrides.length > 0 ? (
              <div className="grid content-start gap-3">
                <h3 className="text-sm font-semibold">{t('workspace.overridesTitle')}</h3>
                {detail.flagOverrides.map((o) => (
                  <div key={o.id} className="grid gap-2 rounded-lg border border-border p-3 text-sm">
                    <p>
                      <span className="font-mono">{o.key}</span> ={' '}
                      <span className="font-mono">{JSON.stringify(o.value)}</span> · {o.reason}
                      {o.expiresAt ? t.rich('workspace.overrideExpires', { until: time(o.expiresAt) }) : null}
                    </p>
                    <StaffActionForm
                      testId={`clear-flag-${o.key}`}
                      action={clearFlagOverrideAction}
                      fields={[
                        { name: 'scope', kind: 'hidden', value: 'workspace' },
                        { name: 'workspaceId', kind: 'hidden', value: workspace.id },
                        { name: 'key', kind: 'hidden', value: o.key },
                        reasonField,
                      ]}
                      submitLabel={t('workspace.clearOverride')}
                    />
                  </div>
                ))}
              </div>
            ) : null}
          </div>
        </Section>

        <Section title={t('workspace.audit')} description={t('workspace.auditHint')}>
          {detail.audit.length === 0 ? (
            <EmptyState title={t('workspace.auditEmptyTitle')} description={t('workspace.auditEmptyBody')} />
          ) : (
            <Table data-testid="audit-tail">
              <TableCaption className="sr-only">{t('workspace.audit')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('workspace.when')}</TableHead>
                  <TableHead>{t('workspace.action')}</TableHead>
                  <TableHead>{t('workspace.actor')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {detail.audit.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell className="whitespace-nowrap text-muted-foreground">
                      <LocalTime value={row.occurredAt} />
                    </TableCell>
                    <TableCell className="font-mono text-xs">{row.action}</TableCell>
                    <TableCell className="font-mono text-xs">
                      {row.actorType}:{row.actorId}
                      {row.impersonatorId ? t('workspace.impersonatedBy', { id: row.impersonatorId }) : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
      </div>
    </ClientMessages>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section className="grid gap-3" aria-label={title}>
      <div>
        <h2 className="text-lg font-semibold tracking-tight">{title}</h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {children}
    </section>
  );
}

function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 font-medium" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
