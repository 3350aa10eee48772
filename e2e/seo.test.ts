import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, landingFaq } from '../apps/web/lib/landing';
import { axeEverywhere, VIEWPORTS } from './axe';
import { launchBrowser } from './browser';
import { startDevServer, type DevServer } from './dev-server';

/**
 * What search engines and link previews see, over HTTP against `npm run dev` (APP_URL is its own
 * URL there): robots.txt and the sitemap, and on every public page a canonical URL, Open Graph and
 * Twitter tags whose card is a real PNG; the landing page shows every claim of apps/web/lib/landing.ts;
 * pricing has its comparison table; and the workspace share card shows a workspace's name to its
 * members only — everyone else gets the same generic card and page whatever the slug (decision 0040).
 */
describe('search engines and link previews', () => {
  let server: DevServer;
  let browser: Browser | undefined;
  const publicPages = ['/', '/pricing', '/sign-up', '/sign-in', '/terms', '/privacy'];

  beforeAll(async () => {
    server = await startDevServer();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(await server.interrupt()).toBe(true);
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  async function get(path: string, cookie?: string): Promise<Response> {
    return fetch(`${server.url}${path}`, {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
      signal: AbortSignal.timeout(240_000),
    });
  }

  /** The content of `<meta {attribute}="{key}" content="…">`, entities decoded as far as we use them. */
  function meta(html: string, attribute: 'name' | 'property', key: string): string | undefined {
    const found = new RegExp(
      `<meta ${attribute}="${key.replace(/\./gu, '\\.')}" content="([^"]*)"`,
      'u',
    ).exec(html)?.[1];
    return found?.replaceAll('&amp;', '&').replaceAll('&#x27;', "'").replaceAll('&quot;', '"');
  }

  async function signIn(email: string): Promise<string> {
    const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email, password: 'plinth-demo-password' }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
  }

  async function png(path: string, cookie?: string): Promise<{ bytes: Buffer; response: Response }> {
    const response = await get(path, cookie);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type'), path).toBe('image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(1, 4).toString(), path).toBe('PNG');
    return { bytes, response };
  }

  it('robots.txt allows the public pages, disallows the private areas and names the sitemap', async () => {
    const response = await get('/robots.txt');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`Sitemap: ${server.url}/sitemap.xml`);
    expect(text).toMatch(/^Allow: \/$/mu);
    for (const prefix of [
      '/app',
      '/w/',
      '/account',
      '/admin',
      '/api/',
      '/dev/',
      '/invitations/',
      '/share/',
    ]) {
      expect(text, prefix).toMatch(new RegExp(`^Disallow: ${prefix}$`, 'mu'));
    }
  });

  it('the sitemap lists exactly the public pages, each of which answers 200', async () => {
    const response = await get('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/u);
    const listed = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/gu)].map((match) => match[1]);
    expect(listed).toEqual(publicPages.map((path) => new URL(path, server.url).toString()));
  });

  it('every public page has its canonical URL, Open Graph and Twitter tags, and a real card', async () => {
    for (const path of publicPages) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      const canonical = new URL(path, server.url).toString().replace(/\/$/u, '');
      const canonicalTag = /<link rel="canonical" href="([^"]+)"/u.exec(html)?.[1];
      expect(canonicalTag?.replace(/\/$/u, ''), path).toBe(canonical);
      expect(meta(html, 'property', 'og:url')?.replace(/\/$/u, ''), path).toBe(canonical);
      expect(meta(html, 'property', 'og:type'), path).toBe('website');
      expect(meta(html, 'property', 'og:site_name'), path).toBe('Plinth');
      expect(meta(html, 'property', 'og:locale'), path).toBe('en_US');
      expect(meta(html, 'property', 'og:title'), path).toBeTruthy();
      expect(meta(html, 'property', 'og:description'), path).toBeTruthy();
      expect(meta(html, 'name', 'description'), path).toBe(meta(html, 'property', 'og:description'));
      expect(meta(html, 'name', 'twitter:card'), path).toBe('summary_large_image');
      expect(meta(html, 'name', 'twitter:title'), path).toBe(meta(html, 'property', 'og:title'));
      const image = meta(html, 'property', 'og:image');
      expect(image, path).toMatch(new RegExp(`^${server.url}/`, 'u'));
      expect(meta(html, 'name', 'twitter:image'), path).toBe(image);
      expect(meta(html, 'property', 'og:image:width'), path).toBe('1200');
      expect(meta(html, 'property', 'og:image:height'), path).toBe('630');
      await png(new URL(image!).pathname + new URL(image!).search);
    }
    // A page title per page; the landing page keeps the bare site name.
    const titles = await Promise.all(
      ['/pricing', '/sign-in', '/sign-up'].map(
        async (path) => /<title>([^<]*)<\/title>/u.exec(await (await get(path)).text())?.[1],
      ),
    );
    expect(titles).toEqual(['Pricing · Plinth', 'Sign in · Plinth', 'Create an account · Plinth']);
    // A query string never makes a second canonical URL.
    const withNext = await (await get('/sign-in?next=%2Fpricing')).text();
    expect(/<link rel="canonical" href="([^"]+)"/u.exec(withNext)?.[1]).toBe(`${server.url}/sign-in`);
  });

  it('the landing page shows each claim (each backed by code, tests/site/landing-claims.test.ts) and the FAQ', async () => {
    const html = await (await get('/')).text();
    for (const claim of claims) {
      expect(html, claim.title).toContain(`data-testid="claim-${claim.id}"`);
      expect(html, claim.title).toContain(`>${claim.title}</h3>`);
    }
    for (const item of landingFaq) expect(html, item.question).toContain(`>${item.question}</h3>`);
    expect(html).toContain('href="/pricing"');
  });

  it('pricing has its comparison table with a caption and headers, in a scrollable region', async () => {
    const html = await (await get('/pricing')).text();
    expect(html).toMatch(/<div role="region" aria-labelledby="comparison-caption" tabindex="0"/u);
    expect(html).toContain('<caption id="comparison-caption"');
    for (const plan of ['Free', 'Pro', 'Team'])
      expect(html, plan).toMatch(new RegExp(`<th scope="col"[^>]*>${plan}</th>`, 'u'));
    expect(html.match(/<th scope="row"/gu)?.length).toBeGreaterThan(8);
    expect(html).toContain('Pricing questions');
  });

  it('the share card: a member sees the workspace; nobody else learns whether a slug names one', async () => {
    const member = await signIn('olivia.owner@acme.test');
    const outsider = await signIn('peter.owner@initech.test');

    const mine = await png('/share/acme/opengraph-image', member);
    expect(mine.response.headers.get('cache-control')).toMatch(/private|no-store/u);
    const memberPage = await (await get('/share/acme', member)).text();
    expect(memberPage).toContain('<h1 class="text-3xl font-semibold tracking-tight">Acme Inc.</h1>');
    expect(meta(memberPage, 'name', 'robots')).toBe('noindex, nofollow');

    // Signed out or a member of other workspaces, an existing slug or none: the same card, byte for byte.
    const generic = await png('/share/acme/opengraph-image');
    expect(generic.bytes.equals(mine.bytes)).toBe(false);
    expect(generic.response.headers.get('cache-control')).toBe(mine.response.headers.get('cache-control'));
    for (const [path, cookie] of [
      ['/share/acme/opengraph-image', outsider],
      ['/share/no-such-workspace/opengraph-image', undefined],
      ['/share/no-such-workspace/opengraph-image', outsider],
      ['/share/Not_A_Slug/opengraph-image', outsider],
    ] as const) {
      const other = await png(path, cookie);
      expect(other.bytes.equals(generic.bytes), `${path} ${cookie ? 'signed in' : 'signed out'}`).toBe(true);
    }
    // The page: 200 for every outsider, never the name, the same words whatever the slug.
    const visible = (html: string) =>
      (/<main[^>]*>([\s\S]*?)<\/main>/u.exec(html)?.[1] ?? '').replaceAll(/acme|no-such-workspace/gu, 'SLUG');
    const pages = await Promise.all(
      [
        ['/share/acme', undefined],
        ['/share/acme', outsider],
        ['/share/no-such-workspace', outsider],
      ].map(async ([path, cookie]) => {
        const response = await get(path!, cookie);
        expect(response.status, path).toBe(200);
        return response.text();
      }),
    );
    for (const html of pages) {
      expect(html).not.toContain('Acme Inc.');
      expect(visible(html)).toBe(visible(pages[0]!));
      expect(meta(html, 'name', 'robots')).toBe('noindex, nofollow');
    }
  });

  /** One page at the phone's width: it loads, nothing overflows, the pricing table scrolls in its region, axe. */
  async function checkAtPhoneWidth(page: Page, path: string, member: boolean): Promise<string[]> {
    await page.setViewportSize(VIEWPORTS.phone);
    // 'load', not 'networkidle': a dev server's on-demand chunks kept one CI run's /pricing from
    // ever being idle for 240 s; the heading and region waits below are what the checks need.
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load', timeout: 240_000 });
    expect(response?.status(), path).toBe(200);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(
      VIEWPORTS.phone.width,
    );
    if (path === '/pricing') {
      const region = page.getByRole('region', { name: /Every plan compared/u });
      // Wider than the phone, so it scrolls sideways inside its region, which a keyboard can reach.
      await region.waitFor();
      const scrolls = await page.evaluate(
        `(() => { const region = document.querySelector('[aria-labelledby="comparison-caption"]'); return region.scrollWidth > region.clientWidth; })()`,
      );
      expect(scrolls).toBe(true);
      expect(await region.getAttribute('tabindex')).toBe('0');
    }
    return axeEverywhere(page, `${path}${member ? ' (member)' : ''}`);
  }

  it('in a browser at 360 px nothing overflows the page (the pricing table scrolls in its region); axe finds nothing', async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ bypassCSP: true });
    const cookie = await signIn('olivia.owner@acme.test');
    const signedOut = await browser.newContext({ bypassCSP: true });
    const found: string[] = [];
    for (const [path, where] of [
      ['/pricing', signedOut],
      ['/', signedOut],
      ['/share/acme', signedOut],
      ['/share/acme', context],
    ] as const) {
      if (where === context) {
        await context.addCookies(
          cookie.split('; ').map((pair) => {
            const at = pair.indexOf('=');
            return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
          }),
        );
      }
      const page = await where.newPage();
      page.setDefaultTimeout(120_000);
      // Under `npm run dev` a page was reloaded under these checks (a CI run: "Execution context
      // was destroyed" on /pricing); such a page is checked again from its load, three tries at most.
      for (let attempt = 1; ; attempt += 1) {
        try {
          found.push(...(await checkAtPhoneWidth(page, path, where === context)));
          break;
        } catch (error) {
          const navigated = error instanceof Error && /Execution context was destroyed/u.test(error.message);
          if (!navigated || attempt === 3) throw error;
        }
      }
      await page.close();
    }
    expect(found).toEqual([]);
  });
});
