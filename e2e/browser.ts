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
