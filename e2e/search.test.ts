import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from './browser';
import { startDevServer, type DevServer } from './dev-server';

/**
 * Search and onboarding on `npm run dev` with the demo seed: Ctrl-K opens the command palette, a
 * typo still finds a seeded project, Enter opens it; the owner of a workspace without projects sees
 * the first-run checklist on a 360 px phone, creates a project from it (the step ticks from the real
 * row), opens the palette from its button, and dismisses the checklist for good.
 */
describe('command palette and first-run checklist in a real browser', () => {
  let server: DevServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const password = 'plinth-demo-password';

  beforeAll(async () => {
    server = await startDevServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  async function signedIn(
    email: string,
    slug: string,
    viewport = { width: 1280, height: 800 },
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultNavigationTimeout(120_000);
    page.setDefaultTimeout(60_000);
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/sign-in?next=/w/${slug}/projects`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/projects`);
    return { page, errors };
  }

  it('Ctrl-K opens the palette; a typo finds the project; Enter opens it', async () => {
    const { page, errors } = await signedIn('olivia.owner@acme.test', 'acme');
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search and commands' });
    await palette.waitFor();
    const input = palette.getByRole('combobox');
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('combobox');
    // An owner's actions are all there; the listbox is what the combobox controls.
    await palette.getByRole('option', { name: 'Invite a teammate' }).waitFor();
    await input.fill('webite');
    const result = palette.getByRole('option', { name: /Website relaunch/u });
    await result.waitFor();
    expect(await palette.getByRole('option').first().textContent()).toContain('Website relaunch');
    expect(await input.getAttribute('aria-activedescendant')).toBe(
      await palette.getByRole('option').first().getAttribute('id'),
    );
    await input.press('Enter');
    await page.waitForURL((url) => /^\/w\/acme\/projects\/[0-9a-f-]{36}$/u.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: 'Website relaunch' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('a viewer is not offered actions the role cannot take', async () => {
    const { page } = await signedIn('victor.viewer@acme.test', 'acme');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search and commands' });
    await palette.getByRole('option', { name: 'Projects' }).waitFor();
    expect(await palette.getByRole('option', { name: 'Create a project' }).count()).toBe(0);
    expect(await palette.getByRole('option', { name: 'Invite a teammate' }).count()).toBe(0);
    expect(await page.getByTestId('onboarding-checklist').count()).toBe(0);
  });

  it('on a phone: the checklist ticks a created project, the button opens the palette, dismiss hides it', async () => {
    const { page, errors } = await signedIn('peter.owner@initech.test', 'initech', {
      width: 360,
      height: 740,
    });
    const checklist = page.getByTestId('onboarding-checklist');
    await checklist.waitFor();
    expect(await checklist.locator('[data-step="project"]').getAttribute('data-done')).toBe('false');
    await checklist.getByRole('link', { name: 'Create a project' }).click();
    const dialog = page.getByRole('dialog', { name: /project/iu });
    await dialog.getByLabel('Project name').fill('Printer repairs');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.getByText('Printer repairs').first().waitFor();
    await page.keyboard.press('Escape').catch(() => {});
    await expect
      .poll(() => checklist.locator('[data-step="project"]').getAttribute('data-done'), { timeout: 30_000 })
      .toBe('true');

    // The palette from its visible button fits the phone's width.
    await page.goto(`${server.url}/w/initech/projects`, { waitUntil: 'networkidle' });
    await page.getByTestId('open-command-palette').click();
    const palette = page.getByRole('dialog', { name: 'Search and commands' });
    await palette.getByRole('combobox').fill('printr');
    await palette.getByRole('option', { name: /Printer repairs/u }).waitFor();
    const box = await palette.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await page.keyboard.press('Escape');

    await page.getByTestId('onboarding-checklist').getByRole('button', { name: 'Dismiss checklist' }).click();
    await expect.poll(() => page.getByTestId('onboarding-checklist').count(), { timeout: 30_000 }).toBe(0);
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    expect(await page.getByTestId('onboarding-checklist').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
