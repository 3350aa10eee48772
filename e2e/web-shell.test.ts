import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from './browser';
import { startDevServer, type DevServer } from './dev-server';

describe('the web shell in a real browser', () => {
  let server: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    // `npm run dev` exactly as a person runs it (pages compiled on demand): the other browser tests
    // run against the production build of the pages.
    server = await startDevServer({ serveBuild: false });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  it('serves the landing page and /api/health from one URL', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(server.url, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect(page.title()).resolves.toMatch(/Plinth/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const health = await page.request.get(`${server.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the first Tab stop skips past the navigation to the content; the footer links the terms and privacy pages', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused.textContent()).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(focused.getAttribute('id')).resolves.toBe('main');
    // The next Tab lands inside the content, not on the header's links.
    await page.keyboard.press('Tab');
    await expect(page.locator('main :focus').count()).resolves.toBe(1);

    const footer = page.getByRole('navigation', { name: 'Footer' });
    await footer.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await page.getByRole('navigation', { name: 'Footer' }).getByRole('link', { name: 'Terms' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terms of service' }).waitFor();

    expect(errors).toEqual([]);

    const missing = await page.goto(`${server.url}/no-such-page`);
    expect(missing?.status()).toBe(404);
    await page.getByText('There is nothing at this address.').waitFor();
    // The browser reports the 404 itself as a failed resource; nothing else went wrong.
    expect(errors).toEqual([expect.stringContaining('status of 404 (Not Found)')]);
    await page.close();
  });
});
