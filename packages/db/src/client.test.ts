import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@plinth/testing';
import { createDatabase, type Database, type LookupAll } from './client';
import { classifyDatabaseError } from './errors';
import { withTenant } from './tenant';

// What the pool does when a connection dies under it or a statement gets no answer in time: the
// process survives, the failure is reported, and the pool never hands out (or loses) a dead client.

const testDb = useTestDatabase();
const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.close()));
});

function pool(options: Parameters<typeof createDatabase>[1]): Database {
  const database = createDatabase(testDb.appUrl, options);
  opened.push(database);
  return database;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );
}

describe('a lost connection', () => {
  it('terminated while a transaction holds it between statements: reported, not a crash; the pool reconnects', async () => {
    const lost: Error[] = [];
    const database = pool({ max: 1, onConnectionError: (error) => lost.push(error) });
    const workspaceId = '01900000-0000-7000-8000-00000000000a';
    const outcome = failure(
      withTenant(database, workspaceId, { type: 'system', id: 'test' }, async (tx) => {
        const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        // The client is checked out and idle when its backend is terminated: pg emits 'error' on
        // it, which used to have no listener and end the process.
        await testDb.owner.pool.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.execute(sql`select 1`);
      }),
    );
    expect(classifyDatabaseError(await outcome)).toBe('unavailable');
    expect(lost.length).toBeGreaterThan(0);
    const { rows } = await database.pool.query<{ one: number }>('select 1 as one');
    expect(rows[0]!.one).toBe(1);
  });
});

describe('a statement without an answer in time (query_timeout)', () => {
  it('fails on the client, and its connection leaves the pool instead of blocking the next query', async () => {
    // One connection: if the timed-out client came back with its statement still running, the next
    // query would queue behind pg_sleep and time out too.
    const database = pool({ max: 1, queryTimeoutMs: 300 });
    const timedOut = await failure(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(5)`);
      }),
    );
    expect(classifyDatabaseError(timedOut), String(timedOut)).toBe('unavailable');
    const { rows } = await database.pool.query<{ one: number }>('select 1 as one');
    expect(rows[0]!.one).toBe(1);
    const viaDrizzle = await database.db.execute<{ two: number }>(sql`select 2 as two`);
    expect(viaDrizzle.rows[0]!.two).toBe(2);
  });

  it('a failed pool query releases its client once: the pool keeps its full size', async () => {
    const database = pool({ max: 2, queryTimeoutMs: 300 });
    await Promise.all([
      failure(database.pool.query('select pg_sleep(5)')),
      failure(database.db.execute(sql`select pg_sleep(5)`)),
    ]);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => database.pool.query('select $1::int as n', [index])),
    );
    expect(results.map((result) => result.rows[0].n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(database.pool.totalCount).toBeLessThanOrEqual(2);
  });
});

describe('the database host named, while name resolution stalls', () => {
  // The test database by a name only this resolver knows; `stalled` makes it answer nothing, as a
  // DNS server that drops queries does (podman's aardvark-dns while containers join its network).
  function namedResolver() {
    const state = { stalled: false, calls: 0, address: '' };
    const lookup: LookupAll = (hostname, callback) => {
      state.calls++;
      if (state.stalled) return;
      callback(null, hostname === 'db.plinth.test' ? [{ address: state.address, family: 4 }] : []);
    };
    return { state, lookup };
  }
  function namedUrl(): { url: string; address: string } {
    const url = new URL(testDb.appUrl);
    const address = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname;
    url.hostname = 'db.plinth.test';
    return { url: url.toString(), address };
  }

  it('new connections use the last address the resolver gave, and ask it once at a time', async () => {
    const { url, address } = namedUrl();
    const { state, lookup } = namedResolver();
    state.address = address;
    const database = createDatabase(url, { max: 6, connectTimeoutMs: 3_000, lookup });
    opened.push(database);
    await database.pool.query('select 1');
    expect(state.calls).toBe(1);
    state.stalled = true;
    // Six statements at once: five connections to open while the resolver answers nothing. They
    // used to wait for it until the connect timeout and fail ("timeout exceeded when trying to
    // connect" for the statements queued behind them).
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        database.pool.query('select $1::int as n, pg_sleep(0.2)', [index]),
      ),
    );
    expect(results.map((result) => result.rows[0].n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(database.pool.totalCount).toBe(6);
    // One resolution asked while it stalls (not one per connection: each holds a libuv thread).
    expect(state.calls).toBe(2);
  });

  it('without an earlier answer, a stalled resolver fails the connection at the connect timeout', async () => {
    const { url } = namedUrl();
    const { state, lookup } = namedResolver();
    state.stalled = true;
    const database = createDatabase(url, { max: 1, connectTimeoutMs: 500, lookup });
    opened.push(database);
    const error = await failure(database.pool.query('select 1'));
    expect(String(error)).toMatch(/timeout/);
  });
});
