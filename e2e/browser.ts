import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * How long a page may take before an action or a navigation counts as hung. `npm run dev` compiles
 * each page on its first visit, which takes seconds on an idle machine and far longer on a busy CI
 * machine: these bounds catch a hang, they do not measure speed (benchmarks do that).
 */
const ACTION_TIMEOUT_MS = 60_000;
const NAVIGATION_TIMEOUT_MS = 120_000;

function withHangBounds<T extends Page | BrowserContext>(target: T): T {
  target.setDefaultTimeout(ACTION_TIMEOUT_MS);
  target.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  if ('goto' in target) {
    toleratingDevReloads(target);
  } else {
    const newPage = target.newPage.bind(target);
    target.newPage = async () => toleratingDevReloads(await newPage());
  }
  return target;
}

/**
 * `next dev` reloads a page after an on-demand compile; a `page.goto` still loading it then fails
 * with "interrupted by another navigation" to the very same URL (a CI run lost the 360 px check of
 * /pricing to it). That reload is the dev server's, not the app's: the visit is made again, up to
 * three times. An interruption by a navigation elsewhere (the app redirecting) still fails the test.
 */
function toleratingDevReloads(page: Page): Page {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await goto(url, options);
      } catch (error) {
        const interruption =
          error instanceof Error
            ? /interrupted by another navigation to "([^"]+)"/u.exec(error.message)
            : null;
        const sameUrl =
          interruption !== null && new URL(interruption[1]!).href === new URL(url, page.url()).href;
        if (!sameUrl || attempt === 3) throw error;
      }
    }
  };
  return page;
}

/**
 * Debian's chromium, installed by .ci/run; never a downloaded browser. Every context and page it
 * opens has the hang bounds above instead of Playwright's 30 s.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => withHangBounds(await newContext(options));
  browser.newPage = async (options) => withHangBounds(await newPage(options));
  return browser;
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Console errors and uncaught exceptions on a page: a page that logs errors is a failing page. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    // The location names the resource when the error is a failed load ("…status of 404").
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** What `landed` reads in the page (e2e compiles without the DOM types). */
type StreamedDocument = { document: { querySelector(selector: string): unknown } };

/**
 * Waits for the page's level-1 heading, then for React to finish revealing what it streamed.
 * A page with a loading state (loading.tsx) sends its content later in a hidden `<div id="S:…">`,
 * and against the production build the document was seen holding both for a moment: the content
 * drawn in the page and the hidden container still beside it (gone half a second later). A test id
 * or text that must match one element then sees two (a CI run: `declined-summary` "resolved to 2
 * elements"). Role queries skip the
 * hidden copy; test ids and text do not, so a test reads them after this.
 */
export async function landed(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(
    // A function, not a string: the production Content-Security-Policy refuses eval.
    () => (globalThis as unknown as StreamedDocument).document.querySelector('[hidden][id^="S:"]') === null,
  );
}
