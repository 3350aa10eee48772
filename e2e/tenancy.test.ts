import { readFile, rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@plinth/api';
import { collectPageErrors, launchBrowser } from './browser';
import { waitForMailLink } from './dev-mail';
import { startDevServer, type DevServer } from './dev-server';
import { grantPlanOn } from './staff';

/** The Cookie header a context would send to the app, for requests made outside the page. */
async function cookieHeader(context: BrowserContext, url: string): Promise<string> {
  return (await context.cookies(url)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/**
 * The money path of tenancy, as two people in two browsers: an owner signs up, creates a
 * workspace and a project, invites a teammate as viewer; the teammate signs up from the invitation
 * mail, accepts, and sees the same project — but cannot delete it, neither through the page (no
 * button) nor by calling the server action or the API directly.
 */
describe('tenancy in a real browser', () => {
  let server: DevServer;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let owner: Page;
  let ownerErrors: string[];
  let viewerContext: BrowserContext;
  let viewer: Page;
  let viewerErrors: string[];

  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const ownerEmail = `owner-${stamp}@example.test`;
  const viewerEmail = `viewer-${stamp}@example.test`;
  const password = 'granite-orchard-lantern-42';
  const workspaceName = `Orbit ${stamp}`;
  const slug = `orbit-${stamp}`;
  let projectId = '';
  /** The delete-project server action as the owner's browser called it: its id and body. */
  let deleteCall: { actionId: string; body: string; scratchId: string } | null = null;

  function expectNoPageErrors(errors: string[], where: string) {
    expect(errors, `console errors on ${where}`).toEqual([]);
  }

  beforeAll(async () => {
    server = await startDevServer();
    browser = await launchBrowser();
    ownerContext = await browser.newContext();
    owner = await ownerContext.newPage();
    ownerErrors = collectPageErrors(owner);
    viewerContext = await browser.newContext();
    viewer = await viewerContext.newPage();
    viewerErrors = collectPageErrors(viewer);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  it('a new person confirms their email and creates their first workspace', async () => {
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Olga Owner', email: ownerEmail, password, callbackURL: '/verify-email' }),
    });
    expect(signUp.status).toBe(200);
    const verifyUrl = await waitForMailLink(
      server.url,
      ownerEmail,
      /https?:\/\/\S+\/api\/auth\/verify-email\?\S+/u,
    );
    await owner.goto(verifyUrl, { waitUntil: 'networkidle' });
    await owner.getByText(`You are signed in as ${ownerEmail}.`).waitFor();

    await owner.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    await owner.getByRole('heading', { level: 1, name: 'Welcome to Plinth' }).waitFor();
    await owner.getByRole('button', { name: 'Create your first workspace' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await dialog.getByText('Enter a name.').waitFor();

    // The address follows the name; a taken one is refused by the server, under its field.
    await dialog.getByLabel('Name').fill(workspaceName);
    await expect(dialog.getByLabel('Address').inputValue()).resolves.toBe(slug);
    await dialog.getByLabel('Address').fill('acme');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await dialog.getByText('This slug is already in use.').waitFor();
    await dialog.getByLabel('Address').fill(slug);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();

    await owner.waitForURL((url) => url.pathname === `/w/${slug}/projects`);
    await owner.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await owner.getByText('No projects yet').waitFor();
    await owner.getByTestId('workspace-switcher').getByText(workspaceName).waitFor();
    expectNoPageErrors(ownerErrors, '/app and the new workspace');
  });

  it('the owner creates projects, opens one, and the workspace survives a reload', async () => {
    for (const name of ['Launch plan', 'Scratch']) {
      await owner.getByRole('button', { name: 'New project' }).click();
      const dialog = owner.getByRole('dialog', { name: 'Create a project' });
      await dialog.getByLabel('Project name').fill(name);
      await dialog.getByRole('button', { name: 'Create project' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await owner.getByRole('list', { name: 'Projects' }).getByText(name, { exact: true }).waitFor();
    }

    await owner.getByRole('link', { name: /Launch plan/u }).click();
    await owner.waitForURL((url) => url.pathname.startsWith(`/w/${slug}/projects/`));
    projectId = owner.url().split('/').pop()!;
    await owner.getByRole('heading', { level: 1, name: 'Launch plan' }).waitFor();
    await owner.getByRole('button', { name: 'Delete project' }).waitFor();

    // A second workspace, from the switcher in the top bar; it sorts before the first one.
    await owner.getByTestId('workspace-switcher').click();
    await owner.getByRole('menuitem', { name: 'Create workspace' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.getByLabel('Name').fill(`Aardvark ${stamp}`);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await owner.waitForURL((url) => url.pathname === `/w/aardvark-${stamp}/projects`);
    await owner.getByText('No projects yet').waitFor();

    // Back to the first one through the switcher; /app (and so a reload) returns to it from the
    // cookie, not to the first workspace in the list.
    await owner.getByTestId('workspace-switcher').click();
    await owner.getByRole('menuitem', { name: new RegExp(workspaceName, 'u') }).click();
    await owner.waitForURL((url) => url.pathname === `/w/${slug}/projects`);
    await owner.getByRole('list', { name: 'Projects' }).getByText('Launch plan', { exact: true }).waitFor();
    await owner.goto(`${server.url}/app`, { waitUntil: 'networkidle' });
    expect(new URL(owner.url()).pathname).toBe(`/w/${slug}/projects`);
    expectNoPageErrors(ownerErrors, 'projects');
  });

  it('the owner deletes a project after confirming', async () => {
    await owner.getByRole('link', { name: /Scratch/u }).click();
    await owner.getByRole('heading', { level: 1, name: 'Scratch' }).waitFor();
    const scratchId = owner.url().split('/').pop()!;

    // Remember how the page calls the server action, to replay it as the viewer later.
    const seen = (request: Request) => {
      const actionId = request.headers()['next-action'];
      if (request.method() === 'POST' && actionId && request.postData()?.includes(scratchId)) {
        deleteCall = { actionId, body: request.postData()!, scratchId };
      }
    };
    owner.on('request', seen);
    await owner.getByRole('button', { name: 'Delete project' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Delete this project?' });
    await dialog.getByRole('button', { name: 'Delete project' }).click();
    await owner.waitForURL((url) => url.pathname === `/w/${slug}/projects`);
    owner.off('request', seen);
    await owner.getByText('Project deleted', { exact: true }).waitFor();
    const list = owner.getByRole('list', { name: 'Projects' });
    await list.getByText('Launch plan', { exact: true }).waitFor();
    await expect(list.getByText('Scratch', { exact: true }).count()).resolves.toBe(0);
    expect(deleteCall, 'the delete went through a server action').not.toBeNull();
    expectNoPageErrors(ownerErrors, 'project deletion');
  });

  it('the owner invites a teammate as viewer', async () => {
    await owner.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Members' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    const invite = owner.getByRole('region', { name: 'Invite someone' });
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite.getByText('Enter the email address to invite.').waitFor();
    await invite.getByLabel('Email').fill(viewerEmail);
    await invite.getByLabel('Role').selectOption('viewer');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText('Invitation sent', { exact: true }).waitFor();
    const pending = owner.getByRole('region', { name: 'Pending invitations' });
    await pending.getByTestId(`invitation-${viewerEmail}`).getByText('Viewer', { exact: true }).waitFor();

    // The last owner cannot leave: the server says what to do instead.
    await owner.getByRole('button', { name: 'Leave workspace' }).click();
    const leave = owner.getByRole('dialog', { name: `Leave ${workspaceName}?` });
    await leave.getByRole('button', { name: 'Leave workspace' }).click();
    await leave
      .getByText('You are the last owner. Transfer ownership or delete the workspace first.')
      .waitFor();
    await leave.getByRole('button', { name: 'Cancel' }).click();
    expectNoPageErrors(ownerErrors, '/members');
  });

  it('the teammate signs up from the invitation mail, accepts it and sees the project', async () => {
    const acceptUrl = await waitForMailLink(
      server.url,
      viewerEmail,
      /https?:\/\/\S+\/invitations\/accept\?token=\S+/u,
    );
    await viewer.goto(acceptUrl, { waitUntil: 'networkidle' });
    // Before signing in: who invited which address to which workspace, read by the link's token alone.
    await viewer.getByRole('heading', { level: 1, name: `Join ${workspaceName}` }).waitFor();
    await expect(viewer.getByTestId('invitation-context').textContent()).resolves.toBe(
      `Olga Owner invited ${viewerEmail} to join as viewer.`,
    );
    await viewer.getByText('Sign in or create an account to accept the invitation.').waitFor();
    await viewer.getByRole('link', { name: 'Create an account' }).click();
    await viewer.waitForURL((url) => url.pathname === '/sign-up');
    // The invited address is filled in (from the invitation, not from the URL).
    await expect(viewer.getByLabel('Email').inputValue()).resolves.toBe(viewerEmail);
    expect(viewer.url()).not.toContain(encodeURIComponent(viewerEmail));
    await viewer.getByLabel('Name').fill('Vera Viewer');
    await viewer.getByLabel('Password').fill(password);
    await viewer.getByRole('button', { name: 'Create account' }).click();
    await viewer.getByText('Check your inbox').waitFor();

    // Confirming the address brings the teammate back to the invitation, signed in.
    const verifyUrl = await waitForMailLink(
      server.url,
      viewerEmail,
      /https?:\/\/\S+\/api\/auth\/verify-email\?\S+/u,
    );
    await viewer.goto(verifyUrl, { waitUntil: 'networkidle' });
    await viewer.waitForURL((url) => url.pathname === '/invitations/accept');
    await viewer.getByText(`You are signed in as ${viewerEmail}.`).waitFor();
    await viewer.getByRole('button', { name: 'Accept invitation' }).click();

    await viewer.waitForURL((url) => url.pathname === `/w/${slug}/projects`);
    await viewer.getByRole('list', { name: 'Projects' }).getByText('Launch plan', { exact: true }).waitFor();
    await viewer.getByTestId('workspace-switcher').getByText(workspaceName).waitFor();
    // A viewer is not offered project creation.
    await expect(viewer.getByRole('button', { name: 'New project' }).count()).resolves.toBe(0);
    expectNoPageErrors(viewerErrors, 'invitation, sign-up and projects');

    // The link worked once: opening it again says so at once, with no button to press.
    await viewer.goto(acceptUrl, { waitUntil: 'networkidle' });
    await viewer.getByRole('heading', { level: 1, name: 'This invitation was already accepted' }).waitFor();
    await expect(viewer.getByRole('button', { name: 'Accept invitation' }).count()).resolves.toBe(0);
    // A token that matches nothing is refused as plainly, before any sign-in.
    await viewer.goto(`${server.url}/invitations/accept?token=${'x'.repeat(43)}`, {
      waitUntil: 'networkidle',
    });
    await viewer.getByRole('heading', { level: 1, name: 'This invitation link does not work' }).waitFor();

    await owner.reload({ waitUntil: 'networkidle' });
    await owner.getByTestId(`member-${viewerEmail}`).waitFor();
    await expect(owner.getByTestId(`invitation-${viewerEmail}`).count()).resolves.toBe(0);
    expectNoPageErrors(ownerErrors, '/members after the invitation was accepted');
  });

  it('a viewer has no delete button, and the server refuses the delete all the same', async () => {
    const projectUrl = `${server.url}/w/${slug}/projects/${projectId}`;
    await viewer.goto(projectUrl, { waitUntil: 'networkidle' });
    await viewer.getByRole('heading', { level: 1, name: 'Launch plan' }).waitFor();
    await expect(viewer.getByRole('button', { name: 'Delete project' }).count()).resolves.toBe(0);
    await expect(viewer.getByRole('region', { name: 'Edit project' }).count()).resolves.toBe(0);

    // 1. The same server action the owner's page called, sent from the viewer's page with the
    //    viewer's session: the action answers with the error envelope, code forbidden.
    expect(deleteCall).not.toBeNull();
    const { actionId, body, scratchId } = deleteCall!;
    const fromViewer = await viewer.evaluate(
      async ({ path, actionId, body }) => {
        const response = await fetch(path, {
          method: 'POST',
          headers: {
            'next-action': actionId,
            accept: 'text/x-component',
            'content-type': 'text/plain;charset=UTF-8',
          },
          body,
        });
        return { status: response.status, text: await response.text() };
      },
      { path: new URL(projectUrl).pathname, actionId, body: body.replace(scratchId, projectId) },
    );
    expect(fromViewer.status).toBe(200);
    expect(fromViewer.text).toContain('"code":"forbidden"');
    expect(fromViewer.text).toContain('Your role does not allow project.delete.');

    // 2. The API, with the viewer's cookies and our own Origin: 403 in the error envelope.
    const response = await fetch(
      `${server.url}/api/v1/workspaces/${slug}/projects/${encodeId('proj', projectId)}`,
      {
        method: 'DELETE',
        headers: { cookie: await cookieHeader(viewerContext, server.url), origin: server.url },
      },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });

    // The project is still there for both.
    for (const page of [viewer, owner]) {
      await page.goto(`${server.url}/w/${slug}/projects`, { waitUntil: 'networkidle' });
      await page.getByRole('list', { name: 'Projects' }).getByText('Launch plan', { exact: true }).waitFor();
    }
    expectNoPageErrors(viewerErrors, 'the project page as a viewer');
    expectNoPageErrors(ownerErrors, 'projects');
  });

  it("the owner's own delete, forged from another site (no Origin, or a foreign one), deletes nothing", async () => {
    // The same server action request the owner's page sent, with the owner's cookies, as a page on
    // another site (or a script) would send it: Next lets a request without Origin through, so the
    // action itself must refuse it; one with a foreign Origin is refused as well.
    expect(deleteCall).not.toBeNull();
    const { actionId, body, scratchId } = deleteCall!;
    const projectPath = `/w/${slug}/projects/${projectId}`;
    const cookie = await cookieHeader(ownerContext, server.url);
    for (const origin of [undefined, 'https://evil.example']) {
      const forged = await fetch(`${server.url}${projectPath}`, {
        method: 'POST',
        headers: {
          cookie,
          'next-action': actionId,
          accept: 'text/x-component',
          'content-type': 'text/plain;charset=UTF-8',
          ...(origin ? { origin } : {}),
        },
        body: body.replace(scratchId, projectId),
      });
      const text = await forged.text();
      if (origin === undefined) {
        expect(forged.status).toBe(200);
        expect(text).toContain('"code":"forbidden"');
        expect(text).toContain('did not come from a trusted origin');
      } else {
        expect(text).not.toContain('"ok":true');
      }
    }
    await owner.goto(`${server.url}/w/${slug}/projects`, { waitUntil: 'networkidle' });
    await owner.getByRole('list', { name: 'Projects' }).getByText('Launch plan', { exact: true }).waitFor();
    expectNoPageErrors(ownerErrors, 'projects after a forged delete');
  });

  it('owners read the audit log once the plan includes it; a viewer gets a 404 for it', async () => {
    // On Free the page names the plan that includes the audit log, with the way to upgrade.
    await owner.goto(`${server.url}/w/${slug}/audit`, { waitUntil: 'networkidle' });
    const prompt = owner.getByTestId('upgrade-prompt');
    await prompt
      .getByText(/The audit log is part of the Pro plan and above; this workspace is on Free/u)
      .waitFor();
    await prompt.getByRole('link', { name: 'Upgrade' }).waitFor();
    await grantPlanOn(server, slug, 'pro');

    await owner.goto(`${server.url}/w/${slug}/audit`, { waitUntil: 'networkidle' });
    const table = owner.getByRole('table', { name: 'Audit log entries' });
    // Filtered by action from the list of labels, the entry reads as a sentence with names.
    await owner.getByLabel('Action').selectOption({ label: 'Project deleted' });
    await owner.getByRole('button', { name: 'Filter', exact: true }).click();
    await owner.waitForURL((url) => url.searchParams.get('action') === 'project.deleted');
    await table.getByText(/^.+ deleted the project “.+”$/u).waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(2); // the header and one entry
    // The export holds the same filtered entries, as a CSV download.
    const [download] = await Promise.all([
      owner.waitForEvent('download'),
      owner.getByRole('link', { name: 'CSV', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-${slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n');
    expect(csv[0]).toMatch(/^occurred_at,summary,action,/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(',project.deleted,');
    // A range that ends before it starts is refused with a message, nothing listed.
    await owner.goto(`${server.url}/w/${slug}/audit?from=2026-12-02&to=2026-12-01`, {
      waitUntil: 'networkidle',
    });
    await owner.getByText('Choose an end after the start.').waitFor();
    await owner.getByRole('link', { name: 'Clear filters' }).click();
    await table
      .getByText(/ joined as /u)
      .first()
      .waitFor();
    await table.getByText(/ created the workspace$/u).waitFor();
    expectNoPageErrors(ownerErrors, '/audit');

    const response = await viewer.goto(`${server.url}/w/${slug}/audit`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    // The browser itself logs the 404 document load; that one is expected.
    expect(viewerErrors.filter((error) => !error.includes('404'))).toEqual([]);
  });

  it('every workspace page fits a 360 px phone: no sideways scrolling, every tab reachable, role selects readable', async () => {
    await owner.setViewportSize({ width: 360, height: 740 });
    try {
      for (const path of [
        'projects',
        'members',
        'billing',
        'settings',
        'audit',
        'settings/api-keys',
        'settings/webhooks',
      ]) {
        await owner.goto(`${server.url}/w/${slug}/${path}`, { waitUntil: 'networkidle' });
        await owner.getByRole('heading', { level: 1 }).waitFor();
        // Elements reaching past the right edge (inside a scrolling box or not), named for the failure;
        // what is kept for screen readers only (sr-only: a 1 px box with overflow hidden) is not drawn.
        const wide = await owner.evaluate(`(() => {
          const hidden = (e) => {
            for (let a = e; a; a = a.parentElement) {
              if (getComputedStyle(a).overflow === 'hidden' && a.getBoundingClientRect().width <= 1) return true;
            }
            return false;
          };
          return [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > 360.5 && !hidden(e))
            .map((e) => e.tagName + ' ' + (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40));
        })()`);
        expect(wide, path).toEqual([]);
      }
      // The compact tab bar shows every tab, Billing and Settings included, inside the screen.
      const tabs = owner.getByRole('navigation', { name: 'Workspace (compact)' });
      for (const name of ['Projects', 'Members', 'Billing', 'Settings']) {
        await expect(tabs.getByRole('link', { name }).isVisible(), name).resolves.toBe(true);
      }
      await owner.goto(`${server.url}/w/${slug}/members`, { waitUntil: 'networkidle' });
      const roleSelect = owner.getByTestId(`member-${viewerEmail}`).getByRole('combobox');
      const box = await roleSelect.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(112);
      await expect(roleSelect.inputValue()).resolves.toBe('viewer');
      expectNoPageErrors(ownerErrors, 'pages at 360 px');
    } finally {
      await owner.setViewportSize({ width: 1280, height: 720 });
    }
  });
});
