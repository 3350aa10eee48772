import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '@plinth/api';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { createDatabase } from '@plinth/db';
import { useTestDatabase } from '@plinth/testing';
import { createRequestListener } from './request-listener';
import { startPlinth, type RunningPlinth } from './start';
import { version } from './version';

const testDb = useTestDatabase();

/** Collects pino's JSON lines so a test can read what was logged. */
function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info' }, stream) };
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the API node over real HTTP', () => {
  let running: RunningPlinth;
  const logs = captureLogs();

  beforeAll(async () => {
    const env = { ...testDb.env, role: 'api' as const, port: 0, host: '127.0.0.1' };
    running = await startPlinth(env, testDb.ownerUrl, { logger: logs.logger });
  });
  afterAll(() => running.stop());

  it('GET /api/health answers ok with the database and the version', async () => {
    const response = await fetch(`${running.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok', version });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends the security headers on API responses', async () => {
    const response = await fetch(`${running.url}/api/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('strict-transport-security')).toBeNull(); // only in production
  });

  it('echoes a sane X-Request-Id and replaces one that is not', async () => {
    const kept = await fetch(`${running.url}/api/health`, { headers: { 'X-Request-Id': 'edge-7f3a.1' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a.1');
    const replaced = await fetch(`${running.url}/api/health`, {
      headers: { 'X-Request-Id': 'x'.repeat(200) },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs each request as JSON with its request id', async () => {
    await fetch(`${running.url}/api/health`, { headers: { 'X-Request-Id': 'log-check-1' } });
    const line = logs.lines.find((entry) => entry.request_id === 'log-check-1');
    expect(line).toMatchObject({ method: 'GET', path: '/api/health', status: 200, level: 'info' });
    expect(typeof line?.duration_ms).toBe('number');
  });

  it('answers an unknown API route with the error envelope, not HTML', async () => {
    const response = await fetch(`${running.url}/api/nope`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; request_id: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.request_id).toBe(response.headers.get('x-request-id'));
  });

  it('an api-only node does not serve pages', async () => {
    const response = await fetch(`${running.url}/`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('health when the database is down', () => {
  it('answers 503 with db "down"', async () => {
    const unreachable = createDatabase('postgres://nobody@127.0.0.1:1/none', { max: 1 });
    const env = loadEnv({ NODE_ENV: 'test' });
    const api = createApi({ env, database: unreachable, logger: createLogger({ level: 'silent' }), version });
    const { url, server } = await serve(createRequestListener({ api, production: false, devServer: false }));
    try {
      const response = await fetch(`${url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'degraded', db: 'down', version });
    } finally {
      server.close();
      await unreachable.close();
    }
  });
});

describe('one process, one URL', () => {
  it('sends /api/* to Hono and everything else, with page headers, to the web handler', async () => {
    const env = loadEnv({
      NODE_ENV: 'production',
      DATABASE_URL: testDb.ownerUrl,
      APP_DB_PASSWORD: 'x'.repeat(16),
      AUTH_SECRET: 'k'.repeat(48),
      APP_URL: 'https://example.test',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    const api = createApi({ env, database: testDb.app, logger: createLogger({ level: 'silent' }), version });
    const webPaths: string[] = [];
    const seenByPages: { ip: unknown; requestId: unknown }[] = [];
    const { url, server } = await serve(
      createRequestListener({
        api,
        production: true,
        devServer: false,
        web: (req, res) => {
          webPaths.push(req.url!);
          seenByPages.push({ ip: req.headers['x-plinth-client-ip'], requestId: req.headers['x-request-id'] });
          res.end('page');
        },
      }),
    );
    try {
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(health.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      const page = await fetch(`${url}/apiary`);
      expect(await page.text()).toBe('page');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      await fetch(`${url}/`, { headers: { 'x-plinth-client-ip': '6.6.6.6', 'x-request-id': 'page-req-1' } });
      expect(webPaths).toEqual(['/apiary', '/']);
      // Pages see the socket address, never a client-sent value, and a request id.
      expect(seenByPages[1]).toEqual({ ip: '127.0.0.1', requestId: 'page-req-1' });
      expect(seenByPages[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      server.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('stops listening and closes its connections', async () => {
    const env = { ...testDb.env, role: 'api' as const, port: 0, host: '127.0.0.1' };
    const node = await startPlinth(env, testDb.ownerUrl, { logger: createLogger({ level: 'silent' }) });
    const ok = await fetch(`${node.url}/api/health`);
    expect(ok.status).toBe(200);
    // The node reported itself (for /admin/system) and is marked stopped once it has stopped.
    const heartbeat = () =>
      testDb.owner.pool.query<{ id: string; role: string; version: string; stopped_at: Date | null }>(
        `select id, role, version, stopped_at from node_heartbeat where pid = $1 order by started_at desc limit 1`,
        [process.pid],
      );
    const { rows: running } = await heartbeat();
    expect(running[0]).toMatchObject({ role: 'api', version, stopped_at: null });
    await node.stop();
    expect(node.server?.listening).toBe(false);
    await expect(fetch(`${node.url}/api/health`)).rejects.toThrow();
    const { rows: stopped } = await heartbeat();
    expect(stopped[0]?.id).toBe(running[0]!.id);
    expect(stopped[0]?.stopped_at).toBeInstanceOf(Date);
  });
});
