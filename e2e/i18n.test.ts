import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspaces } from '../apps/server/src/seed/demo-data';
import { collectPageErrors, launchBrowser } from './browser';
import { repoRoot, startDevServer, type DevServer } from './dev-server';

/**
 * Languages in a real browser (docs/decisions/0039): a signed-out visitor whose browser asks for
 * German gets German pages without any /de/ in the URL; a person who picks Deutsch on the account
 * page sees the app in German (with correct plurals) on every device, whatever their browser says,
 * and their mail follows.
 */
describe('languages in a real browser', () => {
  let server: DevServer;
  let browser: Browser;
  const DEMO_PASSWORD = 'plinth-demo-password';

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

  async function signIn(page: Page, email: string, next: string): Promise<void> {
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  type Catalog = { [key: string]: string | Catalog };
  const catalog = (locale: string) =>
    JSON.parse(readFileSync(`${repoRoot}/apps/web/messages/${locale}.json`, 'utf8')) as Catalog;
  const leaves = (node: Catalog, prefix = ''): [string, string][] =>
    Object.entries(node).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value] as [string, string]]
        : leaves(value, `${prefix}${key}.`),
    );
  const german = new Map(leaves(catalog('de')));
  const de = (key: string): string => {
    const message = german.get(key);
    if (message === undefined) throw new Error(`the German catalog has no ${key}`);
    return message;
  };
  /**
   * English sentences a German page must not show: every English message of three words or more
   * that the German catalog words differently, without arguments or tags (those are formatted, so
   * their English text never appears whole).
   */
  const englishSentences = leaves(catalog('en'))
    .filter(([key, message]) => german.get(key) !== message && !/[{<]/u.test(message))
    .map(([, message]) => message)
    .filter((message) => message.trim().split(/\s+/u).length >= 3);

  it('a signed-out page follows Accept-Language: German for de, English otherwise', async () => {
    const german = await browser.newContext({
      locale: 'de-DE',
      extraHTTPHeaders: { 'Accept-Language': 'de' },
    });
    const page = await german.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(`${server.url}/sign-in`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.getByRole('button', { name: 'Anmeldelink per E-Mail senden' }).waitFor();
    await expect(page.title()).resolves.toBe('Anmelden · Plinth');
    // Client-side checks speak German too.
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByText('Geben Sie Ihre E-Mail-Adresse ein.').waitFor();
    expect(errors).toEqual([]);
    await german.close();

    const english = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'fr-FR,en;q=0.5' } });
    const other = await english.newPage();
    await other.goto(`${server.url}/sign-in`, { waitUntil: 'networkidle' });
    await expect(other.locator('html').getAttribute('lang')).resolves.toBe('en');
    await other.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await english.close();
  });

  it('a person who switches to German sees the app in German with correct plurals, and gets German mail', async () => {
    // An English browser: the saved setting wins over Accept-Language.
    const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'en-US' } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, 'mia.member@acme.test', '/account');
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();

    await page.getByTestId('locale-select').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Konto' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await expect(page.getByTestId('locale-status').textContent()).resolves.toBe('Sprache gespeichert');

    // Acme has several members (as many as the demo seed gives it): the plural form, and the
    // chrome, in German.
    const acmeMembers = demoWorkspaces.find((demo) => demo.slug === 'acme')!.members.length;
    expect(acmeMembers).toBeGreaterThan(1);
    await page.goto(`${server.url}/w/acme/members`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor();
    await expect(page.getByTestId('member-count').textContent()).resolves.toBe(`${acmeMembers} Mitglieder`);
    await page.getByRole('columnheader', { name: 'Rolle' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Arbeitsbereich', exact: true });
    await nav.getByRole('link', { name: 'Projekte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projekte' }).waitFor();
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('dialog', { name: 'Suche und Befehle' }).getByText('Gehe zu').waitFor();
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);

    // The same setting over the API, for a person alone in a workspace: the singular form.
    const peter = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'en-US' } });
    const peterPage = await peter.newPage();
    await signIn(peterPage, 'peter.owner@initech.test', '/w/initech/members');
    await expect(peterPage.getByTestId('member-count').textContent()).resolves.toBe('1 member');
    const patched = await peterPage.request.patch(`${server.url}/api/v1/me`, {
      data: { locale: 'de' },
      headers: { origin: server.url },
    });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toMatchObject({ locale: 'de' });
    const refused = await peterPage.request.patch(`${server.url}/api/v1/me`, {
      data: { locale: 'tlh' },
      headers: { origin: server.url },
    });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { fields: { locale: expect.any(String) } } });
    await peterPage.reload({ waitUntil: 'networkidle' });
    await expect(peterPage.getByTestId('member-count').textContent()).resolves.toBe('1 Mitglied');
    await peter.close();

    // Mail goes out in the recipient's language: a sign-in link for Mia arrives in German.
    const asked = await fetch(`${server.url}/api/auth/sign-in/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'mia.member@acme.test', callbackURL: '/app' }),
    });
    expect(asked.status).toBe(200);
    const deadline = Date.now() + 30_000;
    let subjects: string[] = [];
    while (Date.now() < deadline && !subjects.includes('Ihr Anmeldelink für Plinth')) {
      const response = await fetch(
        `${server.url}/api/dev/mail?to=${encodeURIComponent('mia.member@acme.test')}`,
      );
      const { messages } = (await response.json()) as { messages: { subject: string }[] };
      subjects = messages.map((message) => message.subject);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(subjects).toContain('Ihr Anmeldelink für Plinth');
    await context.close();
  });
  it('a German reader sees every page in German: the title, the heading, and no English sentence from the catalog', async () => {
    expect(englishSentences.length).toBeGreaterThan(100);
    const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'en-US' } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, 'olivia.owner@acme.test', '/w/acme/projects');
    const saved = await page.request.patch(`${server.url}/api/v1/me`, {
      data: { locale: 'de' },
      headers: { origin: server.url },
    });
    expect(saved.status()).toBe(200);
    const signedOut = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } });
    const visitor = await signedOut.newPage();
    const visitorErrors = collectPageErrors(visitor);

    const pages: [Page, string, string][] = [
      [page, '/w/acme/projects', 'projects.metaTitle'],
      [page, '/w/acme/members', 'members.metaTitle'],
      [page, '/w/acme/billing', 'billing.page.metaTitle'],
      [page, '/w/acme/audit', 'audit.metaTitle'],
      [page, '/w/acme/settings', 'settings.metaTitle'],
      [page, '/w/acme/settings/api-keys', 'apiKeys.metaTitle'],
      [page, '/w/acme/settings/webhooks', 'webhooks.metaTitle'],
      [page, '/account', 'account.metaTitle'],
      [page, '/account/notifications', 'account.notifications.metaTitle'],
      [page, '/notifications', 'notifications.metaTitle'],
      [page, '/pricing', 'pricing.metaTitle'],
      [visitor, '/pricing', 'pricing.metaTitle'],
      [visitor, '/terms', 'legal.terms.metaTitle'],
      [visitor, '/privacy', 'legal.privacy.metaTitle'],
      [visitor, '/forgot-password', 'auth.forgot.metaTitle'],
      [visitor, '/w/acme/no-such-page', 'errors.notFound.metaTitle'],
    ];
    const found: string[] = [];
    for (const [where, path, titleKey] of pages) {
      await where.goto(`${server.url}${path}`, { waitUntil: 'load' });
      await where.getByRole('heading', { level: 1 }).first().waitFor();
      const lang = await where.locator('html').getAttribute('lang');
      if (lang !== 'de') found.push(`${path}: lang="${lang}"`);
      const title = await where.title();
      if (title !== `${de(titleKey)} · Plinth`) found.push(`${path}: title "${title}"`);
      const text = (await where.evaluate('document.body.innerText')) as string;
      for (const sentence of englishSentences) {
        if (text.includes(sentence)) found.push(`${path}: English "${sentence}"`);
      }
    }
    // The landing page's title is the product's name; its heading speaks German.
    await visitor.goto(`${server.url}/`, { waitUntil: 'load' });
    await visitor.getByRole('heading', { level: 1, name: de('landing.heroTitle') }).waitFor();
    const landing = (await visitor.evaluate('document.body.innerText')) as string;
    found.push(
      ...englishSentences.filter((sentence) => landing.includes(sentence)).map((s) => `/: English "${s}"`),
    );
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    expect(visitorErrors.filter((error) => !error.includes('404'))).toEqual([]);
    await signedOut.close();
    await context.close();
  });
});
