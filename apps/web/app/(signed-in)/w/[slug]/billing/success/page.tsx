import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@plinth/core/access';
import { billingSummary, catalog, confirmCheckout } from '@plinth/core/billing';
import { encodeId } from '@plinth/core/public-ids';
import { RefreshOn } from '../../../../../../components/realtime/refresh-on';
import { Alert } from '../../../../../../components/ui/alert';
import { Button } from '../../../../../../components/ui/button';
import { LocalTime } from '../../../../../../components/ui/local-time';
import { billingSyncDeps } from '../../../../../../lib/billing-context';
import { requireMember } from '../../../../../../lib/workspace-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('billing.success');
  return { title: t('metaTitle') };
}

/**
 * Where Checkout sends the browser back. confirmCheckout() runs the same syncCustomer() as the
 * webhook worker when the URL's session id is one this workspace opened (and the last sync is not
 * seconds old), so the plan is right now, whether or not the webhooks have arrived; what counts is
 * what Stripe says about the customer. Any other visit shows the mirror as it is.
 */
export default async function CheckoutSuccessPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ session_id?: string | string[] }>;
}) {
  const { slug } = await params;
  const { session_id: sessionId } = await searchParams;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/billing/success`);
  const billingHref = `/w/${workspace.slug}/billing`;
  const t = await getTranslations('billing.success');
  if (!can(actor, 'billing.read')) {
    return (
      <div className="mx-auto grid w-full max-w-xl gap-6 py-10">
        <Alert title={t('managedByOwners')} />
      </div>
    );
  }
  const deps = billingSyncDeps();
  await confirmCheckout(deps, actor, typeof sessionId === 'string' ? sessionId : undefined);
  const summary = await billingSummary(deps, actor);
  const plan = catalog.plans[summary.plan.key];
  const upgraded = summary.state !== 'free';
  const trialEnd = summary.state === 'trialing' ? summary.trialEnd : null;
  const trialEndTime = trialEnd ? <LocalTime value={trialEnd} dateOnly /> : null;
  // ICU plurals: "1 paid seat", "3 paid seats" (never "1 members"), in the reader's language.
  const unlocked =
    summary.seats.paid !== null
      ? t('unlockedSeats', { seats: summary.seats.paid, projects: summary.limits.projects })
      : t('unlockedLimits', { projects: summary.limits.projects, members: summary.limits.members });

  return (
    <div className="mx-auto grid w-full max-w-xl gap-6 py-10 text-center">
      {/* The webhook's sync lands a moment later: the page re-renders itself when it does. */}
      <RefreshOn workspaceId={encodeId('ws', workspace.id)} topics={['billing']} />
      <p className="text-sm font-medium text-primary">{workspace.name}</p>
      {upgraded ? (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">{t('onPlan', { plan: plan.name })}</h1>
          <p className="text-muted-foreground" data-testid="success-summary">
            {summary.state === 'trialing' && summary.trialEnd
              ? t.rich('trial', {
                  unlocked,
                  time: () => trialEndTime,
                })
              : t('paid', { unlocked })}
          </p>
        </>
      ) : summary.declinedCheckout ? (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">{t('declinedTitle')}</h1>
          <Alert variant="destructive" data-testid="declined-summary">
            {t('declinedBody', { workspace: workspace.name, plan: plan.name })}
          </Alert>
          {summary.declinedCheckout.invoiceUrl ? (
            <div className="flex justify-center">
              <Button asChild>
                <a href={summary.declinedCheckout.invoiceUrl}>{t('payOther')}</a>
              </Button>
            </div>
          ) : null}
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">{t('pendingTitle')}</h1>
          <Alert data-testid="pending-summary">{t('pendingBody', { workspace: workspace.name })}</Alert>
        </>
      )}
      <div className="flex flex-wrap justify-center gap-3">
        <Button asChild>
          <Link href={billingHref}>{t('continue')}</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href={`/w/${workspace.slug}/projects`}>{t('projects')}</Link>
        </Button>
      </div>
    </div>
  );
}
