import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@plinth/testing';
import { call, useApiNodes, workspaceWithKeys } from './rate-limit-app';

const testDb = useTestDatabase();
// Two API nodes on one database. Limits scaled down (API_RATE_LIMIT_SCALE) so tests reach them:
// per minute, 6 per credential, 12 per address, per workspace 3 (free), 15 (pro), 60 (team).
const nodes = useApiNodes(testDb, 2, { apiRateLimitScale: 0.005 });
// Filled in beforeAll, once the nodes listen.
const nodeA = () => nodes.urls[0]!;
const nodeB = () => nodes.urls[1]!;

let address = 0;
/** A client address of its own per test, so no test spends another's per-IP budget. */
const newIp = () => `10.20.${Math.floor(++address / 250)}.${address % 250}`;

// An explicit sync of both nodes (what their 500 ms timers do), never a sleep that hopes for one.
const afterSync = () => nodes.sync();

const projects = (slug: string) => `/api/v1/workspaces/${slug}/projects`;

function rateLimitHeaders(headers: Headers) {
  return {
    limit: headers.get('ratelimit-limit'),
    remaining: headers.get('ratelimit-remaining'),
    reset: headers.get('ratelimit-reset'),
    xLimit: headers.get('x-ratelimit-limit'),
    xRemaining: headers.get('x-ratelimit-remaining'),
    xReset: headers.get('x-ratelimit-reset'),
  };
}

describe('API rate limits', () => {
  it('over the limit is a 429 with Retry-After and the envelope; every response says where it stands', async () => {
    const { slug, secrets } = await workspaceWithKeys(testDb, 'free');
    const ip = newIp();
    const answers = [];
    for (let n = 0; n < 4; n++) answers.push(await call(nodeA(), projects(slug), { key: secrets[0], ip }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((answer) => answer.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    for (const answer of answers) {
      const headers = rateLimitHeaders(answer.headers);
      expect(headers.limit).toBe('3');
      expect(Number(headers.reset)).toBeGreaterThanOrEqual(1);
      expect(Number(headers.reset)).toBeLessThanOrEqual(60);
      expect([headers.xLimit, headers.xRemaining, headers.xReset]).toEqual([
        headers.limit,
        headers.remaining,
        headers.reset,
      ]);
    }
    const refused = answers[3]!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.data).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.any(String),
        request_id: refused.headers.get('x-request-id'),
      },
    });
  });

  it("the workspace's plan sets its limit: free refuses the 4th request, pro admits 15 across its keys", async () => {
    const free = await workspaceWithKeys(testDb, 'free', 2);
    const pro = await workspaceWithKeys(testDb, 'pro', 3);
    const ip = newIp();
    const freeStatuses = [];
    // Two keys of one workspace share its plan's budget.
    for (let n = 0; n < 4; n++) {
      freeStatuses.push((await call(nodeA(), projects(free.slug), { key: free.secrets[n % 2], ip })).status);
    }
    expect(freeStatuses).toEqual([200, 200, 200, 429]);

    const proStatuses = [];
    for (let n = 0; n < 16; n++) {
      const answer = await call(nodeA(), projects(pro.slug), { key: pro.secrets[n % 3], ip: newIp() });
      proStatuses.push(answer.status);
      if (n === 15) expect(answer.headers.get('ratelimit-limit')).toBe('15');
    }
    expect(proStatuses.filter((status) => status === 200)).toHaveLength(15);
    expect(proStatuses[15]).toBe(429);
  });

  it('each API key has its own limit inside a workspace', async () => {
    const { slug, secrets } = await workspaceWithKeys(testDb, 'team', 2);
    const ip = newIp();
    const first = [];
    for (let n = 0; n < 7; n++)
      first.push((await call(nodeA(), projects(slug), { key: secrets[0], ip })).status);
    expect(first).toEqual([200, 200, 200, 200, 200, 200, 429]);
    // From another address, so the headers show the key's own limit (the closest one).
    const other = await call(nodeA(), projects(slug), { key: secrets[1], ip: newIp() });
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-limit')).toBe('6');
    expect(other.headers.get('ratelimit-remaining')).toBe('5');
  });

  it('each client address has its own limit, counted before authentication', async () => {
    const ip = newIp();
    const statuses = [];
    for (let n = 0; n < 13; n++) {
      const answer = await call(nodeA(), '/api/v1/me', { ip, key: 'plk_not-a-real-key' });
      statuses.push(answer.status);
      expect(answer.headers.get('ratelimit-limit')).toBe('12');
    }
    expect(statuses).toEqual([...Array<number>(12).fill(401), 429]);
    expect((await call(nodeA(), '/api/v1/me', { ip: newIp(), key: 'plk_not-a-real-key' })).status).toBe(401);
  });

  it('two nodes share one limit', async () => {
    const { slug, secrets } = await workspaceWithKeys(testDb, 'team');
    const key = secrets[0];
    const onA = [];
    for (let n = 0; n < 4; n++) onA.push((await call(nodeA(), projects(slug), { key, ip: newIp() })).status);
    expect(onA).toEqual([200, 200, 200, 200]);
    await afterSync();
    // Node B has never seen this key: it reads the shared count before deciding.
    const onB = [];
    for (let n = 0; n < 4; n++) onB.push((await call(nodeB(), projects(slug), { key, ip: newIp() })).status);
    expect(onB).toEqual([200, 200, 429, 429]);
    await afterSync();
    const again = await call(nodeA(), projects(slug), { key, ip: newIp() });
    expect(again.status).toBe(429);
  });
});
