import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landed, launchBrowser } from './browser';
import { waitForMailLink } from './dev-mail';
import { startDevServer, type DevServer } from './dev-server';
import { makeStaff, signInAsStaff } from './staff';

/**
 * The money path, as a new customer walks it in a real browser against `npm run dev` (which bills
 * through the local fake Stripe): sign up → workspace → hit the free plan's project limit → pricing
 * → Checkout on the fake's hosted page → pay → back on the success page → Pro is unlocked. Then the
 * portal's "cancel at period end" keeps Pro until the period ends; moving the fake's clock past it
 * ends the subscription, the webhook brings the workspace back to free, and the extra project turns
 * read-only — still there, nothing deleted.
 */
describe('billing in a real browser', () => {
  let server: DevServer;
  let fakeStripeUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const email = `payer-${stamp}@example.test`;
  const password = 'granite-orchard-lantern-42';
  const workspaceName = `Ledger ${stamp}`;
  const slug = `ledger-${stamp}`;
  const projects = ['Alpha', 'Bravo', 'Charlie'];

  function expectNoPageErrors(where: string) {
    expect(errors, `console errors on ${where}`).toEqual([]);
  }

  async function createProject(name: string) {
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a project' });
    await dialog.getByLabel('Project name').fill(name);
    await dialog.getByRole('button', { name: 'Create project' }).click();
    return dialog;
  }

  /** Reloads the billing page until `done` holds: webhooks arrive and are processed a moment later. */
  async function reloadBillingUntil(done: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 120_000;
    for (;;) {
      await page.goto(`${server.url}/w/${slug}/billing`, { waitUntil: 'networkidle' });
      await landed(page, 'Billing');
      if (await done()) return;
      if (Date.now() > deadline) throw new Error(`billing page never showed ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** One of the fake Stripe's test controls, over HTTP as any tool could call it. */
  async function fakeControl(name: string, ...args: unknown[]): Promise<unknown> {
    const response = await fetch(`${fakeStripeUrl}/_fake/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body: unknown = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    return body;
  }

  beforeAll(async () => {
    server = await startDevServer();
    // dev.ts prints where the fake Stripe listens; its test controls live there too.
    const announced = /local fake Stripe at (http:\/\/\S+)/u.exec(server.output());
    if (!announced) throw new Error(`npm run dev did not announce the fake Stripe:\n${server.output()}`);
    fakeStripeUrl = announced[1]!;
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    // As collectPageErrors, except the browser's own favicon probe on the fake Stripe's origin (a
    // stand-in's hosted pages have no icon); anything else there still counts.
    errors = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (message.location().url === `${fakeStripeUrl}/favicon.ico`) return;
      errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  it('a new person signs up, creates a workspace and meets the free plan limit', async () => {
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Paula Payer', email, password, callbackURL: '/verify-email' }),
    });
    expect(signUp.status).toBe(200);
    const verifyUrl = await waitForMailLink(
      server.url,
      email,
      /https?:\/\/\S+\/api\/auth\/verify-email\?\S+/u,
    );
    await page.goto(verifyUrl, { waitUntil: 'networkidle' });
    await page.getByText(`You are signed in as ${email}.`).waitFor();

    await page.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Create your first workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.getByLabel('Name').fill(workspaceName);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/projects`);

    for (const name of projects) {
      const created = await createProject(name);
      await created.waitFor({ state: 'hidden' });
      await page.getByRole('list', { name: 'Projects' }).getByText(name, { exact: true }).waitFor();
    }
    // The fourth is refused with the limit and a way out, not a bare error.
    const refused = await createProject('Delta');
    const prompt = refused.getByTestId('upgrade-prompt');
    await prompt.getByText('The Free plan includes 3 projects. Upgrade for more.').waitFor();
    await prompt.getByRole('link', { name: 'Upgrade' }).waitFor();
    await refused.getByRole('button', { name: 'Cancel' }).click();

    // Seats too: the owner and two invitations fill the free plan's three.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Members' }).click();
    const invite = page.getByRole('region', { name: 'Invite someone' });
    for (const teammate of ['one', 'two']) {
      await invite.getByLabel('Email').fill(`${teammate}-${stamp}@example.test`);
      await invite.getByRole('button', { name: 'Send invitation' }).click();
      await page
        .getByRole('region', { name: 'Pending invitations' })
        .getByTestId(`invitation-${teammate}-${stamp}@example.test`)
        .waitFor();
    }
    await invite.getByLabel('Email').fill(`three-${stamp}@example.test`);
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const seats = invite.getByTestId('upgrade-prompt');
    await seats.getByText(/The Free plan includes 3 members/u).waitFor();
    await seats.getByRole('link', { name: 'Upgrade' }).waitFor();

    // Managers see Billing in the navigation; the workspace starts on Free.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Billing' }).click();
    await landed(page, 'Billing');
    await expect(page.getByTestId('current-plan').textContent()).resolves.toBe('Free');
    await page.getByTestId('projects-usage').getByText('3 of 3').waitFor();
    expectNoPageErrors('projects and billing on the free plan');
  });

  it('upgrades to Pro from the pricing page through the hosted checkout', async () => {
    await page.goto(`${server.url}/pricing`, { waitUntil: 'networkidle' });
    await landed(page, 'Pricing');
    const pro = page.getByTestId('plan-pro');
    await pro.getByText('$19').waitFor();
    await page.getByRole('radio', { name: 'Yearly' }).click();
    await pro.getByText('$190').waitFor();
    await page.getByRole('radio', { name: 'Monthly' }).click();
    await page.getByTestId('plan-free').getByRole('button', { name: 'Current plan' }).waitFor();

    await pro.getByRole('button', { name: 'Upgrade to Pro' }).click();
    // The fake Stripe's hosted Checkout page, on its own port.
    await page.waitForURL((url) => url.href.startsWith(`${fakeStripeUrl}/checkout/`));
    await page.getByText('Pro').first().waitFor();
    await page.getByRole('button', { name: /^Pay|^Start trial|^Subscribe/u }).click();

    await page.waitForURL((url) => url.pathname === `/w/${slug}/billing/success`);
    await landed(page, 'You are on Pro');
    await page.getByRole('link', { name: 'Continue to billing' }).click();
    await landed(page, 'Billing');
    await expect(page.getByTestId('current-plan').textContent()).resolves.toBe('Pro');
    // Pro starts with its trial (the workspace's first subscription).
    await expect(page.getByTestId('subscription-status').textContent()).resolves.toMatch(/^(Trial|Active)$/u);
    await page.getByTestId('projects-usage').getByText('3 of 50').waitFor();
    expectNoPageErrors('checkout and the success page');
  });

  it('Pro unlocks more projects', async () => {
    await page.goto(`${server.url}/w/${slug}/projects`, { waitUntil: 'networkidle' });
    const dialog = await createProject('Delta');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('list', { name: 'Projects' }).getByText('Delta', { exact: true }).waitFor();
    expectNoPageErrors('a fourth project on Pro');
  });

  it('a failed renewal puts a banner on the workspace pages, and paying the invoice clears it', async () => {
    // The trial ends on a card that now declines (the fake's controls stand in for time and bank).
    // This dev server has one Stripe customer: the workspace's.
    const events = (await fakeControl('events')) as { type: string; data: { object: { id: string } } }[];
    const customerId = events.find((event) => event.type === 'customer.created')!.data.object.id;
    const [subscription] = (await fakeControl('subscriptionsOf', customerId)) as { id: string }[];
    await fakeControl('setPaymentBehavior', customerId, 'fails');
    await fakeControl('endTrial', subscription!.id);
    await fakeControl('setPaymentBehavior', customerId, 'succeeds');

    // Every workspace page says so; the owner is pointed at billing.
    const deadline = Date.now() + 120_000;
    for (;;) {
      await page.goto(`${server.url}/w/${slug}/projects`, { waitUntil: 'networkidle' });
      if (await page.getByTestId('workspace-past-due-banner').isVisible()) break;
      if (Date.now() > deadline) throw new Error('the past_due banner never appeared');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await page.getByTestId('workspace-past-due-banner').getByRole('link', { name: 'Go to billing' }).click();
    await landed(page, 'Billing');
    await expect(page.getByTestId('subscription-status').textContent()).resolves.toBe('Payment overdue');
    // Still Pro while Stripe retries (grace).
    await expect(page.getByTestId('current-plan').textContent()).resolves.toBe('Pro');
    await page.getByTestId('past-due-banner').getByRole('link', { name: 'Pay invoice' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${fakeStripeUrl}/invoices/`));
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${fakeStripeUrl}/invoices/`));

    await reloadBillingUntil(
      async () => (await page.getByTestId('subscription-status').textContent()) === 'Active',
      'the paid subscription',
    );
    await expect(page.getByTestId('past-due-banner').count()).resolves.toBe(0);
    expectNoPageErrors('the past_due banner and paying the invoice');
  });

  it('cancelling in the portal keeps Pro until the period ends', async () => {
    // A second tab stays on the billing page and is never reloaded: it updates itself when the
    // webhook's sync commits (the `billing` invalidation over SSE, then a re-render).
    const watcher = await page.context().newPage();
    await watcher.goto(`${server.url}/w/${slug}/billing`, { waitUntil: 'networkidle' });
    await expect(watcher.getByTestId('cancel-notice').count()).resolves.toBe(0);
    await page.goto(`${server.url}/w/${slug}/billing`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${fakeStripeUrl}/portal/`));
    await page
      .getByRole('button', { name: /cancel/iu })
      .first()
      .click();
    // The fake portal confirms and offers the way back (Stripe's "Return to …").
    await page.getByRole('link', { name: /return/iu }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/billing`);

    await watcher
      .getByTestId('cancel-notice')
      .getByText(/ends on/u)
      .waitFor({ timeout: 60_000 });
    await watcher.close();
    await reloadBillingUntil(() => page.getByTestId('cancel-notice').isVisible(), 'the cancellation');
    await page
      .getByTestId('cancel-notice')
      .getByText(/ends on/u)
      .waitFor();
    await expect(page.getByTestId('current-plan').textContent()).resolves.toBe('Pro');
    expectNoPageErrors('the portal and the cancel notice');
  });

  it('after the period ends the workspace is on Free and the extra project is read-only', async () => {
    // 40 days on: past the monthly period the cancellation waits for. The fake's clock runs with
    // real time until moved.
    await fakeControl('advanceClock', new Date(Date.now() + 40 * 86_400_000).toISOString());

    await reloadBillingUntil(
      async () => (await page.getByTestId('current-plan').textContent()) === 'Free',
      'the free plan',
    );
    await page.getByTestId('projects-usage').getByText('4 of 3').waitFor();

    // All four projects are still there; the newest is read-only with the way back to Pro.
    await page.goto(`${server.url}/w/${slug}/projects`, { waitUntil: 'networkidle' });
    const list = page.getByRole('list', { name: 'Projects' });
    for (const name of [...projects, 'Delta']) await list.getByText(name, { exact: true }).waitFor();
    await page.getByRole('link', { name: /Delta/u }).click();
    await landed(page, 'Delta');
    await page.getByLabel('Project name').fill('Delta renamed');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const prompt = page.getByTestId('upgrade-prompt');
    await prompt.getByText(/read-only/u).waitFor();
    await prompt.getByRole('link', { name: 'Upgrade' }).waitFor();
    expectNoPageErrors('the downgraded workspace');
  });

  it('staff see the processed webhooks in the inbox view and can replay one', async () => {
    const staffEmail = `staff-${stamp}@example.test`;
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Sam Staff', email: staffEmail, password }),
    });
    expect(signUp.status).toBe(200);
    await makeStaff(server, staffEmail);

    const staff = await (await browser.newContext()).newPage();
    const staffErrors: string[] = [];
    staff.on('console', (message) => {
      if (message.type() === 'error') staffErrors.push(message.text());
    });
    await signInAsStaff(staff, server, { email: staffEmail, password, next: '/admin/billing-events' });
    await landed(staff, 'Billing events');
    // Nothing failed on this path, so the dead-letter view (the default) is empty.
    await staff.getByText('No dead events').waitFor();

    await staff.getByLabel('Status').selectOption('processed');
    // The filter is in the address: a reload (or a link) shows the same view.
    await staff.waitForURL(/\/admin\/billing-events\?status=processed$/u);
    await staff.reload();
    await landed(staff, 'Billing events');
    expect(await staff.getByLabel('Status').inputValue()).toBe('processed');
    const table = staff.getByTestId('billing-events-table');
    const ended = table.getByRole('row').filter({ hasText: 'customer.subscription.deleted' });
    await ended.first().waitFor();
    await ended
      .first()
      .getByRole('button', { name: /^Replay evt_/u })
      .click();
    await staff.getByText(/^evt_\w+ queued again$/u).waitFor();
    expect(staffErrors, 'console errors on /admin/billing-events').toEqual([]);
    await staff.context().close();
  });
});
