import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runDevExpectingRefusal, startDevServer, type DevServer } from './dev-server';

// `npm run dev` on a fresh machine: embedded Postgres, migrations, seed, one URL; Ctrl-C stops
// everything; a second run reuses the data. The API role keeps this fast (no Next compile); the
// browser test covers pages.
//
// And it is safe next to another one (issue 10, defect 11): a second checkout on the same Postgres
// port, a second run on the same data, or a taken HTTP port each fail fast with a clear message and
// never touch the first one's database; Postgres dying under a dev server stops it with an error.

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function ownerQuery<T extends pg.QueryResultRow>(server: DevServer, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.ownerUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Signs a demo person in over HTTP, as the sign-in page would; returns the session cookie. */
async function signIn(server: DevServer, email = 'olivia.owner@acme.test'): Promise<string> {
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

async function projectNames(server: DevServer, cookie: string): Promise<string[]> {
  const response = await fetch(`${server.url}/api/v1/workspaces/acme/projects?limit=100`, {
    headers: { cookie },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { name: string }[] }).items.map((item) => item.name);
}

describe('npm run dev', () => {
  let first: DevServer | undefined;
  afterAll(async () => {
    if (first?.isRunning()) await first.interrupt();
  });

  it('starts from nothing, prints the URL, demo people and its psql line, and stops cleanly on Ctrl-C', async () => {
    first = await startDevServer({ role: 'api' });
    cleanup.push(first.dataDir);
    const output = first.output();
    expect(output).toContain('olivia.owner@acme.test');
    // A brand-new cluster, with a password of its own that the banner tells you how to use.
    expect(output).toContain('created a new embedded Postgres cluster (initdb)');
    const passwordFile = path.join(first.dataDir, 'postgres.password');
    expect(output).toContain(
      `psql "postgres://postgres:$(cat ${passwordFile})@127.0.0.1:${first.embeddedPgPort}/plinth"`,
    );
    expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
    expect(output).not.toContain('plinth-dev');
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
    await ownerQuery(first, `create table e2e_marker (note text); insert into e2e_marker values ('kept')`);

    expect(await first.interrupt()).toBe(true);
    expect(first.output()).not.toMatch(/"level":"(error|fatal)"/);
    // Postgres is gone too: it removes its pid file on a clean shutdown, and we our lock.
    expect(existsSync(path.join(first.dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(first.dataDir, 'postgres.lock'))).toBe(false);
  });

  it('a second run reuses the same cluster: no initdb, the same password, the same rows', async () => {
    const passwordBefore = await readFile(path.join(first!.dataDir, 'postgres.password'), 'utf8');
    const second = await startDevServer({ role: 'api', dataDir: first!.dataDir });
    try {
      const health = await fetch(`${second.url}/api/health`);
      expect(health.status).toBe(200);
      // The first run printed this line (asserted above); a reused cluster must not.
      expect(second.output()).not.toContain('initdb');
      expect(second.output()).toContain('reusing the embedded Postgres cluster');
      expect(await readFile(path.join(first!.dataDir, 'postgres.password'), 'utf8')).toBe(passwordBefore);
      expect(await ownerQuery(second, 'select note from e2e_marker')).toEqual([{ note: 'kept' }]);
    } finally {
      expect(await second.interrupt()).toBe(true);
    }
  });
});

describe('npm run dev next to another one', () => {
  let first: DevServer;
  let cookie: string;
  let prices: unknown[];
  // The last test ends the first server; if an earlier one failed, stop it here.
  afterAll(async () => {
    if (first?.isRunning()) await first.interrupt();
  });

  /** The first server still serves its own, untouched data. */
  async function assertFirstIntact() {
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
    expect(await projectNames(first, cookie)).toContain('Made before the second run');
    // A fresh sign-in works too (the session table and the auth rules are the first one's).
    expect(await projectNames(first, await signIn(first))).toContain('Made before the second run');
    // The Stripe price mirror is the first one's fake Stripe's, not rewritten by another run.
    expect(await ownerQuery(first, 'select id, lookup_key, active from price order by id')).toEqual(prices);
  }

  it('the first one runs, with a signed-in person, a project and its price mirror', async () => {
    first = await startDevServer({ role: 'api' });
    cleanup.push(first.dataDir);
    cookie = await signIn(first);
    const created = await fetch(`${first.url}/api/v1/workspaces/acme/projects`, {
      method: 'POST',
      headers: { cookie, origin: first.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Made before the second run' }),
    });
    expect(created.status).toBe(201);
    prices = await ownerQuery(first, 'select id, lookup_key, active from price order by id');
    expect(prices.length).toBeGreaterThan(0);
  });

  it("a second checkout on the same EMBEDDED_PG_PORT fails fast, naming the first one's database, and touches nothing", async () => {
    const second = await runDevExpectingRefusal({ role: 'api', embeddedPgPort: first.embeddedPgPort });
    cleanup.push(second.dataDir);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`Port ${first.embeddedPgPort} on 127.0.0.1 is already in use`);
    expect(second.output).toContain(`serving ${path.join(first.dataDir, 'postgres')}`);
    expect(second.output).toContain('EMBEDDED_PG_PORT');
    // Nothing of its own was created either: no cluster, no fake Stripe state.
    expect(existsSync(path.join(second.dataDir, 'postgres', 'PG_VERSION'))).toBe(false);
    expect(existsSync(path.join(second.dataDir, 'fake-stripe.json'))).toBe(false);
    await assertFirstIntact();
  });

  it('a second run on the same data is refused, and the first keeps its database', async () => {
    const second = await runDevExpectingRefusal({
      role: 'api',
      dataDir: first.dataDir,
      embeddedPgPort: first.embeddedPgPort,
    });
    expect(second.code).not.toBe(0);
    expect(second.output).toMatch(
      /is in use by another process \(npm run dev, pid \d+, Postgres on 127\.0\.0\.1:\d+\)/,
    );
    expect(second.output).toContain('PLINTH_DATA_DIR');
    await assertFirstIntact();
  });

  it('a taken HTTP port exits non-zero at once, before any database is created, migrated or seeded', async () => {
    const port = Number(new URL(first.url).port);
    // The full role: Next's own uncaughtException handler used to keep such a run hanging.
    const second = await runDevExpectingRefusal({ role: 'all', port });
    cleanup.push(second.dataDir);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`PORT ${port} on 127.0.0.1 is already in use`);
    expect(second.output).not.toContain('starting embedded Postgres');
    expect(existsSync(path.join(second.dataDir, 'postgres'))).toBe(false);
    expect(existsSync(path.join(second.dataDir, 'fake-stripe.json'))).toBe(false);
    await assertFirstIntact();
  });

  it('Postgres dying under a dev server is logged at error and stops it with a non-zero exit', async () => {
    const pidFile = path.join(first.dataDir, 'postgres', 'postmaster.pid');
    const postmaster = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    const { code } = await first.exited;
    expect(code).not.toBe(0);
    expect(first.output()).toMatch(/"level":"error"[^\n]*"msg":"the embedded Postgres exited unexpectedly"/);
    expect(existsSync(path.join(first.dataDir, 'postgres.lock'))).toBe(false);
  });
});
