import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { isAppError } from '@plinth/core/errors';
import { serverContext } from '@plinth/core/server-context';
import { workspaceDetail, type WorkspaceDetail } from '@plinth/core/staff-console';
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
import { formatMoney } from '../../../../../lib/billing-display';
import { formatBytes } from '../../../../../lib/format';
import { requireStaff } from '../../../../../lib/session';
import {
  clearFlagOverrideAction,
  clearPlanOverrideAction,
  setFlagOverrideAction,
  setPlanOverrideAction,
  suspendWorkspaceAction,
  unsuspendWorkspaceAction,
} from '../actions';

export const metadata: Metadata = { title: 'Workspace · Admin', robots: { index: false, follow: false } };

const reasonField = {
  name: 'reason',
  label: 'Reason (kept in the audit log)',
  kind: 'textarea',
  required: true,
} as const;

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

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-8" data-testid="admin-workspace">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-primary">
            <Link href="/admin/workspaces" className="underline-offset-4 hover:underline">
              Workspaces
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{workspace.name}</h1>
          <p className="font-mono text-xs text-muted-foreground">
            {workspace.slug} · {workspace.id}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {workspace.deletedAt ? <Badge variant="neutral">deleted</Badge> : null}
          {workspace.suspendedAt ? (
            <Badge variant="destructive" data-testid="workspace-state">
              suspended
            </Badge>
          ) : (
            <Badge variant="success" data-testid="workspace-state">
              active
            </Badge>
          )}
        </div>
      </div>

      <Section
        title="Suspension"
        description="A suspended workspace shows its members a suspended page; its API answers 403 workspace_suspended. Billing webhooks are still applied; nothing is deleted."
      >
        {workspace.suspendedAt ? (
          <>
            <Alert variant="destructive" title="Suspended">
              Since <LocalTime value={workspace.suspendedAt} />: {workspace.suspendedReason}
            </Alert>
            <StaffActionForm
              testId="unsuspend-form"
              action={unsuspendWorkspaceAction.bind(null, workspace.id)}
              fields={[reasonField]}
              submitLabel="Unsuspend"
            />
          </>
        ) : (
          <StaffActionForm
            testId="suspend-form"
            action={suspendWorkspaceAction.bind(null, workspace.id)}
            fields={[reasonField]}
            submitLabel="Suspend workspace"
            destructive
          />
        )}
      </Section>

      <Section
        title="Plan and entitlement"
        description="What the workspace may do now; a plan override beats Stripe until it expires, then Stripe's state decides again."
      >
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <Fact label="In effect" testId="effective-plan">
            {current.planName} · {current.state}
          </Fact>
          <Fact label="From Stripe (synced)" testId="synced-plan">
            {detail.synced
              ? `${detail.synced.plan} · ${detail.synced.subscriptionStatus ?? 'no subscription'}`
              : 'free (never synced)'}
          </Fact>
          <Fact label="Features">{current.features.join(', ')}</Fact>
        </dl>
        {current.override ? (
          <Alert title={`${current.override.planName} plan granted`} data-testid="override-state">
            Until <LocalTime value={current.override.expiresAt} />: {current.override.reason}
          </Alert>
        ) : detail.override ? (
          <p className="text-sm text-muted-foreground">
            The last override ({detail.override.plan}) expired <LocalTime value={detail.override.expiresAt} />
            .
          </p>
        ) : null}
        <div className="grid gap-6 md:grid-cols-2">
          <div className="grid gap-2">
            <h3 className="text-sm font-semibold">Grant a plan until a date</h3>
            <StaffActionForm
              testId="plan-override-form"
              action={setPlanOverrideAction.bind(null, workspace.id)}
              fields={[
                {
                  name: 'plan',
                  label: 'Plan',
                  kind: 'select',
                  options: [
                    { value: 'pro', label: 'Pro' },
                    { value: 'team', label: 'Team' },
                  ],
                  defaultValue: 'team',
                },
                { name: 'expiresAt', label: 'Until (end of day)', kind: 'date', required: true },
                { name: 'members', label: 'Members limit', kind: 'number', hint: "Empty: the plan's." },
                { name: 'projects', label: 'Projects limit', kind: 'number', hint: "Empty: the plan's." },
                reasonField,
              ]}
              submitLabel="Grant plan"
            />
          </div>
          {detail.override ? (
            <div className="grid content-start gap-2">
              <h3 className="text-sm font-semibold">End the override now</h3>
              <StaffActionForm
                testId="clear-override-form"
                action={clearPlanOverrideAction.bind(null, workspace.id)}
                fields={[reasonField]}
                submitLabel="End override"
                destructive
              />
            </div>
          ) : null}
        </div>
      </Section>

      <Section
        title="Usage against limits"
        description="Members count pending invitations; deleted projects and files do not count."
      >
        <dl className="grid gap-4 text-sm sm:grid-cols-3" data-testid="usage">
          <Fact label="Members">
            {detail.usage.members} (+{detail.usage.pendingInvitations} invited) of {current.limits.members}
          </Fact>
          <Fact label="Projects">
            {detail.usage.projects} of {current.limits.projects}
          </Fact>
          <Fact label="File storage">
            {formatBytes(detail.usage.storageBytes)} of {formatBytes(current.limits.storageBytes)}
          </Fact>
        </dl>
      </Section>

      <Section title="Stripe" description="The billing mirror: what the last sync read from Stripe.">
        {detail.customer ? (
          <p className="text-sm">
            Customer <span className="font-mono">{detail.customer.id}</span> ·{' '}
            <a
              href={detail.customer.dashboardUrl}
              className="underline underline-offset-4"
              rel="noreferrer"
              target="_blank"
            >
              Open in the Stripe dashboard
            </a>
            {detail.customer.syncedAt ? (
              <>
                {' '}
                · synced <LocalTime value={detail.customer.syncedAt} />
              </>
            ) : null}
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">
            No Stripe customer: this workspace never started a Checkout.
          </p>
        )}
        {detail.subscriptions.length > 0 ? (
          <Table>
            <TableCaption className="sr-only">Subscriptions</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Subscription</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Items</TableHead>
                <TableHead>Period ends</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.subscriptions.map((s) => (
                <TableRow key={s.id}>
                  <TableCell className="font-mono text-xs">{s.id}</TableCell>
                  <TableCell>
                    {s.status}
                    {s.cancelAtPeriodEnd ? ' · cancels at period end' : ''}
                  </TableCell>
                  <TableCell className="text-xs">
                    {s.items
                      .map((item) => `${item.priceLookupKey ?? 'unknown price'} × ${item.quantity}`)
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
            <TableCaption className="sr-only">Invoices</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Invoice</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Total</TableHead>
                <TableHead>Date</TableHead>
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
                    {formatMoney(i.total, i.currency)}
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
        title="Members"
        description={detail.membersTruncated ? 'The first 200, oldest first.' : 'Oldest first.'}
      >
        <Table data-testid="members">
          <TableCaption className="sr-only">Members</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Person</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Joined</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.members.map((m) => (
              <TableRow key={m.userId}>
                <TableCell>
                  <div className="font-medium">{m.name}</div>
                  <div className="text-xs text-muted-foreground">{m.email}</div>
                </TableCell>
                <TableCell>{m.role}</TableCell>
                <TableCell className="whitespace-nowrap">
                  <LocalTime value={m.joinedAt} dateOnly />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section
        title="Flags in effect"
        description="Each flag as this workspace resolves it now (the step that decided it), and its workspace overrides."
      >
        <Table data-testid="flags">
          <TableCaption className="sr-only">Flags</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Flag</TableHead>
              <TableHead>Value</TableHead>
              <TableHead>Decided by</TableHead>
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
                <TableCell className="text-xs">{f.reason.replaceAll('_', ' ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <div className="grid gap-6 md:grid-cols-2">
          <div className="grid gap-2">
            <h3 className="text-sm font-semibold">Override a flag for this workspace</h3>
            <StaffActionForm
              testId="flag-override-form"
              action={setFlagOverrideAction}
              fields={[
                { name: 'scope', kind: 'hidden', value: 'workspace' },
                { name: 'workspaceId', kind: 'hidden', value: workspace.id },
                {
                  name: 'key',
                  label: 'Flag',
                  kind: 'select',
                  options: detail.flags.map((f) => ({ value: f.key, label: f.key })),
                },
                {
                  name: 'value',
                  label: 'Value',
                  kind: 'text',
                  hint: 'true or false, or one of the variants.',
                  required: true,
                },
                reasonField,
              ]}
              submitLabel="Set override"
            />
          </div>
          {detail.flagOverrides.length > 0 ? (
            <div className="grid content-start gap-3">
              <h3 className="text-sm font-semibold">Overrides of this workspace</h3>
              {detail.flagOverrides.map((o) => (
                <div key={o.id} className="grid gap-2 rounded-lg border border-border p-3 text-sm">
                  <p>
                    <span className="font-mono">{o.key}</span> ={' '}
                    <span className="font-mono">{JSON.stringify(o.value)}</span> · {o.reason}
                    {o.expiresAt ? (
                      <>
                        {' '}
                        · until <LocalTime value={o.expiresAt} />
                      </>
                    ) : null}
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
                    submitLabel="Clear override"
                  />
                </div>
              ))}
            </div>
          ) : null}
        </div>
      </Section>

      <Section title="Audit log" description="The 20 latest entries of this workspace, newest first.">
        {detail.audit.length === 0 ? (
          <EmptyState
            title="Nothing recorded yet"
            description="Privileged changes in this workspace appear here."
          />
        ) : (
          <Table data-testid="audit-tail">
            <TableCaption className="sr-only">Audit log</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Action</TableHead>
                <TableHead>Actor</TableHead>
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
                    {row.impersonatorId ? ` (by ${row.impersonatorId})` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </div>
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
