import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PublicHeader } from '../components/site/public-header';
import { PublicFooter } from '../components/site/public-footer';
import { Button } from '../components/ui/button';
import { publicPageMetadata } from '../lib/site';

type Capability = { title: string; body: string; icon: ReactNode };

const capabilities: Capability[] = [
  {
    title: 'Identity',
    body: 'Email and password (argon2id), magic links, OAuth and OIDC, TOTP two-factor, sessions you can revoke, staff admin and impersonation. Every request resolves to one actor before any work happens.',
    icon: (
      <>
        <circle cx="12" cy="8" r="4" />
        <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />
      </>
    ),
  },
  {
    title: 'Tenancy and row-level security',
    body: 'One Postgres, every tenant row tagged with its workspace. Row-level security is the floor: a query that forgets its workspace filter still cannot leak.',
    icon: (
      <>
        <path d="m12 3 9 5-9 5-9-5 9-5Z" />
        <path d="m3 13 9 5 9-5" />
        <path d="m3 17.5 9 5 9-5" />
      </>
    ),
  },
  {
    title: 'Billing',
    body: 'Stripe is the source of truth, Postgres the mirror. Webhooks land in an inbox and one sync re-fetches state, so event order and duplicates cannot corrupt it.',
    icon: (
      <>
        <rect x="3" y="5" width="18" height="14" rx="2" />
        <path d="M3 10h18M7 15h4" />
      </>
    ),
  },
  {
    title: 'Platform',
    body: 'Jobs on Postgres with a transactional outbox, an append-only audit log, mail with a development inbox, structured JSON logs with request ids, and a public REST API with an OpenAPI document, scoped API keys, idempotency keys and rate limits.',
    icon: (
      <>
        <rect x="3" y="4" width="18" height="7" rx="2" />
        <rect x="3" y="13" width="18" height="7" rx="2" />
        <path d="M7 7.5h.01M7 16.5h.01" />
      </>
    ),
  },
];

const commands = [
  {
    label: 'Run it',
    command: 'npm ci && npm run dev',
    body: 'Without a DATABASE_URL it starts an embedded Postgres, runs migrations, seeds demo workspaces and users, and stands in for Stripe and mail.',
  },
  {
    label: 'Test it',
    command: 'npm test',
    body: 'The whole suite against a real Postgres. Each test file gets its own database, cloned from a migrated template — no database mocks.',
  },
];

export function generateMetadata(): Promise<Metadata> {
  return publicPageMetadata({ path: '/' });
}

export default function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader>
        {/* On a phone the footer carries the pricing link: three buttons and the mark do not fit 360 px. */}
        <Button asChild variant="ghost" size="sm" className="max-sm:hidden">
          <Link href="/pricing">Pricing</Link>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href="/sign-in">Sign in</Link>
        </Button>
        <Button asChild size="sm">
          <Link href="/sign-up">Create an account</Link>
        </Button>
      </PublicHeader>

      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        <section className="mx-auto w-full max-w-5xl px-6 pt-20 pb-16 sm:pt-28">
          <p className="text-sm font-medium text-primary">TypeScript · Postgres · Stripe</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            The foundation your SaaS product stands on.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-pretty text-muted-foreground">
            Plinth gives you identity, tenancy, access, billing and the platform pieces every SaaS needs — on
            Postgres, proven by tests. Fork it and add your own domain.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Button asChild size="lg">
              <Link href="/sign-up">Create an account</Link>
            </Button>
            <Button asChild size="lg" variant="secondary">
              <Link href="/app">Open the app</Link>
            </Button>
          </div>
        </section>

        <section aria-labelledby="capabilities-heading" className="mx-auto w-full max-w-5xl px-6 pb-16">
          <h2 id="capabilities-heading" className="text-xl font-semibold tracking-tight">
            What is in the box
          </h2>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {capabilities.map((capability) => (
              <li key={capability.title} className="rounded-xl border border-border p-6">
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
                  {capability.icon}
                </svg>
                <h3 className="mt-4 font-semibold">{capability.title}</h3>
                <p className="mt-1.5 text-sm leading-relaxed text-muted-foreground">{capability.body}</p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="commands-heading" className="border-t border-border bg-muted/50">
          <div className="mx-auto w-full max-w-5xl px-6 py-16">
            <h2 id="commands-heading" className="text-xl font-semibold tracking-tight">
              Two commands
            </h2>
            <div className="mt-6 grid gap-4 md:grid-cols-2">
              {commands.map((item) => (
                <div key={item.command} className="rounded-xl border border-border bg-background p-6">
                  <h3 className="text-sm font-medium text-muted-foreground">{item.label}</h3>
                  <pre className="mt-3 overflow-x-auto rounded-lg bg-foreground px-4 py-3 font-mono text-sm text-background">
                    <code>
                      <span aria-hidden="true" className="opacity-50 select-none">
                        ${' '}
                      </span>
                      {item.command}
                    </code>
                  </pre>
                  <p className="mt-3 text-sm leading-relaxed text-muted-foreground">{item.body}</p>
                </div>
              ))}
            </div>
          </div>
        </section>
      </main>

      <PublicFooter />
    </div>
  );
}
