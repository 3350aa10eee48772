import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
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
import { requireMember } from '../../../../../lib/workspace-context';
import { ManageBillingButton } from './manage-billing-button';
import { PlanPicker } from './plan-picker';
import { ClientMessages } from '../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('billing.page');
  return { title: t('metaTitle') };
}

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
  const [t, tb, locale] = await Promise.all([
    getTranslations('billing.page'),
    getTranslations('billing'),
    getLocale(),
  ]);
  const heading = (
    <div>
      <p className="text-sm font-medium text-primary">{workspace.name}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('heading')}</h1>
    </div>
  );

  if (!can(actor, 'billing.read')) {
    // Not a 404: the person may well need a bigger plan, and should know whom to ask.
    return (
      <div className="mx-auto grid w-full max-w-4xl gap-8">
        {heading}
        <Alert title={t('managedByOwners')}>{t('askOwner', { workspace: workspace.name })}</Alert>
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
      ? ({ key: 'granted', tone: 'primary' } as const)
      : summary.state === 'free'
        ? statusBadge(null)
        : statusBadge(summary.subscriptionStatus ?? (summary.state === 'grace' ? 'past_due' : summary.state));
  const mayManage = can(actor, 'billing.manage');
  // A live subscription (even one that grants nothing now, like unpaid) changes in the portal.
  const subscribed = summary.standing === 'subscribed' || summary.standing === 'lapsed';
  const canceled = query.checkout === 'canceled';
  const support = await prioritySupportOrReason(actor);

  return (
    <ClientMessages namespaces={['billing']}>
      <div className="mx-auto grid w-full max-w-4xl gap-8 [&>*]:min-w-0">
        <RefreshOn workspaceId={encodeId('ws', workspace.id)} topics={['billing']} />
        <RefreshOnReturn />
        {heading}

        {summary.pastDue ? (
          <Alert
            variant="destructive"
            title={t('pastDueTitle')}
            data-testid="past-due-banner"
            action={
              summary.pastDue.invoiceUrl ? (
                <Button asChild size="sm">
                  <a href={summary.pastDue.invoiceUrl}>{t('payInvoice')}</a>
                </Button>
              ) : null
            }
          >
            {t('pastDueBody', { plan: plan.name })}
          </Alert>
        ) : null}

        {summary.declinedCheckout ? (
          <Alert
            variant="destructive"
            title={t('declinedTitle')}
            data-testid="declined-checkout"
            action={
              summary.declinedCheckout.invoiceUrl && mayManage ? (
                <Button asChild size="sm">
                  <a href={summary.declinedCheckout.invoiceUrl}>{t('payOther')}</a>
                </Button>
              ) : null
            }
          >
            {t('declinedBody', { workspace: workspace.name, plan: plan.name })}
          </Alert>
        ) : null}

        {canceled ? <Alert title={t('canceledTitle')}>{t('canceledBody')}</Alert> : null}

        <SettingsSection
          id="current-plan"
          title={t('currentPlan')}
          aside={
            <Badge variant={badge.tone} data-testid="subscription-status">
              {tb(`status.${badge.key}`)}
            </Badge>
          }
        >
          <div className="grid gap-6">
            <div>
              <p className="text-2xl font-semibold" data-testid="current-plan">
                {plan.name}
              </p>
              <p className="mt-1 text-sm text-muted-foreground">{tb(`planDescriptions.${plan.key}`)}</p>
            </div>

            {summary.override ? (
              <Alert
                title={t('overrideTitle', { plan: summary.override.planName })}
                data-testid="plan-override-notice"
              >
                {t.rich('overrideBody', {
                  plan: summary.override.planName,
                  time: () => <LocalTime value={summary.override!.expiresAt} dateOnly />,
                })}
              </Alert>
            ) : null}

            {summary.cancelAtPeriodEnd && summary.currentPeriodEnd ? (
              <Alert title={t('cancelTitle')} data-testid="cancel-notice">
                {t.rich('cancelBody', {
                  plan: plan.name,
                  time: () => <LocalTime value={summary.currentPeriodEnd!} dateOnly />,
                })}
              </Alert>
            ) : null}

            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-muted-foreground">{t('members')}</dt>
                <dd className="mt-0.5 font-medium" data-testid="seats">
                  {summary.seats.paid !== null
                    ? t('seatsOfPaid', { used: summary.seats.used, paid: summary.seats.paid })
                    : t('ofLimit', { used: summary.seats.used, limit: summary.limits.members })}
                  {summary.usage.pendingInvitations > 0
                    ? ` ${t('invited', { count: summary.usage.pendingInvitations })}`
                    : ''}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t('projects')}</dt>
                <dd className="mt-0.5 font-medium" data-testid="projects-usage">
                  {t('ofLimit', { used: summary.usage.projects, limit: summary.limits.projects })}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t('storage')}</dt>
                <dd className="mt-0.5 font-medium" data-testid="storage-usage">
                  {t('storageOf', {
                    used: formatBytes(summary.usage.storageBytes),
                    limit: formatBytes(summary.limits.storageBytes),
                  })}
                </dd>
              </div>
              {summary.trialEnd ? (
                <div>
                  <dt className="text-muted-foreground">{t('trialEnds')}</dt>
                  <dd className="mt-0.5 font-medium">
                    <LocalTime value={summary.trialEnd} dateOnly />
                  </dd>
                </div>
              ) : null}
              {summary.currentPeriodEnd ? (
                <div>
                  <dt className="text-muted-foreground">
                    {summary.cancelAtPeriodEnd ? t('endsOn') : t('periodEnds')}
                  </dt>
                  <dd className="mt-0.5 font-medium" data-testid="period-end">
                    <LocalTime value={summary.currentPeriodEnd} dateOnly />
                  </dd>
                </div>
              ) : null}
              {summary.nextInvoice ? (
                <div>
                  <dt className="text-muted-foreground">{t('nextInvoice')}</dt>
                  <dd className="mt-0.5 font-medium">
                    {summary.nextInvoice.date
                      ? t.rich('nextInvoiceOn', {
                          amount: formatMoney(
                            summary.nextInvoice.amount,
                            summary.nextInvoice.currency,
                            locale,
                          ),
                          time: () => <LocalTime value={summary.nextInvoice!.date!} dateOnly />,
                        })
                      : formatMoney(summary.nextInvoice.amount, summary.nextInvoice.currency, locale)}
                  </dd>
                </div>
              ) : null}
            </dl>

            {summary.canManage ? (
              <div className="flex flex-wrap gap-3">
                <ManageBillingButton slug={workspace.slug} />
                {subscribed && plan.features.includes('seat_billing') ? (
                  <ManageBillingButton slug={workspace.slug} seats variant="ghost">
                    {t('addSeats')}
                  </ManageBillingButton>
                ) : null}
              </div>
            ) : null}
          </div>
        </SettingsSection>

        <SettingsSection
          id="plans"
          title={subscribed ? t('changePlan') : summary.standing === 'granted' ? t('plans') : t('upgrade')}
          description={subscribed ? t('changePlanDescription') : t('upgradeDescription')}
        >
          {mayManage ? (
            <PlanPicker
              plans={toPlanOffers(catalog, locale)}
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
            <p className="text-sm text-muted-foreground">{t('onlyManagers')}</p>
          )}
        </SettingsSection>

        <SettingsSection id="support" title={t('support')} description={t('supportDescription')}>
          {support.ok ? (
            <p className="text-sm" data-testid="priority-support">
              {t.rich('prioritySupport', {
                address: support.address,
                // Core's words for the promise; its one value today has a translation.
                responseTime:
                  support.responseTime === 'one business day' ? t('oneBusinessDay') : support.responseTime,
                link: (chunks) => (
                  <a className="font-medium underline" href={`mailto:${support.address}`}>
                    {chunks}
                  </a>
                ),
              })}
            </p>
          ) : (
            <UpgradePrompt
              slug={workspace.slug}
              title={t('notOnPlan')}
              message={support.message}
              canUpgrade={mayManage}
            />
          )}
        </SettingsSection>

        <SettingsSection id="invoices" title={t('invoices')}>
          {summary.invoices.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('noInvoices')}</p>
          ) : (
            <Table aria-label={t('invoices')} stacked>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('date')}</TableHead>
                  <TableHead>{t('number')}</TableHead>
                  <TableHead>{t('amount')}</TableHead>
                  <TableHead>{t('status')}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t('links')}</span>
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
                      <TableCell>{formatMoney(invoice.total, invoice.currency, locale)}</TableCell>
                      <TableCell>
                        <Badge variant={status.tone}>
                          {status.key ? tb(`invoiceStatus.${status.key}`) : (invoice.status ?? '—')}
                        </Badge>
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap">
                        {invoice.hostedInvoiceUrl ? (
                          <a
                            href={invoice.hostedInvoiceUrl}
                            className="font-medium text-primary hover:underline"
                            target="_blank"
                            rel="noreferrer"
                          >
                            {payable ? t('pay') : t('view')}
                          </a>
                        ) : null}
                        {invoice.invoicePdf ? (
                          <a
                            href={invoice.invoicePdf}
                            className="ml-3 font-medium text-primary hover:underline"
                            target="_blank"
                            rel="noreferrer"
                          >
                            {t('pdf')}
                          </a>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          {summary.invoices.some(
            (invoice) => invoice.status === 'open' && invoice.standing === 'abandoned',
          ) ? (
            <p className="mt-3 text-sm text-muted-foreground" data-testid="abandoned-invoices-note">
              {t('abandonedNote')}
            </p>
          ) : null}
        </SettingsSection>
      </div>
    </ClientMessages>
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
