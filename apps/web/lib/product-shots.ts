// The product screenshots the landing page shows: real pages of the running app, captured from the
// demo data by `npm run screenshots` (scripts/screenshots.ts), which writes each one, light and
// dark, as WebP to apps/web/public/screenshots/. tests/site/screenshots.test.ts fails when a file
// named here is missing. The words are props of the component, so they can be translated.

/** A page the screenshot script captures (docs/screenshots/<page>-<theme>-<device>.png). */
export type ShotPage = 'landing' | 'pricing' | 'billing' | 'members' | 'audit' | 'palette';

export interface LandingShot {
  page: ShotPage;
  /** What the picture shows, for a person who cannot see it. */
  alt: string;
  /** The visible caption under it. */
  caption: string;
}

/** Desktop captures, shown at most 1280 px wide: the width they are taken at. */
export const LANDING_SHOT_SIZE = { width: 1280, height: 800 } as const;

/** The public URL of one landing screenshot (a file under apps/web/public). */
export function landingShotSrc(page: ShotPage, theme: 'light' | 'dark'): string {
  return `/screenshots/${page}-${theme}.webp`;
}

export const landingShots: readonly LandingShot[] = [
  {
    page: 'billing',
    alt: 'The billing page of the demo workspace Acme: the Team plan with its 10 seats and their use, the buttons to change plan or manage billing, and a list of invoices with their amounts and statuses.',
    caption: 'Billing: the plan, seats in use and every invoice, from Stripe (or the local fake).',
  },
  {
    page: 'members',
    alt: 'The members page of the demo workspace Acme: a table of people with their names, email addresses and roles (owner, admin, member, viewer), and a button to invite a teammate.',
    caption: 'Members: four roles, invitations, and the permission table behind every action.',
  },
];
