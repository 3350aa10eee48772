import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@plinth/core/logger';
import { createDatabase } from '@plinth/db';
import { shippedMigrations } from '@plinth/db/admin';
import { freePort, useTestDatabase } from '@plinth/testing';
import { healthProbes, LIVE_PATH, READY_PATH } from './health';
import { createRequestListener } from './request-listener';
import { startPlinth, type RunningPlinth } from './start';
import { version } from './version';

const testDb = useTestDatabase();
const logger = createLogger({ level: 'silent' });

async function probe(url: string | undefined, path: string) {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const newest = () => shippedMigrations().at(-1)!;

describe('/api/health/live and /api/health/ready', () => {
  let api: RunningPlinth;
  beforeAll(async () => {
    const env = { ...testDb.env, role: 'api' as const, port: 0, host: '127.0.0.1' };
    api = await startPlinth(env, testDb.ownerUrl, { logger });
  });
  afterAll(() => api?.stop());

  it('answer on an api node: live without the database, ready with it', async () => {
    expect(await probe(api.url, LIVE_PATH)).toEqual({ status: 200, body: { status: 'ok', version } });
    expect(await probe(api.url, READY_PATH)).toEqual({
      status: 200,
      body: { status: 'ready', database: 'ok', migrations: 'current', draining: false, version },
    });
    const response = await fetch(`${api.url}${READY_PATH}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answer on a web node before Next sees the request (its /api/* is otherwise 404)', async () => {
    const probes = healthProbes({ database: testDb.app, state: { draining: false }, version });
    const listener = createRequestListener({
      production: true,
      devServer: false,
      health: probes,
      web: (_req, res) => void res.writeHead(418).end(),
    });
    const server = createServer((req, res) => void listener(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await probe(url, LIVE_PATH)).status).toBe(200);
      expect(await probe(url, `${READY_PATH}?verbose=1`)).toMatchObject({
        status: 200,
        body: { status: 'ready' },
      });
      expect((await fetch(`${url}/api/health`)).status).toBe(404);
      expect((await fetch(`${url}/pricing`)).status).toBe(418);
    } finally {
      server.close();
    }
  });

  it('ready is 503 while a migration this build ships is not applied, and 200 again once it is', async () => {
    const { when } = newest();
    const [row] = (
      await testDb.owner.db.execute<{ hash: string }>(
        sql`delete from drizzle.__drizzle_migrations where created_at = ${when} returning hash`,
      )
    ).rows;
    try {
      expect(await probe(api.url, READY_PATH)).toMatchObject({
        status: 503,
        body: { status: 'unready', database: 'ok', migrations: 'pending' },
      });
    } finally {
      await testDb.owner.db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${row!.hash}, ${when})`,
      );
    }
    expect((await probe(api.url, READY_PATH)).status).toBe(200);
  });

  it('stays ready on a database a newer release migrated (rolling deploys), and says so', async () => {
    const later = newest().when + 60_000;
    await testDb.owner.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', ${later})`,
    );
    try {
      expect(await probe(api.url, READY_PATH)).toMatchObject({
        status: 200,
        body: { status: 'ready', migrations: 'ahead' },
      });
    } finally {
      await testDb.owner.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = ${later}`,
      );
    }
  });
});

describe('readiness when the database is unreachable', () => {
  it('live stays 200 (no restart for an outage), ready answers 503 naming the database', async () => {
    const database = createDatabase(`postgres://nobody@127.0.0.1:${await freePort()}/none`, {
      max: 1,
      connectTimeoutMs: 500,
    });
    const probes = healthProbes({ database, state: { draining: false }, version });
    const server = createServer((req, res) => void probes.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await probe(url, LIVE_PATH)).status).toBe(200);
      expect(await probe(url, READY_PATH)).toEqual({
        status: 503,
        body: { status: 'unready', database: 'down', migrations: 'unknown', draining: false, version },
      });
    } finally {
      server.close();
      await database.close();
    }
  });
});

describe('shutdown', () => {
  it('turns ready to 503 at once, keeps serving through the drain delay, then stops', async () => {
    const env = {
      ...testDb.env,
      role: 'api' as const,
      port: 0,
      host: '127.0.0.1',
      shutdownDrainDelayMs: 3_000,
    };
    const node = await startPlinth(env, testDb.ownerUrl, { logger });
    expect((await probe(node.url, READY_PATH)).status).toBe(200);
    const stopped = node.stop();
    // Draining: out of rotation, still answering whatever the balancer already sent.
    expect(await probe(node.url, READY_PATH)).toMatchObject({
      status: 503,
      body: { status: 'unready', draining: true },
    });
    expect((await probe(node.url, LIVE_PATH)).status).toBe(200);
    expect((await fetch(`${node.url}/api/health`)).status).toBe(200);
    await stopped;
    const refused = await fetch(`${node.url}${LIVE_PATH}`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refused).toBe('refused');
  });
});

describe('a worker node with HEALTH_PORT', () => {
  it('answers the two probes on that port and nothing else', async () => {
    const port = await freePort();
    const env = { ...testDb.env, role: 'worker' as const, host: '127.0.0.1', healthPort: port };
    const worker = await startPlinth(env, testDb.ownerUrl, { logger });
    try {
      expect(worker.url).toBeUndefined();
      expect(worker.healthUrl).toBe(`http://localhost:${port}`);
      expect((await probe(worker.healthUrl, LIVE_PATH)).status).toBe(200);
      expect(await probe(worker.healthUrl, READY_PATH)).toMatchObject({
        status: 200,
        body: { status: 'ready' },
      });
      expect((await fetch(`${worker.healthUrl}/api/health`)).status).toBe(404);
      expect((await fetch(`${worker.healthUrl}/`)).status).toBe(404);
    } finally {
      await worker.stop();
    }
  });

  it('has no HTTP server at all without it', async () => {
    const env = { ...testDb.env, role: 'worker' as const, host: '127.0.0.1', healthPort: undefined };
    const worker = await startPlinth(env, testDb.ownerUrl, { logger });
    await worker.stop();
    expect([worker.url, worker.healthUrl, worker.server]).toEqual([undefined, undefined, undefined]);
  });
});
