import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '@plinth/db';
import { shippedMigrations } from '@plinth/db/admin';
import { freePort, HttpClient, rejectionOf, useTestDatabase, type TestDatabase } from '@plinth/testing';
import {
  assertBuilt,
  processEnv,
  processTree,
  repoRoot,
  startBuiltServer,
  type BuiltServer,
} from './built-server';

// `npm run test:build` (after `npm run build`): the production server as an operator starts it —
// plain node on apps/server/dist and Next's .next build, production environment, a real database.

const testDb = useTestDatabase();

/** What production requires (loadEnv refuses to start without it), pointed at this file's database. */
export function productionEnv(db: TestDatabase, port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: db.ownerUrl,
    // The app role's URL as given: the server leaves the (cluster-wide) role's password alone.
    DATABASE_APP_URL: db.appUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: 'smtp://127.0.0.1:1',
    LOG_LEVEL: 'info',
    NEXT_TELEMETRY_DISABLED: '1',
    SHUTDOWN_DRAIN_DELAY_MS: '2000',
  };
}

async function signedInClient(server: BuiltServer): Promise<HttpClient> {
  const client = new HttpClient(server.url);
  const email = `built-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'violet-harbor-71-quietly';
  expect((await client.post('/api/auth/sign-up/email', { email, password, name: 'Built' })).status).toBe(200);
  // The verification mail goes to an SMTP server that is not there; verify as the link would.
  await testDb.owner.db.update(user).set({ emailVerified: true }).where(eq(user.email, email));
  expect((await client.post('/api/auth/sign-in/email', { email, password })).status).toBe(200);
  return client;
}

describe('the production build', () => {
  beforeAll(() => assertBuilt());

  it('runs as plain node on the bundle: probes, API, pages and a signed-in page answer, no tsx anywhere; SIGTERM drains, then stops', async () => {
    const server = await startBuiltServer({ env: productionEnv(testDb, await freePort()) });
    try {
      const tree = processTree(server.pid);
      expect(tree).toEqual([[process.execPath, '--enable-source-maps', 'apps/server/dist/main.js']]);
      expect(tree.flat().some((arg) => /tsx|typescript|\.ts$/.test(arg))).toBe(false);
      expect(processEnv(server.pid).NODE_OPTIONS).toBeUndefined();

      expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);
      const ready = await fetch(`${server.url}/api/health/ready`);
      expect(await ready.json()).toMatchObject({ status: 'ready', migrations: 'current' });
      expect(ready.status).toBe(200);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
      const signIn = await fetch(`${server.url}/sign-in`);
      expect(signIn.status).toBe(200);
      expect(await signIn.text()).toContain('<html');

      const client = await signedInClient(server);
      const app = await client.get('/account');
      expect(app.status).toBe(200);
      expect(String(app.data)).toContain('Built');

      // SIGTERM: readiness goes 503 first, while the node still serves through the drain delay.
      process.kill(server.pid, 'SIGTERM');
      while (!server.output().includes('draining: readiness is now 503')) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const readyAfter = await fetch(`${server.url}/api/health/ready`);
      expect(readyAfter.status).toBe(503);
      expect(await readyAfter.json()).toMatchObject({ status: 'unready', draining: true });
      expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);
      expect((await fetch(`${server.url}/pricing`)).status).toBe(200);
    } finally {
      const exit = await server.stop('SIGTERM');
      expect(exit).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain('"msg":"stopped"');
    }
  });

  it('serves robots.txt, a sitemap, canonical URLs and Open Graph cards built from the APP_URL it runs with, not the one it was built with', async () => {
    const appUrl = 'https://app.plinth.example';
    const server = await startBuiltServer({
      env: { ...productionEnv(testDb, await freePort()), APP_URL: appUrl },
    });
    try {
      const robots = await fetch(`${server.url}/robots.txt`);
      expect(robots.status).toBe(200);
      const robotsText = await robots.text();
      expect(robotsText).toContain(`Sitemap: ${appUrl}/sitemap.xml`);
      for (const path of ['/app', '/w/', '/account', '/admin', '/api/'])
        expect(robotsText).toContain(`Disallow: ${path}`);

      const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
      const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
      expect(listed).toEqual(
        ['/', '/pricing', '/sign-up', '/sign-in', '/terms', '/privacy'].map((path) => `${appUrl}${path}`),
      );
      // Every page the sitemap lists answers (the sitemap never advertises a 404).
      for (const path of ['/', '/pricing', '/sign-up', '/sign-in', '/terms', '/privacy']) {
        expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
      }

      for (const [path, canonical] of [
        ['/', appUrl],
        ['/pricing', `${appUrl}/pricing`],
        ['/terms', `${appUrl}/terms`],
      ] as const) {
        const html = await (await fetch(`${server.url}${path}`)).text();
        expect(html, path).toContain(`<link rel="canonical" href="${canonical}"/>`);
        expect(html, path).toContain(`<meta property="og:url" content="${canonical}"/>`);
        expect(html, path).toContain('<meta name="twitter:card" content="summary_large_image"/>');
        const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
        expect(image, path).toMatch(new RegExp(`^${appUrl}/`));
        // The card itself is a real PNG, served by this node (the configured host is not this one).
        const card = await fetch(`${server.url}${new URL(image!).pathname}`);
        expect(card.status, path).toBe(200);
        expect(card.headers.get('content-type')).toBe('image/png');
        expect(
          Buffer.from(await card.arrayBuffer())
            .subarray(1, 4)
            .toString(),
        ).toBe('PNG');
      }
      // The pricing page has a card of its own.
      const pricing = await (await fetch(`${server.url}/pricing`)).text();
      expect(pricing).toMatch(
        new RegExp(`<meta property="og:image" content="${appUrl}/pricing/opengraph-image`),
      );
    } finally {
      await server.stop('SIGTERM');
    }
  });

  it('refuses a database a newer release migrated: exit 1, the reason in one message, no stack trace', async () => {
    const newer = shippedMigrations().at(-1)!.when + 86_400_000;
    await testDb.owner.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('newer', ${newer})`,
    );
    try {
      const error = await rejectionOf(startBuiltServer({ env: productionEnv(testDb, await freePort()) }));
      const output = (error as Error).message;
      expect(output).toContain('the production server exited before it started');
      expect(output).toContain(
        'Plinth did not start:\n  DATABASE_URL: the database has 1 migration(s) newer',
      );
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      await testDb.owner.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = ${newer}`,
      );
    }
  });

  describe('installed with npm ci --omit=dev', () => {
    let copy: string | undefined;
    beforeAll(async () => {
      // A fresh checkout of this tree (tracked and new files, as a clone would have them) plus the
      // build outputs a deploy copies, installed without devDependencies.
      copy = await mkdtemp(path.join(tmpdir(), 'plinth-omit-dev-'));
      const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
        cwd: repoRoot,
        encoding: 'utf8',
      })
        .split('\0')
        .filter(Boolean);
      for (const file of files) {
        await cp(path.join(repoRoot, file), path.join(copy, file)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error; // deleted in the work tree, not yet committed
        });
      }
      await cp(path.join(repoRoot, 'apps/server/dist'), path.join(copy, 'apps/server/dist'), {
        recursive: true,
      });
      await cp(path.join(repoRoot, 'apps/web/.next'), path.join(copy, 'apps/web/.next'), {
        recursive: true,
        filter: (source) => !source.includes(`${path.sep}.next${path.sep}cache`),
      });
      execFileSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
        cwd: copy,
        stdio: 'ignore',
      });
      // better-auth lists tsx, vitest and drizzle-kit as optional peers, so npm keeps what it finds
      // in the lockfile; remove the build tools outright to prove nothing at run time needs them.
      for (const tool of ['tsx', 'typescript', 'esbuild', 'vitest', 'drizzle-kit']) {
        await rm(path.join(copy, 'node_modules', tool), { recursive: true, force: true });
      }
    }, 300_000);
    afterAll(async () => {
      if (copy) await rm(copy, { recursive: true, force: true });
    });

    it('npm start serves the API and pages without devDependencies, tsx or TypeScript', async () => {
      const server = await startBuiltServer({
        env: productionEnv(testDb, await freePort()),
        command: 'npm start',
        cwd: copy!,
      });
      try {
        const commands = processTree(server.pid);
        expect(commands.some((argv) => argv.includes('apps/server/dist/main.js'))).toBe(true);
        expect(commands.flat().some((arg) => /tsx|typescript/.test(arg))).toBe(false);
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
        expect((await fetch(`${server.url}/pricing`)).status).toBe(200);
      } finally {
        // npm relays the signal to its script; the server drains and stops.
        await server.stop('SIGTERM');
        expect(server.output()).toContain('"msg":"stopped"');
      }
    });
  });
});
