import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { createDatabase } from '@plinth/db';
import { withDatabaseName } from '@plinth/db/admin';
import { freePort, HttpClient, rowChecksum, WRITABLE_TABLES } from '@plinth/testing';
import { inject } from 'vitest';
import { prepareDatabase } from '../../apps/server/src/prepare-database';
import { DEMO_PASSWORD, seedDemoData } from '../../apps/server/src/seed/seed-demo';
import { startPlinth, type RunningPlinth } from '../../apps/server/src/start';

// The backup and restore drill of docs/runbooks/restore-from-backup.md, run for real: a migrated,
// seeded database is dumped with pg_dump (custom format), restored with pg_restore into a new
// database, and the app started on the restore serves the same data as the original.
//
// pg_dump refuses a server newer than itself, so the drill needs a server no newer than the client
// tools: the test server when it qualifies (the embedded one is 18, Debian bookworm's tools 15),
// else the machine's PostgreSQL service on 127.0.0.1:5432 (fresh databases there). With neither,
// it is skipped and says why.

const MACHINE_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const logger = createLogger({ level: 'silent' });

function clientMajor(): number | undefined {
  try {
    const version = execFileSync('pg_dump', ['--version'], { encoding: 'utf8' });
    return Number(/\(PostgreSQL\) (\d+)/.exec(version)?.[1]);
  } catch {
    return undefined;
  }
}

async function serverMajor(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    return Math.floor(Number(rows[0]!.v) / 10_000);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Where the drill can run, or why it cannot. */
async function drillServer(): Promise<{ url: string } | { skip: string }> {
  const major = clientMajor();
  if (!major) return { skip: 'pg_dump is not installed (Debian: postgresql-client)' };
  const testServer = inject('plinthTest').serverUrl;
  const dumpable = (server: number | undefined) => server !== undefined && server <= major;
  if (dumpable(await serverMajor(testServer))) return { url: testServer };
  if (dumpable(await serverMajor(MACHINE_SERVER))) return { url: MACHINE_SERVER };
  return {
    skip:
      `pg_dump ${major} needs a PostgreSQL server of version ${major} or older: the test server is ` +
      `${await serverMajor(testServer)} and ${MACHINE_SERVER} is not reachable or newer`,
  };
}

const server = await drillServer();
if ('skip' in server) console.info(`restore drill skipped: ${server.skip}`);

describe.skipIf('skip' in server)('backup and restore drill (pg_dump / pg_restore)', () => {
  const serverUrl = 'url' in server ? server.url : '';
  const tag = randomBytes(4).toString('hex');
  const names = { source: `plinth_drill_src_${tag}`, restored: `plinth_drill_dst_${tag}` };
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', API_RATE_LIMIT_SCALE: '1000' });
  const nodes: RunningPlinth[] = [];
  let dumpDir: string;
  let login: { email: string; workspace: string };

  beforeAll(async () => {
    dumpDir = await mkdtemp(path.join(tmpdir(), 'plinth-drill-'));
    const source = withDatabaseName(serverUrl, names.source);
    await admin(serverUrl, `create database "${names.source}"`);
    await prepareDatabase(env, source);
    const app = createDatabase(appDatabaseUrl(env, source), { max: 2 });
    const summary = await seedDemoData(app).finally(() => app.close());
    login = summary.logins.find((entry) => entry.role === 'owner')!;
  }, 120_000);

  afterAll(async () => {
    for (const node of nodes) await node.stop();
    for (const name of Object.values(names)) {
      await admin(serverUrl, `drop database if exists "${name}" with (force)`).catch(() => {});
    }
    if (dumpDir) await rm(dumpDir, { recursive: true, force: true });
  });

  /** The owner's view over HTTP: their workspaces and each one's projects, as the API returns them. */
  async function ownersView(node: RunningPlinth): Promise<unknown> {
    const client = new HttpClient(node.url!);
    const signIn = await client.post('/api/auth/sign-in/email', {
      email: login.email,
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    const workspaces = await client.get('/api/v1/workspaces');
    expect(workspaces.status).toBe(200);
    const slugs = (workspaces.data.items as { slug: string }[]).map(({ slug }) => slug);
    expect(slugs).toContain(login.workspace);
    const projects = await Promise.all(
      slugs.map(async (slug) => {
        const page = await client.get(`/api/v1/workspaces/${slug}/projects`);
        expect(page.status).toBe(200);
        return page.data;
      }),
    );
    return { workspaces: workspaces.data, projects };
  }

  it('restores a seeded database into a new one; the app started on the restore serves the same data', async () => {
    const source = withDatabaseName(serverUrl, names.source);
    const restored = withDatabaseName(serverUrl, names.restored);
    const dump = path.join(dumpDir, 'plinth.dump');
    execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, source]);
    await admin(serverUrl, `create database "${names.restored}"`);
    execFileSync('pg_restore', ['--exit-on-error', '--single-transaction', `--dbname=${restored}`, dump]);

    // Row for row, every table a request can write, and the job queue's schema came along.
    const [before, after] = await Promise.all(
      [source, restored].map(async (url) => {
        const owner = createDatabase(url, { max: 1 });
        try {
          return await rowChecksum(owner, [...WRITABLE_TABLES, 'entitlement', `${env.jobsSchema}.job`]);
        } finally {
          await owner.close();
        }
      }),
    );
    expect(after).toEqual(before);
    expect(before!['project']).not.toMatch(/^0:/);

    // Started as production starts it: prepare (nothing to migrate), then serve.
    await prepareDatabase(env, restored);
    for (const url of [source, restored]) {
      // Its own APP_URL: sign-in accepts only the app's own Origin.
      const port = await freePort();
      const nodeEnv = {
        ...env,
        role: 'api' as const,
        port,
        host: '127.0.0.1',
        appUrl: `http://localhost:${port}`,
      };
      nodes.push(await startPlinth(nodeEnv, url, { logger }));
    }
    const [original, restoredNode] = nodes as [RunningPlinth, RunningPlinth];
    const ready = await fetch(`${restoredNode.url}/api/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ready', migrations: 'current' });
    const view = await ownersView(original);
    expect(
      (view as { projects: { items: unknown[] }[] }).projects.some((page) => page.items.length > 0),
    ).toBe(true);
    expect(await ownersView(restoredNode)).toEqual(view);
  });
});
