import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@plinth/core/access';
import { billingSummary, catalog, confirmCheckout } from '@plinth/core/billing';
import { encodeId } from '@plinth/core/public-ids';
import { RefreshOn } from '../../../../../../components/realtime/refresh-on';
import { Alert } from '../../../../../../components/ui/alert';
import { Button } from '../../../../../../components/ui/button';
import { LocalTime } from '../../../../../../components/ui/local-time';
import { billingSyncDeps } from '../../../../../../lib/billing-context';
import { countOf, nouns } from '../../../../../../lib/plural';
import { requireMember } from '../../../../../../lib/workspace-context';

export const metadata: Metadata = {
  title: 'Checkout',
};

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
  if (!can(actor, 'billing.read')) {
    return (
      <div className="mx-auto grid w-full max-w-xl gap-6 py-10">
        <Alert title="Billing is managed by the workspace's owners and admins" />
      </div>
    );
  }
  const deps = billingSyncDeps();
  await confirmCheckout(deps, actor, typeof sessionId === 'string' ? sessionId : undefined);
  const summary = await billingSummary(deps, actor);
  const plan = catalog.plans[summary.plan.key];
  const upgraded = summary.state !== 'free';
  const unlocked =
    summary.seats.paid !== null
      ? `${countOf(summary.seats.paid, nouns.paidSeat)} and up to ${countOf(summary.limits.projects, nouns.project)}.`
      : `Up to ${countOf(summary.limits.projects, nouns.project)} and ${countOf(summary.limits.members, nouns.member)}.`;

  return (
    <div className="mx-auto grid w-full max-w-xl gap-6 py-10 text-center">
      {/* The webhook's sync lands a moment later: the page re-renders itself when it does. */}
      <RefreshOn workspaceId={encodeId('ws', workspace.id)} topics={['billing']} />
      <p className="text-sm font-medium text-primary">{workspace.name}</p>
      {upgraded ? (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">You are on {plan.name}</h1>
          <p className="text-muted-foreground" data-testid="success-summary">
            {summary.state === 'trialing' && summary.trialEnd ? (
              <>
                Your free trial runs until <LocalTime value={summary.trialEnd} dateOnly />. {unlocked}
              </>
            ) : (
              <>Payment received. {unlocked}</>
            )}
          </p>
        </>
      ) : summary.declinedCheckout ? (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">Your payment did not go through</h1>
          <Alert variant="destructive" data-testid="declined-summary">
            The card was declined or needs an authentication that did not happen. Nothing was charged and{' '}
            {workspace.name} stays on the {plan.name} plan. Pay with another card to start the subscription,
            or go back to billing and choose a plan again.
          </Alert>
          {summary.declinedCheckout.invoiceUrl ? (
            <div className="flex justify-center">
              <Button asChild>
                <a href={summary.declinedCheckout.invoiceUrl}>Pay with another card</a>
              </Button>
            </div>
          ) : null}
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">No payment confirmed yet</h1>
          <Alert data-testid="pending-summary">
            Stripe has not confirmed a subscription for {workspace.name}. If you just paid, this page updates
            by itself within a minute. If you left the checkout before paying, nothing was charged and your
            plan has not changed.
          </Alert>
        </>
      )}
      <div className="flex flex-wrap justify-center gap-3">
        <Button asChild>
          <Link href={billingHref}>Continue to billing</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href={`/w/${workspace.slug}/projects`}>Go to projects</Link>
        </Button>
      </div>
    </div>
  );
}
