import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from './browser';
import { waitForMailLink } from './dev-mail';
import { startDevServer, type DevServer } from './dev-server';

/**
 * Notifications as two people see them in two browsers: one sits on the app with the bell in the
 * top bar; the other, in another browser context, invites them to a workspace. The bell's count
 * rises without a reload (the SSE stream says "notification"), and its dropdown links to the
 * invitation.
 */
describe('notifications in a real browser', () => {
  let server: DevServer;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let owner: Page;
  let inviteeContext: BrowserContext;
  let invitee: Page;
  let inviteeErrors: string[];

  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const ownerEmail = `bell-owner-${stamp}@example.test`;
  const inviteeEmail = `bell-invitee-${stamp}@example.test`;
  const password = 'granite-orchard-lantern-42';
  const slug = `bell-${stamp}`;

  async function signUpAndVerify(page: Page, name: string, email: string) {
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name, email, password, callbackURL: '/verify-email' }),
    });
    expect(signUp.status).toBe(200);
    const verifyUrl = await waitForMailLink(
      server.url,
      email,
      /https?:\/\/\S+\/api\/auth\/verify-email\?\S+/u,
    );
    await page.goto(verifyUrl, { waitUntil: 'networkidle' });
    await page.getByText(`You are signed in as ${email}.`).waitFor();
  }

  beforeAll(async () => {
    server = await startDevServer();
    browser = await launchBrowser();
    ownerContext = await browser.newContext();
    owner = await ownerContext.newPage();
    inviteeContext = await browser.newContext();
    invitee = await inviteeContext.newPage();
    inviteeErrors = collectPageErrors(invitee);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  it('the bell count rises when an invitation arrives from another browser', async () => {
    await signUpAndVerify(owner, 'Bea Owner', ownerEmail);
    await signUpAndVerify(invitee, 'Ivo Invitee', inviteeEmail);
    await owner.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    const created = await owner.evaluate(
      async ({ slug }) => {
        const response = await fetch('/api/v1/workspaces', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Bell ${slug}`, slug }),
        });
        return response.status;
      },
      { slug },
    );
    expect(created).toBe(201);

    await invitee.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    const bell = invitee.getByTestId('notification-bell');
    await bell.waitFor();
    await expect(invitee.getByTestId('notification-count').count()).resolves.toBe(0);

    const invited = await owner.evaluate(
      async ({ slug, email }) => {
        const response = await fetch(`/api/v1/workspaces/${slug}/invitations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, role: 'member' }),
        });
        return response.status;
      },
      { slug, email: inviteeEmail },
    );
    expect(invited).toBe(201);

    // No reload: the stream tells the bell to refetch.
    await invitee.getByTestId('notification-count').getByText('1').waitFor({ timeout: 30_000 });
    await bell.click();
    const item = invitee.getByRole('menuitem', { name: /Bea Owner invited you to Bell/u });
    await item.waitFor();
    await expect(item.getAttribute('href')).resolves.toMatch(/^\/invitations\/accept\?token=/u);
    expect(inviteeErrors, 'console errors on the app with the bell').toEqual([]);
  });

  it('a hand-edited cursor shows the first page, and a bad unsubscribe link says so in words', async () => {
    // Shaped like a uuid but not one: the list ignores it rather than failing into the error page.
    await invitee.goto(`${server.url}/notifications?before=aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa`, {
      waitUntil: 'networkidle',
    });
    await invitee.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await invitee.getByText(/^\d+ unread$/u).waitFor();

    // The footer link's page with a token that is not valid: the form posts, and the browser comes
    // back to a page that explains, not to the API's JSON.
    await invitee.goto(`${server.url}/unsubscribe?token=not-a-token`, { waitUntil: 'networkidle' });
    await invitee.getByRole('button', { name: 'Unsubscribe' }).click();
    await invitee.getByText('This link is not valid or has expired').waitFor();
    expect(new URL(invitee.url()).search).toBe('?error=invalid');
  });
});
