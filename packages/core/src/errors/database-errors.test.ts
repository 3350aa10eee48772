import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort, rejectionOf, useTestDatabase } from '@plinth/testing';
import { toAppError, toErrorEnvelope } from './index';

// The last line behind the schemas: what Postgres itself refuses, and a database that is gone, map
// to the envelope on every surface (the API's error handler and server actions both call
// toErrorEnvelope/toAppError). Every error here is a real one, from a real server.

const testDb = useTestDatabase();

/** The error a statement raises on the app role's pool. */
async function failureOf(text: string, values: unknown[] = []): Promise<unknown> {
  return testDb.app.pool.query(text, values).then(
    () => expect.unreachable(`${text} succeeded`),
    (error: unknown) => error,
  );
}

describe('a value Postgres refuses is a 400 invalid_input, not a 500', () => {
  it.each([
    ['22021 NUL in text', 'select $1::text', ['a\u0000b']],
    ['22P05 NUL escaped in jsonb', `select ($1::jsonb)->>'a'`, ['{"a":"\\u0000"}']],
    ['22P02 not a uuid', 'select $1::uuid', ['not-a-uuid']],
    ['22003 integer out of range', 'select $1::int', ['99999999999']],
    ['22007 not a timestamp', 'select $1::timestamptz', ['yesterday-ish']],
    ['22008 a date out of range', 'select $1::date', ['2024-13-45']],
  ])('%s', async (_what, text, values) => {
    const error = await failureOf(text, values);
    const { status, body } = toErrorEnvelope(error, 'req-1');
    expect(status, String(error)).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_input', request_id: 'req-1' });
    // The envelope says what kind of problem, never the value or the SQL.
    expect(JSON.stringify(body)).not.toMatch(/select|\\u0000|uuid/i);
  });

  it('22001 a value too long for a varchar column', async () => {
    // A cast truncates silently; only storing into the column raises 22001.
    const client = await testDb.owner.pool.connect();
    try {
      await client.query('create temporary table too_long (v varchar(2))');
      const stored = await client.query('insert into too_long values ($1)', ['abc']).catch((e: unknown) => e);
      expect((stored as { code?: string }).code).toBe('22001');
      expect(toErrorEnvelope(stored, 'r')).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_input' } },
      });
    } finally {
      client.release(true);
    }
  });
});

describe('a database that is gone is a 503 unavailable with Retry-After', () => {
  it('a refused connection (ECONNREFUSED)', async () => {
    const port = await freePort();
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
    const error = await client.connect().then(
      () => expect.unreachable('connected'),
      (failure: unknown) => failure,
    );
    const appError = toAppError(error)!;
    expect(appError.code).toBe('unavailable');
    expect(appError.status).toBe(503);
    expect(appError.headers?.['Retry-After']).toMatch(/^\d+$/);
  });

  it('a connection the server terminated (57P01) and the client that lost it', async () => {
    const client = new pg.Client({ connectionString: testDb.appUrl });
    // pg emits the loss on the client as well as on the query; a real app listens (createDatabase).
    client.on('error', () => {});
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const pending = client.query('select pg_sleep(10)').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await testDb.owner.pool.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
    const terminated = await pending;
    expect(toAppError(terminated)?.code, String(terminated)).toBe('unavailable');
    const after = await client.query('select 1').catch((error: unknown) => error);
    expect(toAppError(after)?.code, String(after)).toBe('unavailable');
    await client.end().catch(() => {});
  });

  it('a statement cancelled by statement_timeout (57014) and a client-side query timeout', async () => {
    const client = await testDb.app.pool.connect();
    try {
      await client.query(`set statement_timeout = '50ms'`);
      const cancelled = await client.query('select pg_sleep(2)').catch((error: unknown) => error);
      expect((cancelled as { code?: string }).code).toBe('57014');
      expect(toAppError(cancelled)?.code).toBe('unavailable');
    } finally {
      client.release(true);
    }
    const bounded = new pg.Client({ connectionString: testDb.appUrl, query_timeout: 50 });
    await bounded.connect();
    const timedOut = await bounded.query('select pg_sleep(1)').catch((error: unknown) => error);
    expect(String(timedOut)).toMatch(/timeout/i);
    expect(toAppError(timedOut)?.code).toBe('unavailable');
    await bounded.end().catch(() => {});
  });

  it('too many connections (53300)', async () => {
    const role = `plinth_limited_${Date.now()}`;
    await testDb.owner.pool.query(
      `create role ${role} login password 'limited-password-1' connection limit 0`,
    );
    try {
      const url = new URL(testDb.ownerUrl);
      url.username = role;
      url.password = 'limited-password-1';
      const client = new pg.Client({ connectionString: url.toString() });
      const error = await rejectionOf(client.connect());
      expect((error as { code?: string }).code).toBe('53300');
      expect(toAppError(error)?.code).toBe('unavailable');
    } finally {
      await testDb.owner.pool.query(`drop role ${role}`);
    }
  });

  it('a transaction Postgres rolled back to resolve a conflict: serialization failure (40001) and deadlock (40P01)', async () => {
    // Both mean "the whole transaction was undone, nothing written, try again": a retriable 503.
    const table = `conflict_${Date.now()}`;
    await testDb.owner.pool.query(`create table ${table} (id int primary key, v int)`);
    const first = new pg.Client({ connectionString: testDb.ownerUrl });
    const second = new pg.Client({ connectionString: testDb.ownerUrl });
    await first.connect();
    await second.connect();
    try {
      await testDb.owner.pool.query(`insert into ${table} values (1, 0), (2, 0)`);
      // 40001: a repeatable-read transaction updates a row another one changed after its snapshot.
      await first.query('begin isolation level repeatable read');
      await first.query(`select v from ${table} where id = 1`);
      await second.query(`update ${table} set v = 1 where id = 1`);
      const serialization = await rejectionOf(first.query(`update ${table} set v = 2 where id = 1`));
      await first.query('rollback');
      expect((serialization as { code?: string }).code).toBe('40001');
      expect(toAppError(serialization)?.code).toBe('unavailable');
      expect(toErrorEnvelope(serialization, 'r').status).toBe(503);

      // 40P01: each holds the row the other wants next.
      await first.query(`set deadlock_timeout = '50ms'`);
      await second.query(`set deadlock_timeout = '50ms'`);
      await first.query('begin');
      await second.query('begin');
      await first.query(`update ${table} set v = 3 where id = 1`);
      await second.query(`update ${table} set v = 3 where id = 2`);
      const outcomes = await Promise.allSettled([
        first.query(`update ${table} set v = 4 where id = 2`),
        second.query(`update ${table} set v = 4 where id = 1`),
      ]);
      await first.query('rollback');
      await second.query('rollback');
      const deadlocks = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(deadlocks).toHaveLength(1);
      const deadlock = (deadlocks[0] as PromiseRejectedResult).reason as unknown;
      expect((deadlock as { code?: string }).code).toBe('40P01');
      expect(toAppError(deadlock)?.code).toBe('unavailable');
    } finally {
      await first.end();
      await second.end();
      await testDb.owner.pool.query(`drop table ${table}`);
    }
  });

  it('other failures stay unknown: a unique violation is not mistaken for bad input or an outage', async () => {
    const client = await testDb.owner.pool.connect();
    try {
      await client.query('create temporary table once (v int primary key)');
      await client.query('insert into once values (1)');
      const duplicate = await client.query('insert into once values (1)').catch((error: unknown) => error);
      expect(toAppError(duplicate)).toBeUndefined();
      expect(toErrorEnvelope(duplicate, 'r').status).toBe(500);
    } finally {
      client.release(true);
    }
  });
});
