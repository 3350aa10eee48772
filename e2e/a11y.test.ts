import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeEverywhere } from './axe';
import { launchBrowser } from './browser';
import { startDevServer, type DevServer } from './dev-server';
import { totp } from './totp';

/** Hang bound per test: each first visit compiles its page in `npm run dev`, slowly on a busy machine. */
const SLOW = 900_000;

/**
 * Accessibility as a gate, in a real browser against `npm run dev` and its demo data: axe-core on the
 * key pages in light and dark, at desktop and 360 px, fails on any violation with the list; one
 * whole journey by keyboard alone; the theme a person saves is drawn by the server (no flash);
 * workspace pages a role may not see answer a real 404, not a streamed 200.
 */
describe('accessibility and theme in a real browser', () => {
  let server: DevServer;
  let browser: Browser;
  const DEMO_PASSWORD = 'plinth-demo-password';
  /** seed-demo.ts enrols the demo staff member with this TOTP secret in development. */
  const DEMO_STAFF_TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  beforeAll(async () => {
    server = await startDevServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  /** A fresh context (bypassCSP: axe is injected as a script) with the page errors it logs. */
  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ bypassCSP: true });
    return { context, page: await context.newPage() };
  }

  async function signIn(page: Page, email: string, next: string): Promise<void> {
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async function auditPages(page: Page, paths: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const path of paths) {
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      found.push(...(await axeEverywhere(page, path)));
    }
    return found;
  }

  it(
    'axe finds nothing on the public pages (light, dark, desktop, 360 px)',
    async () => {
      const { context, page } = await newPage();
      const found = await auditPages(page, ['/', '/pricing', '/sign-in', '/sign-up']);
      expect(found, found.join('\n')).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  it(
    'axe finds nothing on the signed-in pages of a workspace owner',
    async () => {
      const { context, page } = await newPage();
      await signIn(page, 'olivia.owner@acme.test', '/account');
      await page.waitForURL((url) => url.pathname === '/account');
      const found = await auditPages(page, [
        '/account',
        '/w/acme/projects',
        '/w/acme/members',
        '/w/acme/billing',
        '/w/acme/settings',
        '/w/acme/audit',
        '/notifications',
      ]);
      expect(found, found.join('\n')).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  it(
    'axe finds nothing on the staff console',
    async () => {
      const { context, page } = await newPage();
      await signIn(page, 'sam.staff@plinth.test', '/admin');
      await page.waitForURL((url) => url.pathname === '/sign-in/two-factor');
      await page.getByLabel('Authentication code').fill(totp(DEMO_STAFF_TOTP_SECRET));
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/admin');
      const found = await auditPages(page, ['/admin']);
      expect(found, found.join('\n')).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  /**
   * Waits until React has hydrated the element (it carries React's fiber). Before that a keypress
   * on it does nothing: the server-rendered button has no handler yet, and under a slow dev server
   * a CI run pressed Enter on the workspace switcher in that window (the menu never opened).
   */
  async function hydrated(target: Locator): Promise<void> {
    await target.waitFor();
    await target.evaluate(
      (element) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (Object.keys(element).some((key) => key.startsWith('__reactFiber'))) resolve();
            else setTimeout(check, 50);
          };
          check();
        }),
    );
  }

  /** What the predicate below reads in the page (e2e compiles without the DOM types). */
  type FocusHolder = { document: { activeElement: unknown } };

  /**
   * Presses `key` until `target` has the focus (at most `limit` presses), waiting after each press
   * for the focus to move. A menu moves it a moment after the key (Radix's roving focus): reading the
   * focus at once and pressing again queued a second move, which skipped the item in one run of three
   * (Acme, then "Create workspace", never Globex, and the menu does not wrap). A press that moves
   * nothing (the last item) waits 2 s and the loop reads the focus again.
   */
  async function pressUntilFocused(page: Page, key: string, target: Locator, limit = 10): Promise<void> {
    for (let presses = 0; presses < limit; presses += 1) {
      if ((await target.and(page.locator(':focus')).count()) === 1) return;
      const before = await page.evaluateHandle('document.activeElement');
      await page.keyboard.press(key);
      await page
        .waitForFunction(
          // A function, not a string: the page's Content-Security-Policy refuses eval.
          (previous) => (globalThis as unknown as FocusHolder).document.activeElement !== previous,
          before,
          { timeout: 2_000 },
        )
        .catch(() => undefined);
      await before.dispose();
    }
    if ((await target.and(page.locator(':focus')).count()) === 1) return;
    throw new Error(`${key} never moved the focus to ${target.toString()}`);
  }

  /** Presses Tab until `target` has the focus (at most `limit` presses). */
  async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
    for (let presses = 0; presses < limit; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await target.and(page.locator(':focus')).count()) === 1) return;
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  it(
    'a whole journey by keyboard alone: sign in, open a workspace, create a project, open it',
    async () => {
      const { context, page } = await newPage();
      const name = `Keyboard ${Date.now().toString(36)}`;
      await page.goto(`${server.url}/sign-in`, { waitUntil: 'networkidle' });
      await tabTo(page, page.getByLabel('Email'));
      await page.keyboard.type('mia.member@acme.test');
      await tabTo(page, page.getByLabel('Password'), 5);
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => /^\/w\/[^/]+\/projects$/u.test(url.pathname));
      await page.getByRole('heading', { level: 1 }).waitFor();

      // Open the other workspace through the switcher: Enter opens the menu, arrows move, Enter picks.
      const switcher = page.getByTestId('workspace-switcher');
      await hydrated(switcher);
      await tabTo(page, switcher);
      await page.keyboard.press('Enter');
      const target = page.getByRole('menuitem', { name: /Globex Corporation/u });
      await pressUntilFocused(page, 'ArrowDown', target);
      // What the browser asked for the next page, for the failure message: a CI run once waited
      // 120 s here with nothing to tell whether the request never left or never came back.
      const asked: string[] = [];
      const note = (what: string) => (request: Request) => {
        if (new URL(request.url()).pathname === '/w/globex/projects') asked.push(`${what} ${request.url()}`);
      };
      page.on('request', note('sent'));
      page.on('requestfinished', note('finished'));
      page.on('requestfailed', note('failed'));
      await page.keyboard.press('Enter');
      await page
        .waitForURL((url) => url.pathname === '/w/globex/projects')
        .catch((error: unknown) => {
          throw new Error(`no navigation to Globex; requests: ${asked.join(', ') || 'none'}`, {
            cause: error,
          });
        });
      await hydrated(page.getByRole('button', { name: 'New project' }));

      await tabTo(page, page.getByRole('button', { name: 'New project' }));
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Create a project' });
      await dialog.waitFor();
      await tabTo(page, dialog.getByLabel('Project name'), 10);
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      const link = page.getByRole('link', { name: new RegExp(name, 'u') });
      await link.waitFor();
      await tabTo(page, link);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => /^\/w\/globex\/projects\/[^/]+$/u.test(url.pathname));
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await context.close();
    },
    SLOW,
  );

  it(
    'a saved theme is drawn by the server on signed-in pages and pinned on public ones by the cookie; the API reads and writes it',
    async () => {
      const { context, page } = await newPage();
      await signIn(page, 'adam.admin@acme.test', '/account');
      await page.waitForURL((url) => url.pathname === '/account');
      const themes = page.getByRole('region', { name: 'Theme' });
      await themes.getByRole('radio', { name: /^Dark/u }).check();
      await page.getByText('Theme: dark', { exact: true }).waitFor();

      // The server's HTML already has the class (no script needed to get it right, so no flash).
      const html = await (
        await context.request.get(`${server.url}/w/acme/projects`, { timeout: 300_000 })
      ).text();
      expect(html).toMatch(/<div class="dark flex min-h-dvh/u);
      // A public page (static) gets it from the cookie before its first paint.
      await page.goto(`${server.url}/pricing`, { waitUntil: 'networkidle' });
      await expect(
        page.evaluate('window.getComputedStyle(document.documentElement).colorScheme'),
      ).resolves.toBe('dark');
      const found = await axeEverywhere(page, '/pricing pinned dark');
      expect(found, found.join('\n')).toEqual([]);

      // The API reads and writes the same setting.
      const me = await context.request.get(`${server.url}/api/v1/me`);
      expect(await me.json()).toMatchObject({ theme: 'dark' });
      const back = await context.request.patch(`${server.url}/api/v1/me`, {
        data: { theme: 'system' },
        headers: { origin: server.url },
      });
      expect(await back.json()).toMatchObject({ theme: 'system' });
      const bad = await context.request.patch(`${server.url}/api/v1/me`, {
        data: { theme: 'purple' },
        headers: { origin: server.url },
      });
      expect(bad.status()).toBe(400);
      await context.close();
    },
    SLOW,
  );

  it(
    'workspace pages a role may not see, and things that do not exist, answer 404 (not a streamed 200)',
    async () => {
      const { context, page } = await newPage();
      await signIn(page, 'victor.viewer@acme.test', '/w/acme/projects');
      await page.waitForURL((url) => url.pathname === '/w/acme/projects');
      for (const path of [
        '/w/acme/settings/webhooks',
        '/w/acme/settings/webhooks/no-such-endpoint',
        '/w/acme/projects/no-such-project',
      ]) {
        const response = await context.request.get(`${server.url}${path}`, {
          maxRedirects: 0,
          timeout: 300_000,
        });
        expect(response.status(), path).toBe(404);
      }
      const settings = await context.request.get(`${server.url}/w/acme/settings`, {
        maxRedirects: 0,
        timeout: 300_000,
      });
      expect(settings.status()).toBe(200);
      await context.close();
    },
    SLOW,
  );

  it(
    'a used or made-up magic link lands on sign-in with an explanation, even without errorCallbackURL',
    async () => {
      const { context, page } = await newPage();
      await page.goto(`${server.url}/api/auth/magic-link/verify?token=${'x'.repeat(32)}&callbackURL=%2Fapp`, {
        waitUntil: 'networkidle',
      });
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await page.getByText('That sign-in link is invalid or has expired.', { exact: false }).waitFor();
      await context.close();
    },
    SLOW,
  );
});
