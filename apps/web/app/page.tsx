import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PublicHeader } from '../components/site/public-header';
import { PublicFooter } from '../components/site/public-footer';
import { Button } from '../components/ui/button';
import { claims, landingFaq, type ClaimIcon } from '../lib/landing';
import { publicPageMetadata } from '../lib/site';
import { Faq } from '../components/site/faq';
import { ProductShots } from '../components/site/product-shots';

// The drawing of each claim (apps/web/lib/landing.ts holds the words and what backs them).
const icons: Record<ClaimIcon, ReactNode> = {
  identity: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />
    </>
  ),
  tenancy: (
    <>
      <path d="m12 3 9 5-9 5-9-5 9-5Z" />
      <path d="m3 13 9 5 9-5" />
      <path d="m3 17.5 9 5 9-5" />
    </>
  ),
  billing: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 10h18M7 15h4" />
    </>
  ),
  flags: (
    <>
      <path d="M5 21V4" />
      <path d="M5 4h11l-2 4 2 4H5" />
    </>
  ),
  notifications: (
    <>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2Z" />
      <path d="M10 21h4" />
    </>
  ),
  files: (
    <>
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Z" />
      <path d="M14 3v5h5" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="6" />
      <path d="m20 20-4.5-4.5" />
    </>
  ),
  staff: (
    <>
      <path d="M12 3 4 6v6c0 4.5 3.4 8.2 8 9 4.6-.8 8-4.5 8-9V6l-8-3Z" />
      <path d="m9 12 2 2 4-4" />
    </>
  ),
  webhooks: (
    <>
      <circle cx="6" cy="17" r="2.5" />
      <circle cx="18" cy="17" r="2.5" />
      <circle cx="12" cy="6" r="2.5" />
      <path d="M8.5 17h7M10.8 8.2 7.2 14.8M13.2 8.2l3.6 6.6" />
    </>
  ),
  api: (
    <>
      <path d="m8 8-4 4 4 4M16 8l4 4-4 4M13.5 5l-3 14" />
    </>
  ),
  platform: (
    <>
      <rect x="3" y="4" width="18" height="7" rx="2" />
      <rect x="3" y="13" width="18" height="7" rx="2" />
      <path d="M7 7.5h.01M7 16.5h.01" />
    </>
  ),
  observability: (
    <>
      <path d="M3 12h4l3-7 4 14 3-7h4" />
    </>
  ),
};

// The two commands; their words are `landing.commands.<id>` in the catalogs.
const commands = [
  { id: 'run', command: 'npm ci && npm run dev' },
  { id: 'test', command: 'npm test' },
] as const;

export function generateMetadata(): Promise<Metadata> {
  return publicPageMetadata({ path: '/' });
}

export default async function LandingPage() {
  const t = await getTranslations('landing');
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader>
        {/* On a phone the footer carries the pricing link: three buttons and the mark do not fit 360 px. */}
        <Button asChild variant="ghost" size="sm" className="max-sm:hidden">
          <Link href="/pricing">{t('pricing')}</Link>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href="/sign-in">{t('signIn')}</Link>
        </Button>
        <Button asChild size="sm">
          {/* "Create an account" beside "Sign in" is 1 px too wide for 360 px (e2e/seo.test.ts). */}
          <Link href="/sign-up">
            <span className="max-sm:hidden">{t('createAccount')}</span>
            <span className="sm:hidden">{t('signUp')}</span>
          </Link>
        </Button>
      </PublicHeader>

      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        <section className="mx-auto w-full max-w-5xl px-6 pt-20 pb-16 sm:pt-28">
          <p className="text-sm font-medium text-primary">{t('eyebrow')}</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            {t('heroTitle')}
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-pretty text-muted-foreground">{t('heroBody')}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Button asChild size="lg">
              <Link href="/sign-up">{t('createAccount')}</Link>
            </Button>
            <Button asChild size="lg" variant="secondary">
              <Link href="/app">{t('openApp')}</Link>
            </Button>
          </div>
        </section>
        <ProductShots />

        <section aria-labelledby="capabilities-heading" className="mx-auto w-full max-w-5xl px-6 pb-16">
          <h2 id="capabilities-heading" className="text-xl font-semibold tracking-tight">
            {t('capabilitiesHeading')}
          </h2>
          <p className="mt-2 max-w-2xl text-sm text-muted-foreground">{t('capabilitiesBody')}</p>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {claims.map((claim) => (
              <li
                key={claim.id}
                data-testid={`claim-${claim.id}`}
                className="flex min-w-0 flex-col rounded-xl border border-border p-6"
              >
                <svg
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.75"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  className="size-9 rounded-lg bg-muted p-2 text-primary"
                >
                  {icons[claim.id]}
                </svg>
                <h3 className="mt-4 font-semibold">{t(`claims.${claim.id}.title`)}</h3>
                <p className="mt-1.5 flex-1 text-sm leading-relaxed text-muted-foreground">
                  {t(`claims.${claim.id}.body`)}
                </p>
                <p className="mt-4 text-xs text-muted-foreground">
                  <span className="sr-only">{t('code')} </span>
                  <code className="font-mono break-all">{claim.evidence.modules[0]}</code>
                </p>
              </li>
            ))}
          </ul>
          <div className="mt-8 flex flex-wrap items-center gap-3">
            <Button asChild variant="secondary">
              <Link href="/pricing">{t('seePricing')}</Link>
            </Button>
          </div>
        </section>

        <section aria-labelledby="commands-heading" className="border-t border-border bg-muted/50">
          <div className="mx-auto w-full max-w-5xl px-6 py-16">
            <h2 id="commands-heading" className="text-xl font-semibold tracking-tight">
              {t('commandsHeading')}
            </h2>
            <div className="mt-6 grid gap-4 md:grid-cols-2">
              {commands.map((item) => (
                <div key={item.command} className="rounded-xl border border-border bg-background p-6">
                  <h3 className="text-sm font-medium text-muted-foreground">
                    {t(`commands.${item.id}.label`)}
                  </h3>
                  <pre className="mt-3 overflow-x-auto rounded-lg bg-foreground px-4 py-3 font-mono text-sm text-background">
                    <code>
                      <span aria-hidden="true" className="opacity-50 select-none">
                        ${' '}
                      </span>
                      {item.command}
                    </code>
                  </pre>
                  <p className="mt-3 text-sm leading-relaxed text-muted-foreground">
                    {t(`commands.${item.id}.body`)}
                  </p>
                </div>
              ))}
            </div>
          </div>
        </section>
        <div className="mx-auto w-full max-w-5xl px-6 py-16">
          <Faq
            id="faq-heading"
            title={t('faqTitle')}
            items={landingFaq.map((item) => ({
              question: t(`faq.${item.id}.question`),
              answer: t(`faq.${item.id}.answer`),
            }))}
          />
        </div>
      </main>

      <PublicFooter />
    </div>
  );
}
