import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@plinth/core/access';
import { catalog } from '@plinth/core/billing';
import { entitlements } from '@plinth/core/entitlements';
import { serverContext } from '@plinth/core/server-context';
import { listMyWorkspaces } from '@plinth/core/tenancy';
import { Logo } from '../../components/brand/logo';
import { Button } from '../../components/ui/button';
import { toPlanOffers } from '../../lib/billing-display';
import { readRequestSession } from '../../lib/workspace-context';
import { PlanPicker, type PlanAudience } from '../(signed-in)/w/[slug]/billing/plan-picker';

export const metadata: Metadata = {
  title: 'Pricing',
  description: 'Plans for every stage: start free, upgrade when the team grows.',
};

/**
 * Public pricing, rendered from the catalog in code (the same one billing:sync pushes to Stripe), so
 * the page can never advertise a price Stripe does not charge. Signed in, the buttons act on one of
 * the person's workspaces: Checkout for a free one, the billing portal for one that pays.
 */
export default async function PricingPage() {
  const session = await readRequestSession();
  const audience = session ? await audienceFor(session.userId) : ({ kind: 'signed-out' } as const);

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-border">
        <div className="mx-auto flex h-16 w-full max-w-5xl items-center justify-between px-6">
          <Link href="/" className="rounded-md text-foreground">
            <Logo className="text-lg" />
          </Link>
          <nav aria-label="Primary" className="flex items-center gap-2">
            {session ? (
              <Button asChild size="sm" variant="secondary">
                <Link href="/app">Open the app</Link>
              </Button>
            ) : (
              <>
                <Button asChild variant="ghost" size="sm">
                  <Link href="/sign-in?next=%2Fpricing">Sign in</Link>
                </Button>
                <Button asChild size="sm">
                  <Link href="/sign-up">Create an account</Link>
                </Button>
              </>
            )}
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-6 py-14">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Pricing</h1>
        <p className="mt-3 max-w-2xl text-muted-foreground">
          Start free. Upgrade a workspace when you need more projects and members; downgrade or cancel
          whenever you like — nothing is ever deleted, extra projects just become read-only.
        </p>
        <div className="mt-10">
          <PlanPicker plans={toPlanOffers(catalog)} audience={audience} showWorkspaceSelect />
        </div>
      </main>
    </div>
  );
}

/** The workspaces this person may buy for (owners and admins), each with its current plan. */
async function audienceFor(userId: string): Promise<PlanAudience> {
  const context = serverContext();
  const mine = await listMyWorkspaces(context, userId);
  const billable = mine.filter((workspace) =>
    can({ type: 'user', id: userId, workspaceId: workspace.id, role: workspace.role }, 'billing.manage'),
  );
  if (billable.length === 0) return { kind: mine.length === 0 ? 'no-workspace' : 'not-manager' };
  const workspaces = await Promise.all(
    billable.map(async ({ id, slug, name }) => {
      const current = await entitlements(context, id);
      return { slug, name, plan: current.plan, subscribed: current.state !== 'free' };
    }),
  );
  return { kind: 'workspaces', workspaces };
}
