import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@plinth/core/access';
import { catalog, planChoices } from '@plinth/core/billing';
import { serverContext } from '@plinth/core/server-context';
import { AppError } from '@plinth/core/errors';
import { listMyWorkspaces, resolveMembership } from '@plinth/core/tenancy';
import { PublicHeader } from '../../components/site/public-header';
import { Button } from '../../components/ui/button';
import { PublicFooter } from '../../components/site/public-footer';
import { Faq } from '../../components/site/faq';
import { toBillableWorkspace, toPlanOffers } from '../../lib/billing-display';
import { publicPageMetadata } from '../../lib/site';
import { readRequestSession } from '../../lib/workspace-context';
import { PlanPicker, type PlanAudience } from '../(signed-in)/w/[slug]/billing/plan-picker';
import { comparisonTable } from './comparison';
import { ComparisonTable } from './comparison-table';
import { pricingFaq } from './faq';
import { ClientMessages } from '../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pricing');
  return publicPageMetadata({
    path: '/pricing',
    title: t('metaTitle'),
    description: t('metaDescription'),
    image: '/pricing/opengraph-image',
  });
}

/**
 * Public pricing, rendered from the catalog in code (the same one billing:sync pushes to Stripe), so
 * the page can never advertise a price Stripe does not charge. Signed in, the buttons act on one of
 * the person's workspaces, each with core's nextPlanActions() — the same decision the workspace
 * billing page renders: Checkout, a switch in the portal, or nothing (and why).
 */
export default async function PricingPage() {
  const session = await readRequestSession();
  const audience = session ? await audienceFor(session.userId) : ({ kind: 'signed-out' } as const);
  const [t, tl, locale] = await Promise.all([
    getTranslations('pricing'),
    getTranslations('landing'),
    getLocale(),
  ]);

  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader>
        {session ? (
          <Button asChild size="sm" variant="secondary">
            <Link href="/app">{tl('openApp')}</Link>
          </Button>
        ) : (
          <>
            <Button asChild variant="ghost" size="sm">
              <Link href="/sign-in?next=%2Fpricing">{tl('signIn')}</Link>
            </Button>
            <Button asChild size="sm">
              {/* "Create an account" beside "Sign in" is 1 px too wide for 360 px (e2e/seo.test.ts). */}
              <Link href="/sign-up">
                <span className="max-sm:hidden">{tl('createAccount')}</span>
                <span className="sm:hidden">{tl('signUp')}</span>
              </Link>
            </Button>
          </>
        )}
      </PublicHeader>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-6 py-14 outline-none">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{t('heading')}</h1>
        <p className="mt-3 max-w-2xl text-muted-foreground">{t('intro')}</p>
        <section aria-labelledby="plans-heading" className="mt-10">
          {/* The plan cards are h3s: this keeps the outline h1 → h2 → h3 (axe: heading-order). */}
          <h2 id="plans-heading" className="sr-only">
            {t('plansHeading')}
          </h2>
          <ClientMessages namespaces={['billing']}>
            <PlanPicker plans={toPlanOffers(catalog, locale)} audience={audience} showWorkspaceSelect />
          </ClientMessages>
        </section>
        <section aria-labelledby="compare-heading" className="mt-16 min-w-0">
          <h2 id="compare-heading" className="text-xl font-semibold tracking-tight">
            {t('compareHeading')}
          </h2>
          <div className="mt-6">
            <ComparisonTable table={comparisonTable(catalog, locale)} />
          </div>
        </section>
        <div className="mt-16">
          <Faq id="pricing-faq-heading" title={t('faqTitle')} items={pricingFaq(catalog, locale)} />
        </div>
      </main>
      <PublicFooter />
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
    billable.map(async ({ slug, name }) => {
      // Through the membership lookup every workspace page uses: a suspended workspace is left out.
      const membership = await resolveMembership(context.database, userId, slug).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'workspace_suspended') return null;
        throw error;
      });
      if (!membership) return null;
      return toBillableWorkspace({ slug, name }, await planChoices(context, membership.actor));
    }),
  );
  const open = workspaces.filter((workspace) => workspace !== null);
  // Only suspended ones: nothing to buy for here (their pages say why).
  if (open.length === 0) return { kind: 'no-workspace' };
  return { kind: 'workspaces', workspaces: open };
}
