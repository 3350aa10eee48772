import { rm } from 'node:fs/promises';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from './browser';
import { waitForMailLink } from './dev-mail';
import { startDevServer, type DevServer } from './dev-server';
import { makeStaff, signInAsStaff } from './staff';
import { totp } from './totp';

/** A verification, approval or confirmation link in a captured mail. */
const VERIFY_EMAIL_LINK = /https?:\/\/\S+\/api\/auth\/verify-email\?\S+/u;

describe('identity in a real browser', () => {
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  const email = `e2e-${Date.now()}@example.test`;
  const password = 'granite-orchard-lantern-42';
  /** The TOTP key read from the account page, as a person would type it into an app. */
  let totpSecret = '';

  /** Every page the person sees must load without console errors or uncaught exceptions. */
  function expectNoPageErrors(where: string) {
    expect(errors, `console errors on ${where}`).toEqual([]);
  }

  beforeAll(async () => {
    server = await startDevServer();
    browser = await launchBrowser();
    page = await browser.newPage();
    errors = collectPageErrors(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  it('a signed-out visitor to /app is sent to sign in, and comes back afterwards', async () => {
    await page.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/app');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expectNoPageErrors('/sign-in');
  });

  it('signs up, confirms the email from the mail, and lands signed in', async () => {
    await page.goto(`${server.url}/sign-up`, { waitUntil: 'networkidle' });
    // Client-side validation mirrors the server's rules before anything is sent.
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter your name.').waitFor();
    await page.getByLabel('Name').fill('Erin Endtoend');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter an email address like name@example.com.').waitFor();
    await page.getByText('Use at least 12 characters.').waitFor();

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your inbox').waitFor();
    await page.getByRole('button', { name: 'Resend verification email' }).waitFor();
    expectNoPageErrors('/sign-up');

    const verifyUrl = await waitForMailLink(server.url, email, VERIFY_EMAIL_LINK);
    await page.goto(verifyUrl, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/verify-email');
    await page.getByRole('heading', { level: 1, name: 'Your email is confirmed' }).waitFor();
    await page.getByText(`You are signed in as ${email}.`).waitFor();
    expectNoPageErrors('/verify-email');
  });

  it('turns on two-factor authentication from the account page', async () => {
    await page.goto(`${server.url}/account`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    const section = page.getByRole('region', { name: 'Two-factor authentication' });
    await section.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await section.getByLabel('Your password').fill(password);
    await section.getByRole('button', { name: 'Continue' }).click();

    const secret = (await section.getByTestId('totp-secret').textContent())?.replace(/\s/gu, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/u);
    await expect(section.getByTestId('backup-codes').getByRole('listitem').count()).resolves.toBe(10);

    // The backup codes must be acknowledged before the code is checked.
    await section.getByLabel('Authentication code').fill(totp(secret));
    await section.getByRole('button', { name: 'Verify and turn on' }).click();
    await section.getByText('Confirm that you saved your backup codes.').waitFor();
    await section.getByLabel('I saved my backup codes').check();
    await section.getByLabel('Authentication code').fill(totp(secret));
    await section.getByRole('button', { name: 'Verify and turn on' }).click();

    await section.getByRole('button', { name: 'Turn off' }).waitFor();
    await section.getByText('On', { exact: true }).waitFor();
    expectNoPageErrors('/account');

    // Sign out from the user menu in the top bar.
    await page.getByRole('button', { name: `Account menu for ${email}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ state: 'visible' });
    totpSecret = secret;
  });

  it('signs in with the password, passes the TOTP challenge and lands in the app', async () => {
    expect(totpSecret, 'the previous test turned 2FA on').not.toBe('');
    await page.goto(`${server.url}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.waitForURL((url) => url.pathname === '/sign-in/two-factor');
    await page.getByRole('heading', { level: 1, name: 'Two-factor authentication' }).waitFor();
    expectNoPageErrors('/sign-in');
    // The code for the next 30-second step: still accepted (the server allows one step of drift),
    // and never the code already used to turn 2FA on.
    await page.getByLabel('Authentication code').fill(totp(totpSecret, { stepOffset: 1 }));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();

    await page.waitForURL((url) => url.pathname === '/app');
    // Not in any workspace yet: /app offers to create the first one (e2e/tenancy.test.ts goes on).
    await page.getByRole('heading', { level: 1, name: 'Welcome to Plinth' }).waitFor();
    await page.getByText('No workspace yet').first().waitFor();
    await page.getByRole('button', { name: `Account menu for ${email}` }).waitFor();
    expectNoPageErrors('/sign-in/two-factor and /app');
  });

  it('the signed-in first-workspace dialog validates input before anything is sent', async () => {
    await page.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Create your first workspace' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await dialog.getByText('Enter a name.').waitFor();
    await dialog.getByLabel('Name').fill('Website relaunch');
    await expect(dialog.getByLabel('Address').inputValue()).resolves.toBe('website-relaunch');
    // Cancelled: this person stays without a workspace, so /app stays their landing page below.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expectNoPageErrors('/app');
  });

  it('admin pages answer 404 to people who are not staff', async () => {
    for (const path of ['/admin/users', '/admin/system']) {
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(404);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    }
    // The browser itself logs the 404 document load; that one is expected.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
    errors.length = 0;
  });

  it('staff find a person, ban and unban them, and impersonate them behind a banner', async () => {
    const staffEmail = `staff-${Date.now()}@example.test`;
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Sam Staff', email: staffEmail, password }),
    });
    expect(signUp.status).toBe(200);
    await makeStaff(server, staffEmail);

    const staff = await browser.newPage();
    const staffErrors = collectPageErrors(staff);
    await signInAsStaff(staff, server, { email: staffEmail, password, next: '/admin/users' });
    await staff.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

    await staff.getByLabel('Search by email').fill(email);
    // The page's own Search, not the command palette's button in the top bar.
    await staff.locator('#main').getByRole('button', { name: 'Search' }).click();
    const table = staff.getByTestId('users-table');
    await table.getByText(email, { exact: true }).waitFor();
    // The unfiltered first page also holds this person: wait for the search's answer to replace it.
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(2); // header, person

    await table.getByRole('button', { name: `Ban ${email}` }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Ban user' }).click();
    await dialog.getByText('Say why: the person sees this reason when they try to sign in.').waitFor();
    await dialog.getByLabel('Reason').fill('Testing the ban flow');
    await dialog.getByRole('button', { name: 'Ban user' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await table.getByText('Banned', { exact: true }).waitFor();
    await table.getByRole('button', { name: `Unban ${email}` }).click();
    await table.getByRole('button', { name: `Ban ${email}` }).waitFor();

    await table.getByRole('button', { name: `Impersonate ${email}` }).click();
    await staff.waitForURL((url) => url.pathname === '/app');
    const banner = staff.getByTestId('impersonation-banner');
    await banner.getByText('Erin Endtoend').waitFor();
    await banner.getByTestId('impersonation-mode').getByText('read-only').waitFor();
    await staff.getByRole('button', { name: `Account menu for ${email}` }).waitFor();
    // Read-only: a write is refused by the server (here: creating a workspace from /app).
    await staff.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    await staff.getByRole('button', { name: 'Create your first workspace' }).click();
    const create = staff.getByRole('dialog');
    await create.getByLabel('Name').fill('Made while impersonating');
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await staff
      .getByText(/Impersonation is read-only/u)
      .first()
      .waitFor();
    // An impersonation may look, not take over: no email change (the server refuses it too).
    await staff.goto(`${server.url}/account`, { waitUntil: 'networkidle' });
    await staff.getByText('Not while impersonating').waitFor();
    await expect(staff.getByLabel('New email address').count()).resolves.toBe(0);
    await banner.getByRole('button', { name: 'Stop impersonating' }).click();
    await staff.waitForURL((url) => url.pathname === '/admin/users');
    await staff.getByRole('button', { name: `Account menu for ${staffEmail}` }).waitFor();
    await expect(staff.getByTestId('impersonation-banner').count()).resolves.toBe(0);
    expect(staffErrors).toEqual([]);
    await staff.close();
  });

  it('staff without 2FA are sent to the page that says to turn it on', async () => {
    const staffEmail = `no2fa-${Date.now()}@example.test`;
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Nora No2fa', email: staffEmail, password }),
    });
    expect(signUp.status).toBe(200);
    await makeStaff(server, staffEmail, { twoFactor: false });
    const staff = await browser.newPage();
    const staffErrors = collectPageErrors(staff);
    await staff.goto(`${server.url}/sign-in?next=/admin/users`, { waitUntil: 'networkidle' });
    await staff.getByLabel('Email').fill(staffEmail);
    await staff.getByLabel('Password').fill(password);
    await staff.getByRole('button', { name: 'Sign in', exact: true }).click();
    await staff.waitForURL((url) => url.pathname === '/admin/access');
    await staff.getByRole('heading', { level: 1, name: 'Turn on two-factor authentication' }).waitFor();
    // The way out leads to the account page's two-factor section (it once named a page that never
    // existed: the production build's prefetch of it was a 404 on every visit).
    await staff
      .getByTestId('staff-2fa-required')
      .getByRole('link', { name: 'Set up two-factor authentication' })
      .click();
    await staff.waitForURL((url) => url.pathname === '/account' && url.hash === '#two-factor');
    await staff.locator('#two-factor').getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    expect(staffErrors).toEqual([]);
    await staff.close();
  });

  it('staff see the system page and replay a failed job once, which runs again', async () => {
    const staffEmail = `system-${Date.now()}@example.test`;
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Sys Staff', email: staffEmail, password, callbackURL: '/verify-email' }),
    });
    expect(signUp.status).toBe(200);
    await waitForMailLink(server.url, staffEmail, VERIFY_EMAIL_LINK);
    await makeStaff(server, staffEmail);
    // Its verification mail's job, as pg-boss leaves a job whose last attempt failed.
    const owner = new pg.Client({ connectionString: server.ownerUrl() });
    await owner.connect();
    const failedJobId = await owner
      .query<{ id: string }>(
        `insert into pgboss.job (name, data, state, retry_limit, retry_count, output, completed_on)
         select name, data, 'failed', retry_limit, retry_limit, '{"message":"SMTP said no (e2e)"}', now()
           from pgboss.job where name = 'mail.send' and data->>'to' = $1 limit 1
         returning id`,
        [staffEmail],
      )
      .then((result) => result.rows[0]!.id)
      .finally(() => owner.end());
    const mails = async () => {
      const response = await fetch(`${server.url}/api/dev/mail?to=${encodeURIComponent(staffEmail)}`);
      return ((await response.json()) as { messages: unknown[] }).messages.length;
    };
    expect(await mails()).toBe(1);

    const staff = await browser.newPage();
    const staffErrors = collectPageErrors(staff);
    await signInAsStaff(staff, server, { email: staffEmail, password, next: '/admin/system' });
    await staff.getByRole('heading', { level: 1, name: 'System' }).waitFor();
    // This dev server is one node, running, with the repository's version.
    await staff.getByTestId('nodes-table').getByText('running').first().waitFor();
    await staff.getByTestId('queues-table').locator('[data-queue="mail.send"]').waitFor();

    const row = staff.getByTestId('failed-jobs-table').locator(`[data-job-id="${failedJobId}"]`);
    await row.getByText('SMTP said no (e2e)').waitFor();
    await row.getByRole('button', { name: `Replay job ${failedJobId}` }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Replay job' }).click();
    await staff.getByText('Job queued again', { exact: true }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // Replayed: no second button, and the mail goes out again.
    await row.getByText(/replayed/u).waitFor();
    await expect(row.getByRole('button', { name: /Replay job/u }).count()).resolves.toBe(0);
    await expect.poll(mails, { timeout: 30_000 }).toBe(2);
    expect(staffErrors).toEqual([]);
    await staff.close();
  });

  it('changes the email address: current password, approval from the old inbox, confirmation from the new one', async () => {
    const oldEmail = `mover-${Date.now()}@example.test`;
    const newEmail = `moved-${Date.now()}@example.test`;
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Mo Mover', email: oldEmail, password, callbackURL: '/verify-email' }),
    });
    expect(signUp.status).toBe(200);
    const mover = await browser.newPage();
    const moverErrors = collectPageErrors(mover);
    const verifyUrl = await waitForMailLink(server.url, oldEmail, VERIFY_EMAIL_LINK);
    await mover.goto(verifyUrl, { waitUntil: 'networkidle' });
    await mover.getByText(`You are signed in as ${oldEmail}.`).waitFor();

    await mover.goto(`${server.url}/account`, { waitUntil: 'networkidle' });
    const section = mover.getByRole('region', { name: 'Email address' });
    await section.getByLabel('New email address').fill(newEmail);
    await section.getByRole('button', { name: 'Change email' }).click();
    await section.getByText('Enter your current password.').waitFor();
    await section.getByLabel('Current password').fill('not-my-password-1');
    await section.getByRole('button', { name: 'Change email' }).click();
    await section.getByText('That password is not right.').waitFor();
    await section.getByLabel('Current password').fill(password);
    await section.getByRole('button', { name: 'Change email' }).click();
    await section.getByText('Approve the change from your current inbox').waitFor();
    await expect(section.getByTestId('current-email').textContent()).resolves.toBe(oldEmail);

    // The old inbox approves (its mail also says how to secure the account)…
    const approveUrl = await waitForMailLink(server.url, oldEmail, VERIFY_EMAIL_LINK, 30_000, [verifyUrl]);
    await mover.goto(approveUrl, { waitUntil: 'networkidle' });
    await mover.getByText('Email link opened').waitFor();
    await expect(section.getByTestId('current-email').textContent()).resolves.toBe(oldEmail);
    // …then the new one confirms, and the address changes.
    const confirmUrl = await waitForMailLink(server.url, newEmail, VERIFY_EMAIL_LINK);
    await mover.goto(confirmUrl, { waitUntil: 'networkidle' });
    await expect(
      mover.getByRole('region', { name: 'Email address' }).getByTestId('current-email').textContent(),
    ).resolves.toBe(newEmail);
    // The browser logs the 400 that refused the wrong password; that one is expected.
    expect(moverErrors.filter((error) => !error.includes('400 (Bad Request) (http'))).toEqual([]);
    expect(moverErrors.filter((error) => error.includes('/api/auth/change-email'))).toHaveLength(1);
    await mover.close();
  });
});
