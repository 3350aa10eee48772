import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from './browser';
import { startDevServer, type DevServer } from './dev-server';

describe('the web shell in a real browser', () => {
  let server: DevServer;
  let browser: Browser;

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
});
