// The product screenshots the landing page shows: real pages of the running app, captured from the
// demo data by `npm run screenshots` (scripts/screenshots.ts), which writes each one, light and
// dark, as WebP to apps/web/public/screenshots/. tests/site/screenshots.test.ts fails when a file
// named here is missing. What each picture shows (its alt text and caption) is worded in the
// message catalogs, `landing.shots.<page>`.

/** A page the screenshot script captures (docs/screenshots/<page>-<theme>-<device>.png). */
export type ShotPage = 'landing' | 'pricing' | 'billing' | 'members' | 'audit' | 'palette';

export interface LandingShot {
  page: Extract<ShotPage, 'billing' | 'members'>;
}

/** Desktop captures, shown at most 1280 px wide: the width they are taken at. */
export const LANDING_SHOT_SIZE = { width: 1280, height: 800 } as const;

/** The public URL of one landing screenshot (a file under apps/web/public). */
export function landingShotSrc(page: ShotPage, theme: 'light' | 'dark'): string {
  return `/screenshots/${page}-${theme}.webp`;
}

export const landingShots: readonly LandingShot[] = [{ page: 'billing' }, { page: 'members' }];
