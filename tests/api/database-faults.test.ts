// First: Next's request scope must be possible before any module of the app loads Next.
import { asServerActions } from '../next-request';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createSessionReader } from '@plinth/core/identity';
import { createLogger } from '@plinth/core/logger';
import { createFlagStore, flagCatalog } from '@plinth/core/flags';
import { provideServerContext } from '@plinth/core/server-context';
import { classifyDatabaseError, createDatabase, type Database } from '@plinth/db';
import {
  ensureDatabaseExists,
  startEmbeddedPostgres,
  withDatabaseName,
  type EmbeddedPostgresHandle,
} from '@plinth/db/admin';
import { rejectionOf, type TestDatabase } from '@plinth/testing';
import { prepareDatabase } from '../../apps/server/src/prepare-database';
import * as projectActions from '../../apps/web/app/(signed-in)/w/[slug]/projects/actions';
import { useIdentityApp } from '../identity/identity-app';
import { PASSWORD, signedInPerson, type Person } from '../tenancy/people';

// The database goes away under a running app — stopped, then frozen (SIGSTOP: the sockets stay open
// and nothing answers) — and comes back. The app runs on a Postgres cluster of this file's own, as
// two real nodes (API and worker), with tight client-side bounds so the test is quick. Every request
// meanwhile must answer 503 `unavailable` with Retry-After instead of a 500 or a hang, nothing may
// crash the process, and once the database is back the same nodes must serve again, jobs included.

// Server actions run as Next calls them: in Next's own request scope (tests/next-request.ts), with
// the request's headers from next/headers.
const request = { headers: new Headers() };
const { createProjectAction } = asServerActions(projectActions, () => request.headers);

// Small enough for a quick test, large enough for a busy machine to connect in time when all is well.
const bounds = { connectMs: 2_500, queryMs: 3_000, statementMs: 2_000 };
/** Far above the bounds: a request still unanswered by then is hanging, which is the failure. */
const HANGING_MS = 15_000;

const cluster = useOwnCluster();
const app = useIdentityApp(cluster.testDb);
let person: Person;
let slug: string;
let apiKeySecret: string;
/** The pool a web node would give its pages and server actions, with the same bounds as the API's. */
let webPool: Database | undefined;
afterAll(async () => {
  await webPool?.close();
});

beforeAll(async () => {
  person = await signedInPerson(app, cluster.testDb, 'faults');
  slug = `faults-${Date.now() % 100_000}`;
  const created = await person.client.post('/api/v1/workspaces', { name: 'Faults', slug });
  expect(created.status).toBe(201);
  const key = await person.client.post(`/api/v1/workspaces/${slug}/api-keys`, {
    name: 'ops',
    scopes: ['project.read', 'project.create'],
  });
  expect(key.status).toBe(201);
  apiKeySecret = (key.data as { secret: string }).secret;
  // Pages and server actions of a web node on the same database.
  const { testDb } = cluster;
  webPool = createDatabase(testDb.appUrl, {
    max: 4,
    connectTimeoutMs: bounds.connectMs,
    queryTimeoutMs: bounds.queryMs,
  });
  provideServerContext({
    env: testDb.env,
    logger: createLogger({ level: 'silent' }),
    database: webPool,
    jobs: undefined as never,
    flags: createFlagStore({ database: webPool, definitions: flagCatalog, environment: 'test' }),
    readSession: createSessionReader({
      database: webPool,
      secret: testDb.env.auth.secret,
      production: false,
    }),
  });
  // A browser sends the app's own Origin on every POST; a server action refuses one without it.
  request.headers = new Headers({
    cookie: [...person.client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    origin: new URL(testDb.env.appUrl).origin,
  });
});

/** A request as the signed-in person (or with the API key), given up on only if it hangs. */
async function call(
  pathname: string,
  init: { method?: string; json?: unknown; key?: boolean } = {},
): Promise<{ status: number; body: Record<string, unknown> | undefined; retryAfter: string | null }> {
  const headers: Record<string, string> = init.key
    ? { authorization: `Bearer ${apiKeySecret}` }
    : {
        origin: app.url,
        cookie: [...person.client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${app.url}${pathname}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    signal: AbortSignal.timeout(HANGING_MS),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    retryAfter: response.headers.get('retry-after'),
  };
}

/** What a client would send while the database is away: reads and writes, by session and by key. */
const requestsDuringOutage = () => [
  { label: 'list projects (session)', run: () => call(`/api/v1/workspaces/${slug}/projects`) },
  {
    label: 'create a project (session)',
    run: () => call(`/api/v1/workspaces/${slug}/projects`, { method: 'POST', json: { name: 'During' } }),
  },
  { label: 'list projects (API key)', run: () => call(`/api/v1/workspaces/${slug}/projects`, { key: true }) },
  { label: 'me', run: () => call('/api/v1/me') },
  { label: 'my workspaces', run: () => call('/api/v1/workspaces') },
  // better-auth's own routes: it catches database errors itself and answers a 500 of its own.
  { label: 'get-session', run: () => call('/api/auth/get-session') },
  {
    label: 'sign-in',
    run: () =>
      call('/api/auth/sign-in/email', { method: 'POST', json: { email: person.email, password: PASSWORD } }),
  },
];

async function expectUnavailableEverywhere(): Promise<void> {
  // All at once, as clients would keep coming: each must be answered within the bounds.
  // The health probe and a server action arrive among them, not after them.
  const requests = requestsDuringOutage();
  const [answers, health, action] = await Promise.all([
    Promise.all(requests.map((request) => request.run())),
    call('/api/health'),
    createProjectAction(slug, { name: 'During' }),
  ]);
  for (const [index, answer] of answers.entries()) {
    const label = `${requests[index]!.label} → ${answer.status} ${JSON.stringify(answer.body)}`;
    expect(answer.status, label).toBe(503);
    expect(answer.body, label).toMatchObject({
      error: { code: 'unavailable', message: expect.any(String), request_id: expect.any(String) },
    });
    expect(answer.retryAfter, label).toMatch(/^[1-9]\d*$/);
  }
  expect(health.status).toBe(503);
  expect(health.body).toMatchObject({ db: 'down' });
  // A server action answers the same envelope as a value, for the form to show.
  expect(action).toMatchObject({
    ok: false,
    error: { code: 'unavailable', message: expect.stringMatching(/temporarily unavailable/) },
  });
}

/** The app serves again: the first success may take a reconnect; then every request succeeds. */
async function expectRecovered(): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await call(`/api/v1/workspaces/${slug}/projects`);
    if (answer.status === 200) break;
    if (Date.now() > deadline)
      throw new Error(`not recovered: ${answer.status} ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const burst = await Promise.all([
    ...Array.from({ length: 8 }, () => call(`/api/v1/workspaces/${slug}/projects`)),
    call(`/api/v1/workspaces/${slug}/projects`, { key: true }),
    call('/api/v1/me'),
    call('/api/health'),
  ]);
  expect(burst.map((answer) => answer.status)).toEqual(Array.from({ length: burst.length }, () => 200));
}

/** Jobs still run: an invitation's mail goes through the outbox relay and the mail worker. */
async function expectWorkersRunning(label: string): Promise<void> {
  const since = new Date();
  const email = `after-${label}-${Date.now()}@example.test`;
  const sent = await call(`/api/v1/workspaces/${slug}/invitations`, {
    method: 'POST',
    json: { email, role: 'viewer' },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  const mail = await app.mailTo(email, since);
  expect(mail.text).toContain('/invitations/accept');
}

describe('when the database goes away', () => {
  it('stopped: every request is a 503 envelope with Retry-After, health says down; after a restart the same nodes serve and work again', async () => {
    expect((await call(`/api/v1/workspaces/${slug}/projects`)).status).toBe(200);
    await cluster.stop();
    try {
      await expectUnavailableEverywhere();
    } finally {
      await cluster.start();
    }
    await expectRecovered();
    await expectWorkersRunning('restart');
  }, 90_000);

  it('frozen (SIGSTOP): requests answer 503 within the bounds instead of hanging; after SIGCONT they succeed again', async () => {
    await expectRecovered();
    await cluster.freeze();
    try {
      await expectUnavailableEverywhere();
    } finally {
      await cluster.thaw();
    }
    await expectRecovered();
    await expectWorkersRunning('thaw');
  }, 90_000);

  it('a transaction whose BEGIN gets no answer gives its connection back: the pool is whole after the freeze', async () => {
    // drizzle's transaction() releases its client only after BEGIN succeeded; a BEGIN that timed out
    // used to keep the connection checked out for good. Two of them emptied this pool of two.
    const database = createDatabase(cluster.testDb.appUrl, {
      max: 2,
      connectTimeoutMs: bounds.connectMs,
      queryTimeoutMs: bounds.queryMs,
    });
    try {
      await Promise.all([database.pool.query('select 1'), database.pool.query('select 1')]);
      await cluster.freeze();
      try {
        // Both at once, each on one of the pool's two connections: both BEGINs go unanswered.
        const failures = await Promise.all(
          Array.from({ length: 2 }, () =>
            rejectionOf(database.db.transaction((tx) => tx.execute(sql`select 1`))),
          ),
        );
        for (const failed of failures) {
          expect(classifyDatabaseError(failed), String(failed)).toBe('unavailable');
        }
      } finally {
        await cluster.thaw();
      }
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          database.db.transaction((tx) => tx.execute<{ one: number }>(sql`select 1 as one`)),
        ),
      );
      expect(results.map((result) => result.rows[0]!.one)).toEqual([1, 1, 1, 1]);
    } finally {
      await database.close();
    }
  }, 60_000);
});

interface OwnCluster {
  /** The app's test database on this cluster, shaped like useTestDatabase's. */
  testDb: TestDatabase;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP every process of the cluster: connections stay open and nothing answers. */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
}

/**
 * A Postgres cluster for this file alone (the shared test server must not be stopped under the other
 * files), with a database prepared exactly like production. Stopped and restarted on the same port
 * and data directory, so the app's connection strings stay valid.
 */
function useOwnCluster(): OwnCluster {
  let root = '';
  let dataDir = '';
  let port = 0;
  let handle: EmbeddedPostgresHandle | undefined;
  let frozen: number[] = [];
  let closing = false;
  const state: Partial<TestDatabase> = {};
  // If this process dies mid-freeze, the cluster must not stay stopped for ever: continue it, and
  // the stop the embedded launcher sends on exit then takes effect.
  const continueOnExit = () => signal(frozen, 'SIGCONT');
  beforeAll(async () => {
    process.once('exit', continueOnExit);
    root = await mkdtemp(path.join(tmpdir(), 'plinth-faults-'));
    dataDir = path.join(root, 'data');
    handle = await startEmbeddedPostgres({ dataDir, port: 0, disposable: true });
    port = handle.port;
    await ensureDatabaseExists(handle.url, 'plinth_faults');
    const ownerUrl = withDatabaseName(handle.url, 'plinth_faults');
    const env = loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: ownerUrl,
      DATABASE_POOL_MAX: '4',
      DATABASE_CONNECT_TIMEOUT_MS: String(bounds.connectMs),
      DATABASE_QUERY_TIMEOUT_MS: String(bounds.queryMs),
      DATABASE_STATEMENT_TIMEOUT_MS: String(bounds.statementMs),
      API_RATE_LIMIT_SCALE: '1000',
      OUTBOX_RELAY_INTERVAL_MS: '200',
    });
    await prepareDatabase(env, ownerUrl);
    const appUrl = appDatabaseUrl(env, ownerUrl);
    // The test's own pools (arranging state, reading mail) keep the default bounds; only the app's
    // nodes run with the tight ones.
    Object.assign(state, {
      name: 'plinth_faults',
      ownerUrl,
      appUrl,
      env,
      app: createDatabase(appUrl, { max: 3 }),
      owner: createDatabase(ownerUrl, { max: 2 }),
    });
  }, 120_000);
  afterAll(async () => {
    // A test that timed out may still be running: it can no longer freeze anything, and what it froze
    // is continued before anything below waits on the server.
    closing = true;
    process.off('exit', continueOnExit);
    if (frozen.length > 0) signal(frozen, 'SIGCONT');
    frozen = [];
    await Promise.all([state.app, state.owner].map((pool) => settleWithin(pool?.close(), 5_000)));
    await handle?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });
  const testDb = new Proxy(state as TestDatabase, {
    get(target, property: string) {
      const value = target[property as keyof TestDatabase];
      if (value === undefined) throw new Error(`own cluster not ready: read "${property}" inside a test`);
      return value;
    },
  });
  return {
    testDb,
    async stop() {
      await handle?.stop();
      handle = undefined;
    },
    async start() {
      handle = await startEmbeddedPostgres({ dataDir, port, disposable: true });
    },
    async freeze() {
      if (closing) throw new Error('the cluster is being torn down');
      // The postmaster first (so it forks nothing new), then every process it started: backends,
      // checkpointer, I/O workers. Postgres puts each child in a session of its own, so a process
      // group signal would miss them.
      const postmaster = Number(
        (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
      );
      signal([postmaster], 'SIGSTOP');
      frozen = [postmaster, ...(await childrenOf(postmaster))];
      signal(frozen, 'SIGSTOP');
    },
    async thaw() {
      signal([...frozen].reverse(), 'SIGCONT');
      frozen = [];
    },
  };
}

/** Waits for `promise` at most `ms`: a pool whose server is gone must not hold the teardown. */
async function settleWithin(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise?.catch(() => {}),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

function signal(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // Exited meanwhile (a backend whose client went away): nothing to stop or continue.
    }
  }
}

/** Direct children of `parent`, from /proc (Linux). */
async function childrenOf(parent: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === parent) children.push(Number(entry));
  }
  return children;
}
