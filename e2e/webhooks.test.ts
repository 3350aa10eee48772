import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '@plinth/testing';
import { collectPageErrors, launchBrowser } from './browser';
import { waitForMailLink } from './dev-mail';
import { startDevServer, type DevServer } from './dev-server';

/**
 * Outgoing webhooks in a real browser on `npm run dev`: an owner adds an endpoint pointing at a
 * receiver on this machine (WEBHOOK_ALLOW_PRIVATE=loopback, the development allowance), copies the
 * secret shown once, sends a test event, and sees it delivered in the log — and the receiver
 * verified it with the standardwebhooks library.
 */
describe('webhooks in a real browser', () => {
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let receiver: WebhookReceiver;
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const email = `hooks-${stamp}@example.test`;
  const slug = `hooks-${stamp}`;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startDevServer({ env: { WEBHOOK_ALLOW_PRIVATE: 'loopback' } });
    browser = await launchBrowser();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    // The dev server compiles each page on its first visit: slow on a busy machine.
    page.setDefaultNavigationTimeout(120_000);
    page.setDefaultTimeout(60_000);
    errors = collectPageErrors(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  it('creates an endpoint, sends a test event to a local receiver and sees it delivered', async () => {
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({
        name: 'Hana Hooks',
        email,
        password: 'copper-meadow-signal-88',
        callbackURL: '/verify-email',
      }),
    });
    expect(signUp.status).toBe(200);
    await page.goto(
      await waitForMailLink(server.url, email, /https?:\/\/\S+\/api\/auth\/verify-email\?\S+/u),
      {
        waitUntil: 'networkidle',
      },
    );
    await page.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Create your first workspace' }).click();
    const create = page.getByRole('dialog', { name: 'Create a workspace' });
    await create.getByLabel('Name').fill(`Hooks ${stamp}`);
    await create.getByLabel('Address').fill(slug);
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/projects`);

    await page.goto(`${server.url}/w/${slug}/settings`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Manage webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No endpoints yet').waitFor();

    await page.getByRole('button', { name: 'New endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an endpoint' });
    // A private address is refused under its field, before anything is stored.
    await dialog.getByLabel('URL').fill('http://10.0.0.1/hooks');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await dialog.getByText(/private or reserved address/u).waitFor();
    await dialog.getByLabel('URL').fill(receiver.url);
    await dialog.getByLabel('All events, including ones added later').uncheck();
    await dialog.getByLabel(/^ping/u).check();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const ready = page.getByRole('dialog', { name: 'Endpoint added' });
    const secret = await ready.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/u);
    await ready.getByRole('button', { name: 'Copy' }).click();
    await ready.getByRole('button', { name: 'Copied' }).waitFor();
    await ready.getByRole('button', { name: 'Done' }).click();
    receiver.setSecrets({ current: secret });

    const row = page.getByTestId(`endpoint-${receiver.url}`);
    await row.getByText('Enabled').waitFor();
    await row.getByRole('button', { name: 'Send test event' }).click();
    await page.getByText('Test event queued', { exact: true }).waitFor();
    await receiver.waitFor((r) => r.processed.size === 1, 30_000);
    expect([...receiver.processed.values()][0]).toMatchObject({ type: 'ping', verifiedBy: ['current'] });

    await row.getByRole('link', { name: receiver.url }).click();
    await page.getByRole('heading', { level: 1, name: 'Deliveries' }).waitFor();
    const delivery = page.getByTestId('delivery-ping');
    for (let reloads = 0; !(await delivery.getByText('Delivered').isVisible()); reloads++) {
      expect(reloads).toBeLessThan(50);
      await page.reload({ waitUntil: 'networkidle' });
    }
    await delivery.getByText('HTTP 204').waitFor();
    await delivery.getByText('Request and response').click();
    await delivery.getByText(/"webhook-id": "msg_/u).waitFor();
    expect(errors).toEqual([]);
  }, 400_000);
});
