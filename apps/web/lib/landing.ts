// What the landing page claims, as data. Every capability names where it lives: files or folders
// of this repository, operations of the /api/v1 OpenAPI document, and pages of the Next app.
// tests/site/landing-claims.test.ts fails when one of them does not exist, so the landing page can
// only advertise what a person who clones the repository will find. Add the evidence with the claim.

export interface Evidence {
  /** Files or folders, relative to the repository root. */
  modules: readonly string[];
  /** Operations of the /api/v1 document: `METHOD /path` as the document spells it. */
  api?: readonly string[];
  /** Pages of the Next app, as their URL pattern (`/w/[slug]/billing`; route groups left out). */
  pages?: readonly string[];
}

export type ClaimIcon =
  | 'identity'
  | 'tenancy'
  | 'billing'
  | 'flags'
  | 'notifications'
  | 'files'
  | 'search'
  | 'staff'
  | 'webhooks'
  | 'api'
  | 'platform'
  | 'observability';

export interface Claim {
  id: ClaimIcon;
  title: string;
  body: string;
  evidence: Evidence;
}

export const claims: readonly Claim[] = [
  {
    id: 'identity',
    title: 'Identity',
    body: 'Email and password (argon2id), magic links, OAuth and OIDC, TOTP two-factor, sessions you can revoke. Every request resolves to one actor before any work happens.',
    evidence: {
      modules: [
        'packages/core/src/identity/create-auth.ts',
        'packages/core/src/identity/password-hashing.ts',
      ],
      api: ['GET /me'],
      pages: ['/sign-in', '/sign-up', '/sign-in/two-factor', '/account'],
    },
  },
  {
    id: 'tenancy',
    title: 'Tenancy and row-level security',
    body: 'One Postgres, every tenant row tagged with its workspace. Row-level security is the floor: a query that forgets its workspace filter still cannot leak. Owners, admins, members and viewers, with invitations.',
    evidence: {
      modules: ['packages/db/src/tenant.ts', 'packages/db/src/rls.test.ts', 'packages/core/src/access'],
      api: ['GET /workspaces/{slug}/members', 'POST /workspaces/{slug}/invitations'],
      pages: ['/w/[slug]/members'],
    },
  },
  {
    id: 'billing',
    title: 'Billing on Stripe',
    body: 'Stripe is the source of truth, Postgres the mirror. Webhooks land in an inbox and one sync re-fetches state, so event order and duplicates cannot corrupt it. Checkout, the billing portal and per-seat plans.',
    evidence: {
      modules: ['packages/core/src/billing/sync-customer.ts', 'packages/core/src/billing/catalog.ts'],
      api: ['GET /workspaces/{slug}/billing'],
      pages: ['/pricing', '/w/[slug]/billing'],
    },
  },
  {
    id: 'flags',
    title: 'Plan features and feature flags',
    body: 'What each plan unlocks is declared once and checked on the server. Flags as code with plan rules, percentage rollouts, kill switches and per-workspace overrides, over LISTEN/NOTIFY; an OpenFeature provider.',
    evidence: {
      modules: [
        'packages/core/src/flags/catalog.ts',
        'packages/core/src/flags/openfeature.ts',
        'tests/billing/feature-matrix.test.ts',
      ],
      api: ['GET /workspaces/{slug}/flags'],
      pages: ['/admin/flags'],
    },
  },
  {
    id: 'notifications',
    title: 'Notifications and realtime',
    body: 'An in-app inbox and mail, with per-person preferences, digests and one-click unsubscribe. Live updates over Server-Sent Events fed by Postgres LISTEN/NOTIFY: pages refresh when something changes.',
    evidence: {
      modules: ['packages/core/src/notifications', 'packages/core/src/realtime'],
      api: ['GET /me/notifications', 'GET /me/events', 'GET /me/notification-preferences'],
      pages: ['/notifications', '/account/notifications'],
    },
  },
  {
    id: 'files',
    title: 'Files',
    body: 'Uploads straight to S3-compatible storage with signed, size- and type-bound policies; content sniffed on completion; signed downloads; avatars and logos; storage counted against the plan.',
    evidence: {
      modules: ['packages/core/src/storage/files.ts', 'packages/core/src/storage/sniff.ts'],
      api: [
        'POST /workspaces/{slug}/files',
        'POST /workspaces/{slug}/files/{file_id}/complete',
        'GET /workspaces/{slug}/files/{file_id}/download',
      ],
      pages: ['/w/[slug]/projects/[id]'],
    },
  },
  {
    id: 'search',
    title: 'Search and a command palette',
    body: 'Ctrl-K (⌘K) to navigate, switch workspace and run the actions your role allows. Full-text and typo-tolerant search over projects and members on Postgres, tenant-scoped under row-level security.',
    evidence: {
      modules: ['packages/core/src/search/search.ts', 'apps/web/components/app-shell/command-palette.tsx'],
      api: ['GET /workspaces/{slug}/search'],
    },
  },
  {
    id: 'staff',
    title: 'Staff console',
    body: 'Business numbers, workspace lookup, suspension, plan overrides and flag overrides for your team, behind two-factor, each change audited with a reason; read-only impersonation.',
    evidence: {
      modules: ['packages/core/src/staff-console', 'packages/api/src/routes/staff-workspaces.ts'],
      pages: ['/admin', '/admin/workspaces', '/admin/workspaces/[id]', '/admin/system'],
    },
  },
  {
    id: 'webhooks',
    title: 'Outgoing webhooks',
    body: 'Workspaces subscribe endpoints to events, signed the Standard Webhooks way, retried with backoff, with a delivery log, manual retries and secret rotation; private addresses refused.',
    evidence: {
      modules: ['packages/core/src/webhooks/dispatcher.ts', 'packages/core/src/webhooks/address-policy.ts'],
      api: [
        'POST /workspaces/{slug}/webhook-endpoints',
        'GET /workspaces/{slug}/webhook-endpoints/{endpoint_id}/deliveries',
        'POST /workspaces/{slug}/webhook-endpoints/{endpoint_id}/rotate-secret',
      ],
      pages: ['/w/[slug]/settings/webhooks'],
    },
  },
  {
    id: 'api',
    title: 'A public REST API',
    body: 'An OpenAPI 3.1 document with a typed client generated from it, scoped API keys, idempotency keys and rate limits.',
    evidence: {
      modules: [
        'packages/api/src/openapi/document.ts',
        'packages/api/src/client/schema.d.ts',
        'packages/core/src/idempotency',
        'packages/core/src/rate-limit',
      ],
      api: ['GET /workspaces/{slug}/api-keys', 'POST /workspaces/{slug}/projects'],
      pages: ['/w/[slug]/settings/api-keys'],
    },
  },
  {
    id: 'platform',
    title: 'Jobs, audit and mail',
    body: 'Jobs on Postgres with a transactional outbox, an append-only audit log with filters and export, and mail with a development inbox.',
    evidence: {
      modules: [
        'packages/core/src/jobs',
        'packages/core/src/outbox',
        'packages/core/src/audit',
        'packages/core/src/mail',
      ],
      api: ['GET /workspaces/{slug}/audit-events', 'GET /workspaces/{slug}/audit-events/export'],
      pages: ['/w/[slug]/audit', '/dev/mail'],
    },
  },
  {
    id: 'observability',
    title: 'Observability',
    body: 'Structured JSON logs carrying request, trace and workspace ids; OpenTelemetry traces from request to job; Prometheus metrics with a Grafana dashboard and alert rules; Sentry optional.',
    evidence: {
      modules: [
        'packages/core/src/logger/log-context.ts',
        'packages/core/src/telemetry/tracing.ts',
        'packages/core/src/telemetry/metrics.ts',
        'ops/grafana/plinth.json',
        'ops/prometheus/alerts.yml',
      ],
      pages: ['/admin/system'],
    },
  },
];

export interface Question {
  question: string;
  answer: string;
}

/** The landing page's questions. Keep answers as true as the claims: they are read by engineers. */
export const landingFaq: readonly Question[] = [
  {
    question: 'What is Plinth?',
    answer:
      'A foundation for a SaaS product in TypeScript: a Next.js web app and a Hono API on one Postgres, with identity, workspaces, billing and the platform pieces already built and tested. You fork it and add your own domain.',
  },
  {
    question: 'What do I need to run it?',
    answer:
      'Node.js and npm. `npm ci && npm run dev` starts an embedded Postgres, runs the migrations, seeds demo workspaces and stands in for Stripe, mail and object storage on your machine. Production needs a Postgres, a Stripe account, an SMTP server and S3-compatible storage.',
  },
  {
    question: 'How do I add my own product to it?',
    answer:
      'Projects are the example domain: a tenant table under row-level security, core functions that check access, REST routes, pages and tests. Copy their shape for your own resources; the README section “Where a product adds its domain” walks through it.',
  },
  {
    question: 'How is it tested?',
    answer:
      'Against a real Postgres: each test file gets its own database cloned from a migrated template, with no database mocks. Browser journeys run against `npm run dev`, and axe-core checks the key pages in light and dark, on desktop and at phone width.',
  },
  {
    question: 'Can I self-host it?',
    answer:
      'Yes: one Node process serves the web app and the API, and can run as separate web, API and worker roles. A Dockerfile, a Compose file and Kubernetes manifests are in the repository.',
  },
  {
    question: 'What licence is it under?',
    answer: 'MIT. Use it for commercial products; keep the copyright notice.',
  },
];
