import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, rateLimitByEmail, rateLimitByIp, type ApiEnv } from '@plinth/api';
import type { Env } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { defineRateLimit, hashSubject, type RateLimitRule } from '@plinth/core/rate-limit';
import { createDatabase, type Database } from '@plinth/db';
import { expireRateLimitWindows, useTestDatabase } from '@plinth/testing';
import { createRequestListener } from './request-listener';
import { version } from './version';

const testDb = useTestDatabase();

const rules = {
  burst: defineRateLimit({ name: 'http.burst', limit: 5, windowSeconds: 60 }),
  spoof: defineRateLimit({ name: 'http.spoof', limit: 5, windowSeconds: 60 }),
  proxied: defineRateLimit({ name: 'http.proxied', limit: 2, windowSeconds: 60 }),
  concurrent: defineRateLimit({ name: 'http.concurrent', limit: 10, windowSeconds: 60 }),
  window: defineRateLimit({ name: 'http.window', limit: 2, windowSeconds: 60 }),
  email: defineRateLimit({ name: 'http.email', limit: 3, windowSeconds: 60 }),
} satisfies Record<string, RateLimitRule>;

/**
 * The real API (createApi: request id, client IP, error envelope) plus a tiny route per rule:
 * GET /api/test/ip/<rule> limited per client IP, POST /api/test/email/<rule> per body email.
 * Each answers with the client IP the middleware resolved.
 */
function testApi(env: Env, database: Database) {
  const api = createApi({ env, database, logger: createLogger({ level: 'silent' }), version });
  const routes = new Hono<ApiEnv>();
  for (const [name, rule] of Object.entries(rules)) {
    routes.get(`/ip/${name}`, rateLimitByIp(database, rule), (c) => c.json({ clientIp: c.get('clientIp') }));
    routes.post(`/email/${name}`, async (c) => {
      const { email } = await c.req.json<{ email: string }>();
      await rateLimitByEmail(database, rule, email);
      return c.json({ clientIp: c.get('clientIp') });
    });
  }
  api.route('/test', routes);
  return api;
}

const servers: Server[] = [];
async function serve(env: Env, database: Database): Promise<string> {
  const server = createServer(
    createRequestListener({ api: testApi(env, database), production: false, devServer: false }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { clientIp?: string; error?: { code: string; message: string; request_id: string } };
}

/** One request over a fresh connection from `from` (any 127.0.0.0/8 address reaches loopback). */
function send(
  url: string,
  options: { from?: string; forwardedFor?: string; email?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.forwardedFor !== undefined) headers['x-forwarded-for'] = options.forwardedFor;
  const payload = options.email === undefined ? undefined : JSON.stringify({ email: options.email });
  if (payload) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: payload ? 'POST' : 'GET',
        headers,
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function sendMany(count: number, url: string, options: (n: number) => Parameters<typeof send>[1]) {
  const replies: Reply[] = [];
  for (let n = 0; n < count; n++) replies.push(await send(url, options(n)));
  return replies;
}

function expectLimited(reply: Reply, maxRetryAfter: number) {
  expect(reply.status).toBe(429);
  const retryAfter = Number(reply.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxRetryAfter);
  expect(reply.body.error).toEqual({
    code: 'rate_limited',
    message: 'Too many requests. Try again later.',
    request_id: reply.headers['x-request-id'],
  });
}

let direct: string; // no trusted proxies: X-Forwarded-For is never read
let proxied: string; // 127.0.0.1 is a trusted proxy

beforeAll(async () => {
  direct = await serve(testDb.env, testDb.app);
  proxied = await serve({ ...testDb.env, trustedProxies: ['127.0.0.1'] }, testDb.app);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('rate limits over real HTTP', () => {
  it('the request past the limit gets 429 with Retry-After and the error envelope', async () => {
    const replies = await sendMany(6, `${direct}/api/test/ip/burst`, () => ({}));
    expect(replies.slice(0, 5).map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
    expect(replies[0]!.body).toEqual({ clientIp: '127.0.0.1' });
    expectLimited(replies[5]!, 60);
  });

  it('a spoofed X-Forwarded-For, rotated on every request, cannot get past the limit', async () => {
    const url = `${direct}/api/test/ip/spoof`;
    const replies = await sendMany(8, url, (n) => ({ forwardedFor: `198.51.100.${n}, 10.0.0.${n}` }));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(new Set(replies.slice(0, 5).map((reply) => reply.body.clientIp))).toEqual(new Set(['127.0.0.1']));
    // ...and the limited client locks out nobody else: another machine still gets through.
    const other = await send(url, { from: '127.0.0.2' });
    expect(other.status).toBe(200);
    expect(other.body.clientIp).toBe('127.0.0.2');
  });

  it('behind a trusted proxy, each forwarded client has its own bucket', async () => {
    const url = `${proxied}/api/test/ip/proxied`;
    const first = await sendMany(3, url, () => ({ forwardedFor: '203.0.113.1' }));
    expect(first.map((reply) => reply.status)).toEqual([200, 200, 429]);
    expect(first[0]!.body.clientIp).toBe('203.0.113.1');
    // The client prepending its own guesses does not leave its bucket.
    expectLimited(await send(url, { forwardedFor: '1.2.3.4, 203.0.113.1' }), 60);
    const second = await send(url, { forwardedFor: '203.0.113.2' });
    expect(second.status).toBe(200);
    expect(second.body.clientIp).toBe('203.0.113.2');
    // An untrusted peer talking to the same server is keyed on its socket, header or not.
    const untrusted = await sendMany(3, url, () => ({ from: '127.0.0.3', forwardedFor: '203.0.113.2' }));
    expect(untrusted.map((reply) => reply.body.clientIp)).toEqual(['127.0.0.3', '127.0.0.3', undefined]);
    expect(untrusted.map((reply) => reply.status)).toEqual([200, 200, 429]);
    // Garbage from the proxy falls back to the proxy itself, never to a fresh bucket per request.
    const garbage = await sendMany(3, url, (n) => ({ forwardedFor: `not-an-ip-${n}` }));
    expect(garbage.map((reply) => reply.status)).toEqual([200, 200, 429]);
    expect(garbage[0]!.body.clientIp).toBe('127.0.0.1');
  });

  it('50 simultaneous requests through two nodes with a limit of 10: exactly 10 get through', async () => {
    const pools = [createDatabase(testDb.appUrl, { max: 10 }), createDatabase(testDb.appUrl, { max: 10 })];
    try {
      const nodes = [await serve(testDb.env, pools[0]!), await serve(testDb.env, pools[1]!)];
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, n) => send(`${nodes[n % 2]}/api/test/ip/concurrent`)),
      );
      const statuses = replies.map((reply) => reply.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(40);
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
    }
  });

  it('a new window lets the client in again', async () => {
    const url = `${direct}/api/test/ip/window`;
    const before = await sendMany(3, url, () => ({}));
    expect(before.map((reply) => reply.status)).toEqual([200, 200, 429]);
    expectLimited(before[2]!, 60);
    // The window ends (explicitly, rather than by sleeping through a short one).
    expect(await expireRateLimitWindows(testDb, rules.window.name)).toBe(1);
    expect((await send(url)).status).toBe(200);
  });

  it('limits per email, whatever its spelling, and stores only its hash', async () => {
    const url = `${direct}/api/test/email/email`;
    const spellings = [
      'victim@example.com',
      'Victim@Example.com',
      ' VICTIM@example.COM ',
      'victim@example.com',
    ];
    const replies = await sendMany(4, url, (n) => ({ email: spellings[n]!, from: `127.0.0.${10 + n}` }));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 429]);
    expectLimited(replies[3]!, 60);
    expect((await send(url, { email: 'someone-else@example.com' })).status).toBe(200);

    const { rows } = await testDb.owner.pool.query<{ key: string }>(`select key from rate_limit`);
    const keys = rows.map((row) => row.key);
    expect(keys).toContain(`http.email:${hashSubject('victim@example.com')}`);
    expect(keys.filter((key) => /@|example|victim/i.test(key))).toEqual([]);
  });
});
