import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plinth/testing';
import {
  embeddedPasswordFile,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedPostgresExit,
  type EmbeddedPostgresHandle,
} from './embedded';

// The embedded cluster must prove it is ours before anything uses it: a second checkout (another
// data directory on the same port) or a second run on the same data must never reach, migrate or
// stop the first one's database (issue 10, defect 11).

let root: string;
const started: EmbeddedPostgresHandle[] = [];

async function start(
  name: string,
  port = 0,
  extra: Partial<Parameters<typeof startEmbeddedPostgres>[0]> = {},
) {
  const handle = await startEmbeddedPostgres({
    dataDir: path.join(root, name),
    port,
    purpose: 'the test',
    ...extra,
  });
  started.push(handle);
  return handle;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const withPassword = (url: string, password: string) => {
  const changed = new URL(url);
  changed.password = password;
  return changed.toString();
};

let first: EmbeddedPostgresHandle;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'plinth-embedded-test-'));
  first = await start('first');
  await query(
    first.url,
    `create table marker (note text); insert into marker values ('the first one''s data')`,
  );
}, 60_000);

afterAll(async () => {
  for (const handle of started.reverse()) await handle.stop().catch(() => {});
  await rm(root, { recursive: true, force: true });
});

async function assertFirstIntact() {
  expect(await query<{ note: string }>(first.url, 'select note from marker')).toEqual([
    { note: "the first one's data" },
  ]);
}

describe('one embedded cluster per data directory, on a port of its own', () => {
  it('gives each cluster its own random superuser password, in a 0600 file beside it', async () => {
    const file = embeddedPasswordFile(path.join(root, 'first'));
    expect(first.passwordFile).toBe(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const password = (await readFile(file, 'utf8')).trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new URL(first.url).password).toBe(password);
    // The fixed development password of old opens nothing.
    const legacy = await rejectionOf(query(withPassword(first.url, 'plinth-dev'), 'select 1'));
    expect(legacy).toMatchObject({ code: '28P01' });

    const other = await start('other');
    expect((await readFile(other.passwordFile, 'utf8')).trim()).not.toBe(password);
    await other.stop();
  });

  it("flushes to disk by default; a disposable cluster (the test suite's) skips fsync, full-page writes and synchronous commit", async () => {
    const settings = `select name, setting from pg_settings
      where name in ('fsync', 'full_page_writes', 'synchronous_commit') order by name`;
    expect(await query(first.url, settings)).toEqual([
      { name: 'fsync', setting: 'on' },
      { name: 'full_page_writes', setting: 'on' },
      { name: 'synchronous_commit', setting: 'on' },
    ]);
    const throwaway = await start('throwaway', 0, { disposable: true });
    expect(await query(throwaway.url, settings)).toEqual([
      { name: 'fsync', setting: 'off' },
      { name: 'full_page_writes', setting: 'off' },
      { name: 'synchronous_commit', setting: 'off' },
    ]);
    await throwaway.stop();
  });

  it("a second data directory on the first one's port fails fast, naming what holds it, and creates nothing", async () => {
    const error = await rejectionOf(start('second-checkout', first.port));
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect((error as EmbeddedPostgresError).reason).toBe('port_in_use');
    expect((error as Error).message).toContain(`Port ${first.port} on 127.0.0.1 is already in use`);
    if (process.platform === 'linux') {
      expect((error as Error).message).toContain(`serving ${path.join(root, 'first')}`);
    }
    // Refused before initdb: no cluster, no password, no lock left behind.
    const dataDir = path.join(root, 'second-checkout');
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    await assertFirstIntact();
  });

  it('a second server on the same data directory is refused while its owner lives, and the first keeps running', async () => {
    const error = await rejectionOf(start('first', 0));
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect(error).toMatchObject({ reason: 'in_use', details: { holderPid: process.pid, port: first.port } });
    expect((error as Error).message).toMatch(
      /in use by another process \(the test, pid \d+, Postgres on 127\.0\.0\.1:\d+\)/,
    );
    await assertFirstIntact();
  });

  it('a one-off command may attach to the running server, and leaves it running when it stops', async () => {
    const attached = await start('first', 0, { whenInUse: 'attach' });
    expect(attached).toMatchObject({ owned: false, created: false, port: first.port });
    expect(await query<{ note: string }>(attached.url, 'select note from marker')).toHaveLength(1);
    await attached.stop();
    await assertFirstIntact();
  });

  it('reports an unexpected exit of the server, and stop() still settles', async () => {
    const exits: EmbeddedPostgresExit[] = [];
    const doomed = await start('doomed', 0, { onUnexpectedExit: (exit) => exits.push(exit) });
    const pid = Number((await readFile(path.join(root, 'doomed', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => exits.length, { timeout: 10_000 }).toBe(1);
    expect(exits[0]).toMatchObject({ signal: 'SIGKILL' });
    await doomed.stop();
    expect(existsSync(path.join(root, 'doomed.lock'))).toBe(false);
  });

  it('a stale lock of a dead run is taken over, and its orphaned server stopped first', async () => {
    const crashed = await start('crashed');
    await query(crashed.url, `create table survived (n int); insert into survived values (42)`);
    // As if the owning process had been killed: its lock names a pid that is gone, its server runs on.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    const lockFile = path.join(root, 'crashed.lock');
    const lock = JSON.parse(await readFile(lockFile, 'utf8')) as Record<string, unknown>;
    await writeFile(lockFile, JSON.stringify({ ...lock, pid: deadPid, startedAt: null }));

    const next = await start('crashed');
    expect(next).toMatchObject({ owned: true, created: false });
    expect(await query<{ n: number }>(next.url, 'select n from survived')).toEqual([{ n: 42 }]);
  });

  it('a cluster from before per-cluster passwords gets its own on its next start', async () => {
    const old = await start('legacy');
    await query(old.url, `alter role postgres password 'plinth-dev'`);
    await old.stop();
    await unlink(old.passwordFile);

    const upgraded = await start('legacy');
    const password = (await readFile(upgraded.passwordFile, 'utf8')).trim();
    expect(password).not.toBe('plinth-dev');
    expect((await stat(upgraded.passwordFile)).mode & 0o777).toBe(0o600);
    expect(await query(upgraded.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    expect(await rejectionOf(query(withPassword(upgraded.url, 'plinth-dev'), 'select 1'))).toMatchObject({
      code: '28P01',
    });
  });
});
