import en from '../messages/en.json';

// What the landing page claims, as data. Every capability names where it lives: files or folders
// of this repository, operations of the /api/v1 OpenAPI document, and pages of the Next app.
// tests/site/landing-claims.test.ts fails when one of them does not exist, so the landing page can
// only advertise what a person who clones the repository will find. Add the evidence with the claim.
// The words are the message catalogs' (`landing.claims.<id>`, `landing.faq.<id>`): `title`, `body`,
// `question` and `answer` here are the English ones, for the tests; the page renders its locale's.

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
  /** English, from the catalog; the page renders `landing.claims.<id>.title` in its locale. */
  title: string;
  body: string;
  evidence: Evidence;
}

/** A claim's English words from the catalog. */
const words = (id: ClaimIcon) => en.landing.claims[id];

export const claims: readonly Claim[] = [
  {
    id: 'identity',
    ...words('identity'),
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
    ...words('tenancy'),
    evidence: {
      modules: ['packages/db/src/tenant.ts', 'packages/db/src/rls.test.ts', 'packages/core/src/access'],
      api: ['GET /workspaces/{slug}/members', 'POST /workspaces/{slug}/invitations'],
      pages: ['/w/[slug]/members'],
    },
  },
  {
    id: 'billing',
    ...words('billing'),
    evidence: {
      modules: ['packages/core/src/billing/sync-customer.ts', 'packages/core/src/billing/catalog.ts'],
      api: ['GET /workspaces/{slug}/billing'],
      pages: ['/pricing', '/w/[slug]/billing'],
    },
  },
  {
    id: 'flags',
    ...words('flags'),
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
    ...words('notifications'),
    evidence: {
      modules: ['packages/core/src/notifications', 'packages/core/src/realtime'],
      api: ['GET /me/notifications', 'GET /me/events', 'GET /me/notification-preferences'],
      pages: ['/notifications', '/account/notifications'],
    },
  },
  {
    id: 'files',
    ...words('files'),
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
    ...words('search'),
    evidence: {
      modules: ['packages/core/src/search/search.ts', 'apps/web/components/app-shell/command-palette.tsx'],
      api: ['GET /workspaces/{slug}/search'],
    },
  },
  {
    id: 'staff',
    ...words('staff'),
    evidence: {
      modules: ['packages/core/src/staff-console', 'packages/api/src/routes/staff-workspaces.ts'],
      pages: ['/admin', '/admin/workspaces', '/admin/workspaces/[id]', '/admin/system'],
    },
  },
  {
    id: 'webhooks',
    ...words('webhooks'),
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
    ...words('api'),
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
    ...words('platform'),
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
    ...words('observability'),
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

export type QuestionId = keyof typeof en.landing.faq;

export interface Question {
  id: QuestionId;
  /** English, from the catalog; the page renders `landing.faq.<id>` in its locale. */
  question: string;
  answer: string;
}

/** The landing page's questions. Keep answers as true as the claims: they are read by engineers. */
export const landingFaq: readonly Question[] = (
  ['what', 'run', 'domain', 'tested', 'selfHost', 'licence'] as const
).map((id) => ({ id, ...en.landing.faq[id] }));
