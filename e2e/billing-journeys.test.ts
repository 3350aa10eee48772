import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landed, launchBrowser } from './browser';
import { waitForMailLink } from './dev-mail';
import { startDevServer, type DevServer } from './dev-server';

/**
 * The money path's rough edges, in a real browser against `npm run dev` (the local fake Stripe):
 * the Team demo owner (a plan granted without a subscription) sees the same choices on /pricing and
 * on the billing page; a new Team checkout picks its seats (never fewer than in use, live price);
 * the decline test card says what happened and what to do; paying later leaves the abandoned
 * invoice "Not due"; and coming back from the portal shows the switched plan without a reload.
 * Each of those pages also fits a 390 px phone, still showing what the journey looks for.
 */
describe('billing journeys in a real browser', () => {
  let server: DevServer;
  let fakeStripeUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const email = `seats-${stamp}@example.test`;
  const password = 'granite-orchard-lantern-42';
  const slug = `seats-${stamp}`;

  function expectNoPageErrors(where: string) {
    expect(errors, `console errors on ${where}`).toEqual([]);
  }

  /**
   * The page as it is now on a 390 px phone: nothing scrolls sideways (a wide table scrolls inside
   * its own region) and what the journey looks for is still shown. Back to the desktop size after.
   */
  async function fitsPhone(target: Page, where: string, shown: string[]) {
    await target.setViewportSize({ width: 390, height: 844 });
    await expect(
      target.evaluate('document.documentElement.scrollWidth'),
      `${where} at 390 px`,
    ).resolves.toBeLessThanOrEqual(390);
    for (const testId of shown) {
      await expect(
        target.getByTestId(testId).first().isVisible(),
        `${testId} on ${where} at 390 px`,
      ).resolves.toBe(true);
    }
    await target.setViewportSize({ width: 1280, height: 720 });
  }

  function listenForErrors(target: Page) {
    target.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (message.location().url === `${fakeStripeUrl}/favicon.ico`) return;
      errors.push(`${message.text()} (${message.location().url})`);
    });
    target.on('pageerror', (error) => errors.push(error.message));
  }

  beforeAll(async () => {
    server = await startDevServer();
    const announced = /local fake Stripe at (http:\/\/\S+)/u.exec(server.output());
    if (!announced) throw new Error(`npm run dev did not announce the fake Stripe:\n${server.output()}`);
    fakeStripeUrl = announced[1]!;
    browser = await launchBrowser();
    errors = [];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  it('the Team demo owner (granted, no subscription) sees one story on /pricing and on billing', async () => {
    const demo = await (await browser.newContext()).newPage();
    listenForErrors(demo);
    await demo.goto(`${server.url}/sign-in?next=/pricing`, { waitUntil: 'networkidle' });
    await demo.getByLabel('Email').fill('olivia.owner@acme.test');
    await demo.getByLabel('Password').fill('plinth-demo-password');
    await demo.getByRole('button', { name: 'Sign in', exact: true }).click();
    await demo.waitForURL((url) => url.pathname === '/pricing');

    for (const where of ['/pricing', '/w/acme/billing']) {
      await demo.goto(`${server.url}${where}`, { waitUntil: 'networkidle' });
      await demo
        .getByTestId('standing-note')
        .getByText(/^Team plan granted — no billing account\./u)
        .waitFor();
      const team = demo.getByTestId('plan-team');
      await team.getByRole('button', { name: 'Current plan' }).waitFor();
      await team.getByText('Granted', { exact: true }).waitFor();
      for (const lower of ['pro', 'free']) {
        const button = demo.getByTestId(`plan-${lower}`).getByRole('button');
        await expect(button.textContent()).resolves.toBe('Not available on a granted plan');
        await expect(button.isDisabled()).resolves.toBe(true);
      }
      // Never "Upgrade" (nor a portal that has no billing account) for a plan below the grant.
      await expect(demo.getByRole('button', { name: /^Upgrade to Pro|^Switch to/u }).count()).resolves.toBe(
        0,
      );
      await fitsPhone(demo, where, ['standing-note', 'plan-team', 'plan-pro']);
    }
    await expect(demo.getByTestId('subscription-status').textContent()).resolves.toBe('Granted');
    expectNoPageErrors('the granted Team plan on /pricing and billing');
    await demo.context().close();
  });

  it('a new owner with a teammate invited picks Team seats: at least the seats in use, with a live price', async () => {
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Sid Seats', email, password, callbackURL: '/verify-email' }),
    });
    expect(signUp.status).toBe(200);
    const verifyUrl = await waitForMailLink(
      server.url,
      email,
      /https?:\/\/\S+\/api\/auth\/verify-email\?\S+/u,
    );
    context = await browser.newContext();
    page = await context.newPage();
    listenForErrors(page);
    await page.goto(verifyUrl, { waitUntil: 'networkidle' });
    await page.getByText(`You are signed in as ${email}.`).waitFor();
    await page.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Create your first workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.getByLabel('Name').fill(`Seats ${stamp}`);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/projects`);

    await page.goto(`${server.url}/w/${slug}/members`, { waitUntil: 'networkidle' });
    const invite = page.getByRole('region', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill(`mate-${stamp}@example.test`);
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('region', { name: 'Pending invitations' })
      .getByTestId(`invitation-mate-${stamp}@example.test`)
      .waitFor();

    await page.goto(`${server.url}/w/${slug}/billing`, { waitUntil: 'networkidle' });
    const picker = page.getByTestId('plan-team').getByTestId('seat-picker');
    const seats = picker.getByLabel('Seats');
    // The owner and the pending invitation: two seats in use, the default and the minimum.
    await expect(seats.inputValue()).resolves.toBe('2');
    await picker.getByTestId('seat-total').getByText('2 seats × $12 = $24 / month').waitFor();
    await seats.fill('1');
    await picker.getByText('At least 2 seats: one for each member and pending invitation.').waitFor();
    await expect(picker.getByRole('button', { name: 'Upgrade to Team' }).isDisabled()).resolves.toBe(true);
    await seats.fill('3');
    await picker.getByTestId('seat-total').getByText('3 seats × $12 = $36 / month').waitFor();
    await page.getByRole('radio', { name: 'Yearly' }).click();
    await picker.getByTestId('seat-total').getByText('3 seats × $120 = $360 / year').waitFor();
    await page.getByRole('radio', { name: 'Monthly' }).click();
    await fitsPhone(page, 'the seat picker', ['seat-picker', 'seat-total']);
    expectNoPageErrors('the seat picker');
  });

  it('a declined card: the return page says so and what to do; billing explains the open invoice', async () => {
    const picker = page.getByTestId('plan-team').getByTestId('seat-picker');
    await picker.getByRole('button', { name: 'Upgrade to Team' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${fakeStripeUrl}/checkout/`));
    await page.getByText('× 3').waitFor();
    await page.getByLabel('Test card').selectOption('fails');
    await page.getByRole('button', { name: 'Pay' }).click();

    await page.waitForURL((url) => url.pathname === `/w/${slug}/billing/success`);
    await landed(page, 'Your payment did not go through');
    await page
      .getByTestId('declined-summary')
      .getByText(/Nothing was charged/u)
      .waitFor();
    await page.getByRole('link', { name: 'Pay with another card' }).waitFor();
    await expect(page.getByText(/if you completed the payment/iu).count()).resolves.toBe(0);
    await fitsPhone(page, 'the declined return page', ['declined-summary']);

    await page.getByRole('link', { name: 'Continue to billing' }).click();
    await landed(page, 'Billing');
    await page.getByTestId('declined-checkout').waitFor();
    await expect(page.getByTestId('current-plan').textContent()).resolves.toBe('Free');
    const invoices = page.getByRole('table', { name: 'Invoices' });
    await invoices.getByText('Declined', { exact: true }).waitFor();
    await expect(invoices.getByText('Due', { exact: true }).count()).resolves.toBe(0);
    await fitsPhone(page, 'billing after a decline', ['declined-checkout', 'current-plan']);
    expectNoPageErrors('the declined checkout');
  });

  it('paying with a good card afterwards: Team with 3 seats, the abandoned invoice is not due', async () => {
    const picker = page.getByTestId('plan-team').getByTestId('seat-picker');
    await picker.getByLabel('Seats').fill('3');
    await picker.getByRole('button', { name: 'Upgrade to Team' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${fakeStripeUrl}/checkout/`));
    await page.getByLabel('Test card').selectOption('succeeds');
    await page.getByRole('button', { name: 'Pay' }).click();

    await page.waitForURL((url) => url.pathname === `/w/${slug}/billing/success`);
    await landed(page, 'You are on Team');
    await page
      .getByTestId('success-summary')
      .getByText(/3 paid seats and up to \d+ projects\./u)
      .waitFor();
    await expect(page.getByText(/\b1 members\b/u).count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Continue to billing' }).click();
    await landed(page, 'Billing');
    await expect(page.getByTestId('current-plan').textContent()).resolves.toBe('Team');
    await page.getByTestId('seats').getByText('2 of 3 paid seats').waitFor();
    await expect(page.getByTestId('declined-checkout').count()).resolves.toBe(0);
    const invoices = page.getByRole('table', { name: 'Invoices' });
    await invoices.getByText('Not due', { exact: true }).waitFor();
    await invoices.getByText('Paid', { exact: true }).waitFor();
    await expect(invoices.getByRole('link', { name: 'Pay' }).count()).resolves.toBe(0);
    await page.getByTestId('abandoned-invoices-note').waitFor();
    await fitsPhone(page, 'billing on Team', ['current-plan', 'seats', 'abandoned-invoices-note']);
    // Paying Team: the lower plans are downgrades, in the portal.
    await page.getByTestId('plan-pro').getByRole('button', { name: 'Downgrade to Pro' }).waitFor();
    await page.getByTestId('plan-free').getByRole('button', { name: 'Downgrade to Free' }).waitFor();
    expectNoPageErrors('the paid Team plan');
  });

  it('back from the portal, the billing page shows the switched plan at once', async () => {
    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${fakeStripeUrl}/portal/`));
    const proMonthly = await page
      .locator('select[name="price"] option', { hasText: /Pro\b.* — \$19\.00 \/ month/u })
      .getAttribute('value');
    await page.getByLabel('Plan').selectOption(proMonthly!);
    await page.getByLabel('Quantity').fill('1');
    await page.getByRole('button', { name: 'Update plan' }).click();
    await page.getByRole('link', { name: /return/iu }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/billing`);
    // No reload, no waiting for the webhook: the page synced on arrival.
    await expect(page.getByTestId('current-plan').textContent()).resolves.toBe('Pro');
    expectNoPageErrors('the portal return');
  });
});
