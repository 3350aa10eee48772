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
    alt: 'The billing page of the demo workspace Acme Inc.: the current plan, Team, marked as granted, with 9 of 10 paid seats, 40 of 500 projects and the file storage in use, and below it the plans to choose from, billed monthly or yearly.',
    caption:
      'Billing: the plan, what it allows and what is in use, and the plans to move to (Stripe, or the local fake).',
  },
  {
    page: 'members',
    alt: 'The members page of the demo workspace Acme Inc.: a table of nine people with their initials, names and email addresses, a role for each (owner, admin, member or viewer) that can be changed in place, the date they joined, and a Remove button.',
    caption: 'Members: four roles, changed in place; nobody can grant a role above their own.',
  },
];
