import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@plinth/core/logger';
import { freePort, useTestDatabase } from '@plinth/testing';
import { startPlinth, type RunningPlinth } from '../../apps/server/src/start';

// Server-Timing over real HTTP from a real API node: the request's SQL time and its total, as
// durations only, for the browser's devtools.
const testDb = useTestDatabase();
let node: RunningPlinth;

beforeAll(async () => {
  const port = await freePort();
  node = await startPlinth(
    { ...testDb.env, role: 'api', port, host: '127.0.0.1', appUrl: `http://127.0.0.1:${port}` },
    testDb.ownerUrl,
    { logger: createLogger({ level: 'silent' }) },
  );
});
afterAll(() => node.stop());

const format = /^db;dur=(\d+\.\d), total;dur=(\d+\.\d)$/;

async function timingOf(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; db: number; total: number }> {
  const response = await fetch(`${node.url}${path}`, init);
  await response.arrayBuffer();
  const header = response.headers.get('server-timing') ?? '';
  const [, db, total] = format.exec(header) ?? [];
  expect(header, path).toMatch(format);
  return { status: response.status, db: Number(db), total: Number(total) };
}

describe('Server-Timing', () => {
  it('names the SQL time of a request that queried and its total; no SQL, no db time', async () => {
    // /api/health runs `select 1` on the app pool.
    const health = await timingOf('/api/health');
    expect(health.status).toBe(200);
    expect(health.db).toBeGreaterThan(0);
    expect(health.total).toBeGreaterThanOrEqual(health.db);
    // The OpenAPI document is built in memory: no statement — once the per-address rate limit has
    // read this address's counter from Postgres (the first /api/v1 request of an address does).
    expect((await timingOf('/api/v1/openapi.json')).db).toBeGreaterThan(0);
    const openapi = await timingOf('/api/v1/openapi.json');
    expect(openapi).toMatchObject({ status: 200, db: 0 });
    expect(openapi.total).toBeGreaterThan(0);
  });

  it('is on error answers too (401 before any statement, 404 of no route)', async () => {
    expect(await timingOf('/api/v1/workspaces/nowhere/projects')).toMatchObject({ status: 401, db: 0 });
    expect(await timingOf('/api/no-such-route')).toMatchObject({ status: 404, db: 0 });
  });

  it('is not on the auth edge, whose answers are made alike on purpose', async () => {
    const response = await fetch(`${node.url}/api/auth/get-session`);
    await response.arrayBuffer();
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('server-timing')).toBeNull();
  });

  it('counts each request’s own statements, not its neighbours’', async () => {
    // Concurrent requests: one with statements, many without; the ones without still say 0.
    const results = await Promise.all([
      timingOf('/api/health'),
      ...Array.from({ length: 8 }, () => timingOf('/api/v1/openapi.json')),
      timingOf('/api/health'),
    ]);
    expect(results.filter((result) => result.db > 0)).toHaveLength(2);
  });
});
