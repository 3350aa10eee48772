import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@plinth/api';
import { collectPageErrors, launchBrowser } from './browser';
import { startDevServer, type DevServer } from './dev-server';

/**
 * Files on `npm run dev`, whose local S3 server stands in for object storage: a member
 * attaches a file to a seeded project (the browser POSTs it straight to storage, with a progress
 * bar), a viewer downloads it in another session and has no way to delete it, and a person outside
 * the workspace gets a 404 from the page and the API. Then a person uploads an avatar on /account:
 * initials until the resize job has run, then the resized image (through the image redirect to
 * storage, which the pages' CSP allows), on the account page and in the account menu.
 */
describe('project attachments in a real browser', () => {
  let server: DevServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const password = 'plinth-demo-password';
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6 * 1024 * 1024, 0x41)]);
  let projectPath = '';
  let fileId = '';

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

  async function signedIn(email: string): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
    const context = await browser.newContext({ acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultNavigationTimeout(120_000);
    page.setDefaultTimeout(60_000);
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/sign-in?next=/w/acme/projects`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/w/acme/projects');
    return { page, errors, context };
  }

  const cookieOf = async (context: BrowserContext) =>
    (await context.cookies(server.url)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');

  it('the dev banner names the local S3 server', () => {
    expect(server.output()).toMatch(/Files: {4}local S3 server at http:\/\/127\.0\.0\.1:\d+/u);
  });

  it('a member attaches a file with a progress bar; it becomes ready', async () => {
    const { page, errors } = await signedIn('mia.member@acme.test');
    // The demo project may sit past the list's first page: load more until it shows.
    const project = page.getByRole('link', { name: 'Website relaunch' }).first();
    for (let pages = 0; pages < 5 && (await project.count()) === 0; pages += 1) {
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.waitForLoadState('networkidle');
    }
    await project.click();
    await page.waitForURL((url) => /^\/w\/acme\/projects\/[0-9a-f-]{36}$/u.test(url.pathname));
    projectPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Files' }).waitFor();
    // Every value the progress bar shows, recorded as the page renders it (the upload may be quick).
    await page.evaluate(`(() => {
      const seen = [];
      window.progressSeen = seen;
      new MutationObserver(() => {
        const value = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
        if (value != null && seen.at(-1) !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    const toStorage = page.waitForRequest(
      (request) =>
        request.method() === 'POST' &&
        request.url().includes('127.0.0.1') &&
        !request.url().startsWith(server.url),
    );
    await page
      .getByLabel('Attach a file')
      .setInputFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: bytes });
    const storageRequest = await toStorage;
    expect(new URL(storageRequest.url()).origin).not.toBe(new URL(server.url).origin);
    const list = page.getByRole('list', { name: 'Attachments' });
    // The file in the list, or the page's error message (named in the failure) if the upload failed.
    const alert = page.getByTestId('upload-error');
    await list.getByText('brief.pdf').or(alert).first().waitFor();
    expect(await alert.count(), `${(await alert.allTextContents()).join(' ')} ${errors.join(' ')}`).toBe(0);
    await list.getByRole('button', { name: 'Download' }).first().waitFor();
    const seen = (await page.evaluate('window.progressSeen')) as string[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe('100');
    expect(errors).toEqual([]);
  });

  it('a viewer downloads it in another session, and cannot delete it', async () => {
    const { page, errors, context } = await signedIn('victor.viewer@acme.test');
    await page.goto(`${server.url}${projectPath}`, { waitUntil: 'networkidle' });
    const row = page
      .getByRole('list', { name: 'Attachments' })
      .getByRole('listitem')
      .filter({ hasText: 'brief.pdf' });
    await row.waitFor();
    expect(await row.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('brief.pdf');
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path)).equals(bytes)).toBe(true);

    // The server refuses the viewer too, not only the page.
    const listed = await fetch(
      `${server.url}/api/v1/workspaces/acme/projects/${encodeId('proj', projectPath.split('/').at(-1)!)}/files`,
      {
        headers: { cookie: await cookieOf(context) },
      },
    );
    expect(listed.status).toBe(200);
    fileId = ((await listed.json()) as { items: { id: string; name: string }[] }).items.find(
      (f) => f.name === 'brief.pdf',
    )!.id;
    const refused = await fetch(`${server.url}/api/v1/workspaces/acme/files/${fileId}`, {
      method: 'DELETE',
      headers: { cookie: await cookieOf(context), origin: server.url },
    });
    expect(refused.status).toBe(403);
    expect(errors).toEqual([]);
  });

  it('a person uploads an avatar on /account: initials first, then the resized image, in the account menu too', async () => {
    const { page, errors } = await signedIn('mia.member@acme.test');
    await page.goto(`${server.url}/account`, { waitUntil: 'networkidle' });
    const section = page.locator('#avatar');
    await section.getByRole('heading', { name: 'Picture' }).waitFor();
    expect(await section.locator('img').count()).toBe(0);
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#2255aa' } })
      .png()
      .toBuffer();
    await page
      .getByLabel('Upload your picture')
      .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: photo });
    const error = page.getByTestId('avatar-error');
    const resized = section.locator('img[src*="/api/v1/images/avatar/"][src$="/large"]');
    await resized.or(error).first().waitFor();
    expect(await error.count(), (await error.allTextContents()).join(' ')).toBe(0);
    // Loaded, from storage, at the resized size (a blocked or missing image has no natural width).
    // Polled from here: waitForFunction with a string evaluates it inside the page, which the
    // production Content-Security-Policy (no 'unsafe-eval') refuses.
    await expect
      .poll(
        () =>
          page.evaluate(
            `(() => { const img = document.querySelector('#avatar img'); return Boolean(img && img.complete && img.naturalWidth === 256); })()`,
          ),
        { timeout: 60_000 },
      )
      .toBe(true);
    const menuImage = page.getByRole('button', { name: /^Account menu for / }).locator('img');
    await menuImage.waitFor();
    expect(await menuImage.getAttribute('src')).toMatch(
      /^\/api\/v1\/images\/avatar\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/small$/u,
    );
    expect(errors).toEqual([]);
  });

  it('a person outside the workspace gets 404 from the page and the API', async () => {
    // Peter owns initech, not acme: signing in lands on acme's 404, which is the point.
    const { page, context } = await signedIn('peter.owner@initech.test');
    const response = await page.goto(`${server.url}${projectPath}`);
    expect(response?.status()).toBe(404);
    for (const path of [`/files/${fileId}`, `/files/${fileId}/download`]) {
      const answer = await fetch(`${server.url}/api/v1/workspaces/acme${path}`, {
        headers: { cookie: await cookieOf(context) },
      });
      expect(answer.status, path).toBe(404);
    }
  });
});
