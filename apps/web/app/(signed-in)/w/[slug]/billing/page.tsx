import type { Metadata } from 'next';
import { encodeId } from '@plinth/core/public-ids';
import { RefreshOn } from '../../../../../components/realtime/refresh-on';
import { RefreshOnReturn } from '../../../../../components/realtime/refresh-on-return';
import { can } from '@plinth/core/access';
import { billingSummary, catalog, confirmPortalReturn } from '@plinth/core/billing';
import { prioritySupport } from '@plinth/core/entitlements';
import { isAppError } from '@plinth/core/errors';
import { serverContext } from '@plinth/core/server-context';
import type { MemberActor } from '@plinth/core/tenancy';
import { UpgradePrompt } from '../../../../../components/billing/upgrade-prompt';
import { Alert } from '../../../../../components/ui/alert';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { LocalTime } from '../../../../../components/ui/local-time';
import { SettingsSection } from '../../../../../components/ui/settings-section';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../../components/ui/table';
import { billingDeps, billingSyncDeps } from '../../../../../lib/billing-context';
import {
  formatMoney,
  invoiceBadge,
  statusBadge,
  toBillableWorkspace,
  toPlanOffers,
} from '../../../../../lib/billing-display';
import { formatBytes } from '../../../../../lib/format';
import { countOf, nouns } from '../../../../../lib/plural';
import { requireMember } from '../../../../../lib/workspace-context';
import { ManageBillingButton } from './manage-billing-button';
import { PlanPicker } from './plan-picker';

export const metadata: Metadata = {
  title: 'Billing',
};

type SearchParams = Promise<{
  checkout?: string | string[];
  from?: string | string[];
  portal_visit?: string | string[];
}>;

export default async function BillingPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/billing`);
  const heading = (
    <div>
      <p className="text-sm font-medium text-primary">{workspace.name}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Billing</h1>
    </div>
  );

  if (!can(actor, 'billing.read')) {
    // Not a 404: the person may well need a bigger plan, and should know whom to ask.
    return (
      <div className="mx-auto grid w-full max-w-4xl gap-8">
        {heading}
        <Alert title="Billing is managed by the workspace's owners and admins">
          Ask an owner or admin of {workspace.name} if you need a bigger plan or a copy of an invoice.
        </Alert>
      </div>
    );
  }

  const query = await searchParams;
  // Back from the portal: what changed there shows now, not when the webhook arrives.
  // The first load with this portal session's nonce syncs; a reload or a parallel load does not.
  if (query.from === 'portal' && typeof query.portal_visit === 'string') {
    await confirmPortalReturn(billingSyncDeps(), actor, query.portal_visit);
  }
  const summary = await billingSummary(billingDeps(), actor);
  const plan = catalog.plans[summary.plan.key];
  // A plan granted without a subscription (the demo seed, a staff override) says so: no billing account.
  const badge =
    summary.standing === 'granted'
      ? ({ label: 'Granted', tone: 'primary' } as const)
      : summary.state === 'free'
        ? statusBadge(null)
        : statusBadge(summary.subscriptionStatus ?? (summary.state === 'grace' ? 'past_due' : summary.state));
  const mayManage = can(actor, 'billing.manage');
  // A live subscription (even one that grants nothing now, like unpaid) changes in the portal.
  const subscribed = summary.standing === 'subscribed' || summary.standing === 'lapsed';
  const canceled = query.checkout === 'canceled';
  const support = await prioritySupportOrReason(actor);

  return (
    <div className="mx-auto grid w-full max-w-4xl gap-8 [&>*]:min-w-0">
      <RefreshOn workspaceId={encodeId('ws', workspace.id)} topics={['billing']} />
      <RefreshOnReturn />
      {heading}

      {summary.pastDue ? (
        <Alert
          variant="destructive"
          title="Your last payment failed"
          data-testid="past-due-banner"
          action={
            summary.pastDue.invoiceUrl ? (
              <Button asChild size="sm">
                <a href={summary.pastDue.invoiceUrl}>Pay invoice</a>
              </Button>
            ) : null
          }
        >
          You keep the {plan.name} plan while Stripe retries the card. Pay the open invoice or update the
          payment method to avoid dropping to the free plan.
        </Alert>
      ) : null}

      {summary.declinedCheckout ? (
        <Alert
          variant="destructive"
          title="Your payment did not go through"
          data-testid="declined-checkout"
          action={
            summary.declinedCheckout.invoiceUrl && mayManage ? (
              <Button asChild size="sm">
                <a href={summary.declinedCheckout.invoiceUrl}>Pay with another card</a>
              </Button>
            ) : null
          }
        >
          The card was declined or needs an authentication that did not happen, so nothing was charged and{' '}
          {workspace.name} stays on the {plan.name} plan. Pay the open invoice with another card to start the
          subscription, or choose a plan again below.
        </Alert>
      ) : null}

      {canceled ? (
        <Alert title="Checkout canceled">Nothing was charged. Your plan has not changed.</Alert>
      ) : null}

      <SettingsSection
        id="current-plan"
        title="Current plan"
        aside={
          <Badge variant={badge.tone} data-testid="subscription-status">
            {badge.label}
          </Badge>
        }
      >
        <div className="grid gap-6">
          <div>
            <p className="text-2xl font-semibold" data-testid="current-plan">
              {plan.name}
            </p>
            <p className="mt-1 text-sm text-muted-foreground">{plan.description}</p>
          </div>

          {summary.override ? (
            <Alert title={`${summary.override.planName} plan granted`} data-testid="plan-override-notice">
              Our team granted this workspace the {summary.override.planName} plan until{' '}
              <LocalTime value={summary.override.expiresAt} dateOnly />. Until then it has everything the plan
              includes, whatever the subscription below says; afterwards the workspace returns to its
              subscription&apos;s plan. Nothing is deleted when it ends.
            </Alert>
          ) : null}

          {summary.cancelAtPeriodEnd && summary.currentPeriodEnd ? (
            <Alert title="Cancellation scheduled" data-testid="cancel-notice">
              Your {plan.name} plan ends on <LocalTime value={summary.currentPeriodEnd} dateOnly />. You keep
              everything it includes until then; afterwards the workspace moves to the free plan and extra
              projects become read-only. Nothing is deleted.
            </Alert>
          ) : null}

          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-muted-foreground">Members</dt>
              <dd className="mt-0.5 font-medium" data-testid="seats">
                {summary.seats.used} of{' '}
                {summary.seats.paid !== null
                  ? countOf(summary.seats.paid, nouns.paidSeat)
                  : summary.limits.members}
                {summary.usage.pendingInvitations > 0 ? ` (${summary.usage.pendingInvitations} invited)` : ''}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Projects</dt>
              <dd className="mt-0.5 font-medium" data-testid="projects-usage">
                {summary.usage.projects} of {summary.limits.projects}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">File storage</dt>
              <dd className="mt-0.5 font-medium" data-testid="storage-usage">
                {formatBytes(summary.usage.storageBytes)} of {formatBytes(summary.limits.storageBytes)}
              </dd>
            </div>
            {summary.trialEnd ? (
              <div>
                <dt className="text-muted-foreground">Trial ends</dt>
                <dd className="mt-0.5 font-medium">
                  <LocalTime value={summary.trialEnd} dateOnly />
                </dd>
              </div>
            ) : null}
            {summary.currentPeriodEnd ? (
              <div>
                <dt className="text-muted-foreground">
                  {summary.cancelAtPeriodEnd ? 'Ends on' : 'Current period ends'}
                </dt>
                <dd className="mt-0.5 font-medium" data-testid="period-end">
                  <LocalTime value={summary.currentPeriodEnd} dateOnly />
                </dd>
              </div>
            ) : null}
            {summary.nextInvoice ? (
              <div>
                <dt className="text-muted-foreground">Next invoice</dt>
                <dd className="mt-0.5 font-medium">
                  {formatMoney(summary.nextInvoice.amount, summary.nextInvoice.currency)}
                  {summary.nextInvoice.date ? (
                    <>
                      {' '}
                      on <LocalTime value={summary.nextInvoice.date} dateOnly />
                    </>
                  ) : null}
                </dd>
              </div>
            ) : null}
          </dl>

          {summary.canManage ? (
            <div className="flex flex-wrap gap-3">
              <ManageBillingButton slug={workspace.slug} />
              {subscribed && plan.features.includes('seat_billing') ? (
                <ManageBillingButton slug={workspace.slug} seats variant="ghost">
                  Add or remove seats
                </ManageBillingButton>
              ) : null}
            </div>
          ) : null}
        </div>
      </SettingsSection>

      <SettingsSection
        id="plans"
        title={subscribed ? 'Change plan' : summary.standing === 'granted' ? 'Plans' : 'Upgrade'}
        description={
          subscribed
            ? 'Plan changes, seats and cancellation happen in the billing portal, prorated by Stripe.'
            : 'Pay with a card on a secure Stripe page; the new limits apply as soon as you come back.'
        }
      >
        {mayManage ? (
          <PlanPicker
            plans={toPlanOffers(catalog)}
            audience={{
              kind: 'workspaces',
              workspaces: [
                toBillableWorkspace(workspace, {
                  ...summary,
                  plan: summary.plan.key,
                  seatsInUse: Math.max(1, summary.seats.used),
                }),
              ],
            }}
          />
        ) : (
          <p className="text-sm text-muted-foreground">Only owners and admins can change the plan.</p>
        )}
      </SettingsSection>

      <SettingsSection
        id="support"
        title="Support"
        description="Every plan can write to us; Team workspaces get a priority address."
      >
        {support.ok ? (
          <p className="text-sm" data-testid="priority-support">
            Priority support: write to{' '}
            <a className="font-medium underline" href={`mailto:${support.address}`}>
              {support.address}
            </a>
            , answered within {support.responseTime}.
          </p>
        ) : (
          <UpgradePrompt
            slug={workspace.slug}
            title="Not on your plan"
            message={support.message}
            canUpgrade={mayManage}
          />
        )}
      </SettingsSection>

      <SettingsSection id="invoices" title="Invoices">
        {summary.invoices.length === 0 ? (
          <p className="text-sm text-muted-foreground">No invoices yet.</p>
        ) : (
          <Table aria-label="Invoices" stacked>
            <TableHeader>
              <TableRow>
                <TableHead>Date</TableHead>
                <TableHead>Number</TableHead>
                <TableHead>Amount</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Links</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.invoices.map((invoice) => {
                const status = invoiceBadge(invoice.status, invoice.standing);
                const payable = invoice.status === 'open' && invoice.standing !== 'abandoned';
                return (
                  <TableRow key={invoice.id} data-testid={`invoice-${invoice.id}`}>
                    <TableCell data-stack="full">
                      <LocalTime value={invoice.createdAt} dateOnly />
                    </TableCell>
                    <TableCell className="font-mono text-xs" data-stack="hide">
                      {invoice.number ?? '—'}
                    </TableCell>
                    <TableCell>{formatMoney(invoice.total, invoice.currency)}</TableCell>
                    <TableCell>
                      <Badge variant={status.tone}>{status.label}</Badge>
                    </TableCell>
                    <TableCell className="text-right whitespace-nowrap">
                      {invoice.hostedInvoiceUrl ? (
                        <a
                          href={invoice.hostedInvoiceUrl}
                          className="font-medium text-primary hover:underline"
                          target="_blank"
                          rel="noreferrer"
                        >
                          {payable ? 'Pay' : 'View'}
                        </a>
                      ) : null}
                      {invoice.invoicePdf ? (
                        <a
                          href={invoice.invoicePdf}
                          className="ml-3 font-medium text-primary hover:underline"
                          target="_blank"
                          rel="noreferrer"
                        >
                          PDF
                        </a>
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {summary.invoices.some((invoice) => invoice.status === 'open' && invoice.standing === 'abandoned') ? (
          <p className="mt-3 text-sm text-muted-foreground" data-testid="abandoned-invoices-note">
            “Not due” marks an invoice left open by a checkout that did not go through: a later payment
            replaced it or its subscription ended, so nothing is owed on it and Stripe closes it.
          </p>
        ) : null}
      </SettingsSection>
    </div>
  );
}

/** The priority-support channel, or core's 402 message naming the plan that includes it. */
async function prioritySupportOrReason(
  actor: MemberActor,
): Promise<{ ok: true; address: string; responseTime: string } | { ok: false; message: string }> {
  const { database, env } = serverContext();
  try {
    return {
      ok: true,
      ...(await prioritySupport({ database, supportAddress: env.mail.supportAddress }, actor)),
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'payment_required') return { ok: false, message: error.message };
    throw error;
  }
}
