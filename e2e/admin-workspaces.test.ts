import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from './browser';
import { waitForMailLink } from './dev-mail';
import { startDevServer, type DevServer } from './dev-server';
import { makeStaff, signInAsStaff } from './staff';

const VERIFY_EMAIL_LINK = /https?:\/\/\S+\/api\/auth\/verify-email\?\S+/u;

/** Signs a new person up over the API and returns once their email is verified by the mailed link. */
async function signUp(server: DevServer, page: Page, name: string, email: string, password: string) {
  const response = await fetch(`${server.url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ name, email, password, callbackURL: '/verify-email' }),
  });
  expect(response.status).toBe(200);
  await page.goto(await waitForMailLink(server.url, email, VERIFY_EMAIL_LINK), { waitUntil: 'networkidle' });
  await page.getByText(`You are signed in as ${email}.`).waitFor();
}

/** A new person made staff (the admin role and TOTP), signed in through the two-factor step. */
async function signUpAsStaff(server: DevServer, page: Page, email: string, password: string, next: string) {
  await signUp(server, page, 'Stella Staff', email, password);
  await makeStaff(server, email);
  await page.context().clearCookies();
  await signInAsStaff(page, server, { email, password, next });
  await page.waitForURL((url) => url.pathname === next);
}

/**
 * The staff console's workspace side in a real browser: staff find a member's workspace by the
 * member's email, grant it a plan with a bigger project limit (the member sees the new limit and
 * the grant on billing), then suspend it (the member sees the suspended page on every page of it).
 */
describe('staff console: workspaces', () => {
  let server: DevServer;
  let browser: Browser;
  let member: Page;
  let staff: Page;
  let memberErrors: string[];
  let staffErrors: string[];

  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const memberEmail = `member-${stamp}@example.test`;
  const staffEmail = `staff-${stamp}@example.test`;
  const password = 'granite-orchard-lantern-42';
  const workspaceName = `Harbor ${stamp}`;
  const slug = `harbor-${stamp}`;

  beforeAll(async () => {
    server = await startDevServer();
    browser = await launchBrowser();
    member = await (await browser.newContext()).newPage();
    memberErrors = collectPageErrors(member);
    staff = await (await browser.newContext()).newPage();
    staffErrors = collectPageErrors(staff);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  it('a member has a workspace on the free plan', async () => {
    await signUp(server, member, 'Mara Member', memberEmail, password);
    await member.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    await member.getByRole('button', { name: 'Create your first workspace' }).click();
    const dialog = member.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.getByLabel('Name').fill(workspaceName);
    await dialog.getByLabel('Address').fill(slug);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await member.waitForURL((url) => url.pathname === `/w/${slug}/projects`);
    await member.goto(`${server.url}/w/${slug}/billing`, { waitUntil: 'networkidle' });
    await expect(member.getByTestId('current-plan').textContent()).resolves.toBe('Free');
    await expect(member.getByTestId('projects-usage').textContent()).resolves.toBe('0 of 3');
    expect(memberErrors).toEqual([]);
  });

  it('staff find it by the member’s email and grant Team with 7 projects; the member sees the new limit', async () => {
    await signUpAsStaff(server, staff, staffEmail, password, '/admin');
    await staff.getByTestId('stat-mrr').waitFor();
    await staff.getByTestId('signups-chart').waitFor();

    await staff.goto(`${server.url}/admin/workspaces`, { waitUntil: 'networkidle' });
    await staff.getByLabel('Search workspaces').fill(memberEmail);
    // The page's own Search, not the command palette's button in the top bar.
    await staff.locator('#main').getByRole('button', { name: 'Search' }).click();
    const results = staff.getByTestId('workspace-results');
    await results.getByRole('link', { name: workspaceName }).click();
    await staff.waitForURL((url) => url.pathname.startsWith('/admin/workspaces/'));
    await staff.getByRole('heading', { level: 1, name: workspaceName }).waitFor();
    await staff.getByTestId('members').getByText(memberEmail).waitFor();
    await expect(staff.getByTestId('effective-plan').textContent()).resolves.toContain('Free');

    const form = staff.getByTestId('plan-override-form');
    await form.getByRole('button', { name: 'Grant plan' }).click();
    await form.getByText('Say why (at least 3 characters).').waitFor();
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Plan').selectOption('team');
    await form.getByLabel('Until (end of day)').fill(until);
    await form.getByLabel('Projects limit').fill('7');
    await form.getByLabel('Reason (kept in the audit log)').fill('Sales deal: Team pilot for a month');
    await form.getByRole('button', { name: 'Grant plan' }).click();
    await staff.getByTestId('override-state').waitFor();
    await expect(staff.getByTestId('effective-plan').textContent()).resolves.toContain('Team');
    await staff.getByTestId('audit-tail').getByText('workspace.plan_override_set').waitFor();

    await member.goto(`${server.url}/w/${slug}/billing`, { waitUntil: 'networkidle' });
    await expect(member.getByTestId('current-plan').textContent()).resolves.toBe('Team');
    await expect(member.getByTestId('projects-usage').textContent()).resolves.toBe('0 of 7');
    await member.getByTestId('plan-override-notice').getByText('Team plan granted').waitFor();
    expect(memberErrors).toEqual([]);
  });

  it('staff suspend it; the member sees the suspended page on every page of it', async () => {
    const form = staff.getByTestId('suspend-form');
    await form.getByLabel('Reason (kept in the audit log)').fill('Chargebacks under review');
    await form.getByRole('button', { name: 'Suspend workspace' }).click();
    await expect
      .poll(() => staff.getByTestId('workspace-state').textContent(), { timeout: 15_000 })
      .toBe('suspended');

    for (const path of [`/w/${slug}/projects`, `/w/${slug}/billing`, `/w/${slug}`]) {
      await member.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      await member.getByTestId('workspace-suspended').getByText('This workspace is suspended').waitFor();
    }
    const api = await member.evaluate(
      `fetch('/api/v1/workspaces/${slug}/projects').then(async (r) => [r.status, (await r.json()).error.code])`,
    );
    expect(api).toEqual([403, 'workspace_suspended']);

    await staff
      .getByTestId('unsuspend-form')
      .getByLabel('Reason (kept in the audit log)')
      .fill('Review closed');
    await staff.getByTestId('unsuspend-form').getByRole('button', { name: 'Unsuspend' }).click();
    await expect
      .poll(() => staff.getByTestId('workspace-state').textContent(), { timeout: 15_000 })
      .toBe('active');
    await member.goto(`${server.url}/w/${slug}/projects`, { waitUntil: 'networkidle' });
    await member.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    expect(staffErrors).toEqual([]);
  });
});
