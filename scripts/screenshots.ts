// `npm run screenshots`: the README's and the landing page's screenshots, taken from the running
// app. Starts `npm run dev` on a fresh data directory (so the demo seed, nothing else), signs in as
// the demo owner of Acme where a page needs it, and captures each page of ./screenshot-list.ts in
// light and dark, on a desktop and a phone viewport, to docs/screenshots/<page>-<theme>-<device>.png
// (palette-quantised PNG). The landing page's pictures (apps/web/lib/product-shots.ts) are written
// again as WebP to apps/web/public/screenshots/, before the landing page itself is taken, so it
// shows them. `npm run screenshots -- billing landing` retakes only the pages named. A docs tool,
// run by hand when the UI changes; CI does not run it. It reuses the e2e tests' dev server and browser (Debian's Chromium).

import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { landingShotSrc, landingShots, type ShotPage } from '../apps/web/lib/product-shots';
import { launchBrowser } from '../e2e/browser';
import { repoRoot, startDevServer, type DevServer } from '../e2e/dev-server';
import {
  PUBLIC_SCREENSHOTS_DIR,
  SCREENSHOTS_DIR,
  SHOT_DEVICES,
  SHOT_PAGES,
  SHOT_THEMES,
  shotFileName,
  type ShotDevice,
} from './screenshot-list';

/** `npm run dev` compiles each page on its first visit: minutes on a busy machine. A hang bound. */
const FIRST_VISIT_TIMEOUT_MS = 600_000;
const DEMO_PASSWORD = 'plinth-demo-password';
/** Owner of `acme` (Team plan, 10 seats, invoices, audit history): every workspace page is hers to see. */
const OWNER = 'olivia.owner@acme.test';

interface Shot {
  page: ShotPage;
  /** Who is signed in; null for a signed-out visitor. */
  as: string | null;
  path: string;
  /** Brings the page to the state to capture, after it loaded. */
  prepare?: (page: Page, device: ShotDevice) => Promise<void>;
}

const shots: Record<ShotPage, Shot> = {
  landing: { page: 'landing', as: null, path: '/' },
  pricing: { page: 'pricing', as: OWNER, path: '/pricing' },
  billing: { page: 'billing', as: OWNER, path: '/w/acme/billing' },
  members: { page: 'members', as: OWNER, path: '/w/acme/members' },
  audit: { page: 'audit', as: OWNER, path: '/w/acme/audit' },
  palette: {
    page: 'palette',
    as: OWNER,
    path: '/w/acme/projects',
    async prepare(page, device) {
      // Ctrl-K on a desktop; the top bar's search button on a phone, where there is no keyboard.
      if (device === 'desktop') await page.keyboard.press('Control+k');
      else await page.getByTestId('open-command-palette').click();
      const palette = page.getByRole('dialog', { name: 'Search and commands' });
      // A typo on purpose: the search forgives it (pg_trgm), which is worth showing.
      await palette.getByRole('combobox').fill('webite');
      await palette
        .getByRole('option', { name: /Website relaunch/u })
        .first()
        .waitFor();
      await waitForNetworkIdle(page);
    },
  },
};

/**
 * What keeps two runs alike: no transitions or animations (a fade captured half-way), no caret, and
 * no Next.js development indicator (the `nextjs-portal` element `npm run dev` adds).
 */
const STILL_CSS = `
  *, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }
  nextjs-portal { display: none !important; }
`;

async function waitForNetworkIdle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

async function signIn(page: Page, server: DevServer, email: string): Promise<void> {
  await page.goto(`${server.url}/sign-in?next=/app`, {
    waitUntil: 'networkidle',
    timeout: FIRST_VISIT_TIMEOUT_MS,
  });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/w/') || url.pathname === '/app', {
    timeout: FIRST_VISIT_TIMEOUT_MS,
  });
}

async function newContext(browser: Browser, device: ShotDevice): Promise<BrowserContext> {
  return browser.newContext({
    viewport: SHOT_DEVICES[device],
    deviceScaleFactor: 1,
    isMobile: device === 'phone',
    hasTouch: device === 'phone',
    // The style that stills the page is injected as an inline <style>, which the app's CSP refuses.
    bypassCSP: true,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
}

/**
 * Layout, fonts and pictures settled: every image loaded and decoded (lazy ones are made eager
 * first: one the browser has not yet asked for would be captured as its alt text), then two
 * frames. One that does not load in 30 s is not waited for.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    await document.fonts.ready;
    for (const img of document.images) img.loading = 'eager';
    const ready = (img) => Promise.race([img.decode().catch(() => null), new Promise((resolve) => setTimeout(resolve, 30000))]);
    await Promise.all([...document.images].filter((img) => img.offsetParent !== null).map(ready));
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  })()`);
}

/** Smaller PNGs: a 256-colour palette is lossless to the eye on flat UI and ~3× smaller. */
function compressPng(png: Buffer): Promise<Buffer> {
  return sharp(png).png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 }).toBuffer();
}

function toWebp(png: Buffer): Promise<Buffer> {
  return sharp(png).webp({ quality: 80, effort: 6 }).toBuffer();
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

async function main(): Promise<void> {
  const docsDir = path.join(repoRoot, SCREENSHOTS_DIR);
  const publicDir = path.join(repoRoot, PUBLIC_SCREENSHOTS_DIR);
  await mkdir(docsDir, { recursive: true });
  await mkdir(publicDir, { recursive: true });
  const onLanding = new Set<ShotPage>(landingShots.map((shot) => shot.page));
  // `npm run screenshots -- billing members` retakes only those pages; every page by default.
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(SHOT_PAGES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`No such page: ${unknown.join(', ')} (pages: ${SHOT_PAGES.join(', ')})`);
  // The landing page last: it shows the pictures of the other pages this run has just written.
  const order = [...SHOT_PAGES.filter((name) => name !== 'landing'), 'landing' as const].filter(
    (name) => wanted.length === 0 || wanted.includes(name),
  );
  const written: { file: string; bytes: number }[] = [];

  console.log('Starting npm run dev on a fresh data directory (the demo seed)…');
  const server = await startDevServer({ timeoutMs: 300_000 });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    for (const device of Object.keys(SHOT_DEVICES) as ShotDevice[]) {
      // One context per person and device: a signed-out visitor, and the owner signed in once.
      const pages = new Map<string | null, Page>();
      const pageFor = async (as: string | null): Promise<Page> => {
        let page = pages.get(as);
        if (!page) {
          page = await (await newContext(browser!, device)).newPage();
          if (as) await signIn(page, server, as);
          pages.set(as, page);
        }
        return page;
      };
      for (const name of order) {
        const shot = shots[name];
        console.log(`${device} ${shot.path}${shot.as ? ` as ${shot.as}` : ''}`);
        const page = await pageFor(shot.as);
        await page.emulateMedia({ colorScheme: 'light' });
        const response = await page.goto(`${server.url}${shot.path}`, {
          waitUntil: 'networkidle',
          timeout: FIRST_VISIT_TIMEOUT_MS,
        });
        if (response?.status() !== 200) throw new Error(`${shot.path} answered ${response?.status()}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.addStyleTag({ content: STILL_CSS });
        // The pointer over nothing that reacts to hover.
        await page.mouse.move(0, 0);
        await shot.prepare?.(page, device);
        for (const theme of SHOT_THEMES) {
          await page.emulateMedia({ colorScheme: theme });
          await settle(page);
          const raw = await page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
          const png = await compressPng(raw);
          const file = shotFileName(name, theme, device);
          await writeFile(path.join(docsDir, file), png);
          written.push({ file: `${SCREENSHOTS_DIR}/${file}`, bytes: png.length });
          if (device === 'desktop' && onLanding.has(name)) {
            const webp = await toWebp(raw);
            const publicFile = path.join('apps/web/public', landingShotSrc(name, theme));
            await writeFile(path.join(repoRoot, publicFile), webp);
            written.push({ file: publicFile, bytes: webp.length });
          }
          console.log(`  ${file}  ${kb(png.length)}`);
        }
      }
      for (const page of pages.values()) await page.context().close();
    }
  } catch (error) {
    console.error(`npm run dev printed, last:\n${server.output().split('\n').slice(-60).join('\n')}`);
    throw error;
  } finally {
    await browser?.close();
    await server.interrupt();
    await rm(server.dataDir, { recursive: true, force: true });
  }
  const total = (prefix: string) =>
    written.filter((entry) => entry.file.startsWith(prefix)).reduce((sum, entry) => sum + entry.bytes, 0);
  console.log(
    `Wrote ${written.length} files: ${kb(total(SCREENSHOTS_DIR))} in ${SCREENSHOTS_DIR}, ` +
      `${kb(total(PUBLIC_SCREENSHOTS_DIR))} in ${PUBLIC_SCREENSHOTS_DIR}.`,
  );
}

await main();
