import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@plinth/core/access';
import { billingSummary, catalog, confirmCheckout } from '@plinth/core/billing';
import { Alert } from '../../../../../../components/ui/alert';
import { Button } from '../../../../../../components/ui/button';
import { LocalTime } from '../../../../../../components/ui/local-time';
import { billingSyncDeps } from '../../../../../../lib/billing-context';
import { requireMember } from '../../../../../../lib/workspace-context';

export const metadata: Metadata = {
  title: 'Payment received',
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

  return (
    <div className="mx-auto grid w-full max-w-xl gap-6 py-10 text-center">
      {upgraded ? (
        <>
          <p className="text-sm font-medium text-primary">{workspace.name}</p>
          <h1 className="text-2xl font-semibold tracking-tight">You are on {plan.name}</h1>
          <p className="text-muted-foreground" data-testid="success-summary">
            {summary.state === 'trialing' && summary.trialEnd ? (
              <>
                Your free trial runs until <LocalTime value={summary.trialEnd} dateOnly />. Up to{' '}
                {summary.limits.projects} projects and {summary.limits.members} members are unlocked.
              </>
            ) : (
              <>
                Payment received. Up to {summary.limits.projects} projects and {summary.limits.members}{' '}
                members are unlocked.
              </>
            )}
          </p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">Waiting for Stripe</h1>
          <Alert>
            Stripe has not confirmed a subscription for {workspace.name} yet. If you completed the payment, it
            will show up in a moment; this page checks again when you reload it.
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
