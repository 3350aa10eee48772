// What `npm run screenshots` (scripts/screenshots.ts) captures and where it writes it: read by the
// script and by tests/site/screenshots.test.ts, which fails when one of these files is missing.

import type { ShotPage } from '../apps/web/lib/product-shots';

/** Each page, in the order the README lists them. */
export const SHOT_PAGES = [
  'landing',
  'pricing',
  'billing',
  'members',
  'audit',
  'palette',
] as const satisfies readonly ShotPage[];

export const SHOT_THEMES = ['light', 'dark'] as const;

/** Viewport sizes in CSS pixels, captured at one device pixel per CSS pixel. */
export const SHOT_DEVICES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

export type ShotTheme = (typeof SHOT_THEMES)[number];
export type ShotDevice = keyof typeof SHOT_DEVICES;

/** The README's screenshots, relative to the repository root. */
export const SCREENSHOTS_DIR = 'docs/screenshots';
/** The landing page's copies (WebP), relative to the repository root; served as /screenshots/…. */
export const PUBLIC_SCREENSHOTS_DIR = 'apps/web/public/screenshots';

export function shotFileName(page: ShotPage, theme: ShotTheme, device: ShotDevice): string {
  return `${page}-${theme}-${device}.png`;
}

/** Every file the script writes to docs/screenshots. */
export function allShotFileNames(): string[] {
  return SHOT_PAGES.flatMap((page) =>
    SHOT_THEMES.flatMap((theme) =>
      (Object.keys(SHOT_DEVICES) as ShotDevice[]).map((device) => shotFileName(page, theme, device)),
    ),
  );
}
