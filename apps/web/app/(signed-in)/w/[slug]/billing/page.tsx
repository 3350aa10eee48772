import type { Metadata } from 'next';
import { can } from '@plinth/core/access';
import { billingSummary, catalog } from '@plinth/core/billing';
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
import { billingDeps } from '../../../../../lib/billing-context';
import { formatMoney, invoiceBadge, statusBadge, toPlanOffers } from '../../../../../lib/billing-display';
import { requireMember } from '../../../../../lib/workspace-context';
import { ManageBillingButton } from './manage-billing-button';
import { PlanPicker } from './plan-picker';

export const metadata: Metadata = {
  title: 'Billing',
};

type SearchParams = Promise<{ checkout?: string | string[] }>;

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

  const summary = await billingSummary(billingDeps(), actor);
  const plan = catalog.plans[summary.plan.key];
  // A plan granted without a subscription (the demo seed, a deal made by hand) shows its access state.
  const badge =
    summary.state === 'free'
      ? statusBadge(null)
      : statusBadge(summary.subscriptionStatus ?? (summary.state === 'grace' ? 'past_due' : summary.state));
  const mayManage = can(actor, 'billing.manage');
  // A live subscription (even one that grants nothing now, like unpaid) changes in the portal.
  const subscribed = !summary.canCheckout;
  const canceled = (await searchParams).checkout === 'canceled';

  return (
    <div className="mx-auto grid w-full max-w-4xl gap-8">
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
                {summary.seats.paid !== null ? `${summary.seats.paid} paid seats` : summary.limits.members}
                {summary.usage.pendingInvitations > 0 ? ` (${summary.usage.pendingInvitations} invited)` : ''}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Projects</dt>
              <dd className="mt-0.5 font-medium" data-testid="projects-usage">
                {summary.usage.projects} of {summary.limits.projects}
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
            </div>
          ) : null}
        </div>
      </SettingsSection>

      <SettingsSection
        id="plans"
        title={subscribed ? 'Change plan' : 'Upgrade'}
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
                { slug: workspace.slug, name: workspace.name, plan: summary.plan.key, subscribed },
              ],
            }}
          />
        ) : (
          <p className="text-sm text-muted-foreground">Only owners and admins can change the plan.</p>
        )}
      </SettingsSection>

      <SettingsSection id="invoices" title="Invoices">
        {summary.invoices.length === 0 ? (
          <p className="text-sm text-muted-foreground">No invoices yet.</p>
        ) : (
          <Table aria-label="Invoices">
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
                const status = invoiceBadge(invoice.status);
                return (
                  <TableRow key={invoice.id} data-testid={`invoice-${invoice.id}`}>
                    <TableCell>
                      <LocalTime value={invoice.createdAt} dateOnly />
                    </TableCell>
                    <TableCell className="font-mono text-xs">{invoice.number ?? '—'}</TableCell>
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
                          {invoice.status === 'open' ? 'Pay' : 'View'}
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
      </SettingsSection>
    </div>
  );
}
