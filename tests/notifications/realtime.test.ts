import http, { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '@plinth/api';
import { liveSessionIds } from '@plinth/core/identity';
import { createLogger } from '@plinth/core/logger';
import { createRealtimeHub, MAX_STREAMS_PER_USER, type RealtimeHub } from '@plinth/core/realtime';
import { encodeId } from '@plinth/core/public-ids';
import {
  addMember,
  createWorkspace,
  freePort,
  grantPlan,
  HttpClient,
  useTestDatabase,
} from '@plinth/testing';
import { createRequestListener } from '../../apps/server/src/request-listener';
import { startPlinth, type RunningPlinth } from '../../apps/server/src/start';
import { createWiring, type Wiring } from '../../apps/server/src/wiring';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';
import { SseClient, type SseEvent } from './sse-client';

// Realtime across nodes: the identity app is node A (api) with a worker; node B is a second api
// node on the same database. Changes go through node A; streams are held by node B, so every event
// here crossed nodes through Postgres NOTIFY.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
let nodeB: RunningPlinth;
let nodeBUrl = '';
const streams: SseClient[] = [];
// Node C: an api node like B, built from the same wiring, whose hub keeps alive (and checks
// sessions) every 200 ms instead of every 20 s, so a test sees a keep-alive's effects at once.
let nodeC: { url: string; hub: RealtimeHub; wiring: Wiring; server: Server; queries: string[] };

beforeAll(async () => {
  const port = await freePort();
  nodeBUrl = `http://127.0.0.1:${port}`;
  nodeB = await startPlinth(
    { ...testDb.env, port, host: '127.0.0.1', appUrl: app.url, role: 'api' },
    testDb.ownerUrl,
    { logger: createLogger({ level: 'silent' }) },
  );
  const wiring = createWiring({ ...testDb.env, appUrl: app.url, role: 'api' }, testDb.ownerUrl);
  await wiring.jobs.start();
  // Every statement node C's pool runs, by its text (the replay test counts its membership reads).
  const queries: string[] = [];
  const query = wiring.database.pool.query.bind(wiring.database.pool) as (...args: unknown[]) => unknown;
  wiring.database.pool.query = ((...args: unknown[]) => {
    const first = args[0];
    queries.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
    return query(...args);
  }) as never;
  const hub = createRealtimeHub({
    database: wiring.database,
    notifyHub: wiring.notifyHub,
    logger: wiring.logger,
    keepAliveMs: 200,
    liveSessions: (ids) => liveSessionIds(wiring.database, ids),
  });
  const server = createServer(
    createRequestListener({
      api: createApi({ ...wiring, realtime: hub, version: 'test' }),
      production: false,
      devServer: false,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  nodeC = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hub,
    wiring,
    server,
    queries,
  };
});

afterAll(async () => {
  await Promise.all(streams.map((stream) => stream.close()));
  await nodeB?.stop();
  if (nodeC) {
    nodeC.server.closeAllConnections();
    await new Promise((resolve) => nodeC.server.close(resolve));
    await nodeC.hub.close();
    await nodeC.wiring.close();
  }
});

const cookieOf = (person: Person) =>
  [...person.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

async function streamOnB(person: Person, lastEventId?: string, url = nodeBUrl): Promise<SseClient> {
  const stream = new SseClient(`${url}/api/v1/me/events`, {
    cookie: cookieOf(person),
    ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
  });
  streams.push(stream);
  await stream.open();
  expect(stream.status).toBe(200);
  return stream;
}

async function team() {
  const owner = await signedInPerson(app, testDb, 'owner');
  const person = await signedInPerson(app, testDb, 'member');
  const ws = await createWorkspace(testDb.app);
  await grantPlan(testDb.app, { workspace: ws, plan: 'team', seats: 20 });
  await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
  await addMember(testDb.app, { workspace: ws, user: { id: person.id } as never, role: 'member' });
  return { owner, person, ws };
}

async function createProjectOnA(owner: Person, slug: string, name: string) {
  const response = await owner.client.post(`/api/v1/workspaces/${slug}/projects`, { name });
  expect(response.status).toBe(201);
  return response.data as { id: string };
}

const invalidation = (workspaceId: string, topic: string) => (event: SseEvent) =>
  event.event === 'invalidate' &&
  (event.data as { workspace_id: string }).workspace_id === encodeId('ws', workspaceId) &&
  (event.data as { topic: string }).topic === topic;

describe('GET /api/v1/me/events', () => {
  it('needs a session: no cookie is a 401, an API key is a 403', async () => {
    const anonymous = new SseClient(`${nodeBUrl}/api/v1/me/events`, {});
    await anonymous.open();
    expect(anonymous.status).toBe(401);
  });

  it('a change made through node A reaches a client connected to node B', async () => {
    const { owner, person, ws } = await team();
    const stream = await streamOnB(person);
    await createProjectOnA(owner, ws.slug, 'Crossing nodes');
    const event = await stream.next(invalidation(ws.id, 'projects'));
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    // It says what changed, never the data.
    expect(JSON.stringify(event.data)).not.toContain('Crossing nodes');
  });

  it('carries a new notification to its recipient, and to nobody else', async () => {
    const { owner, person, ws } = await team();
    const mine = await streamOnB(person);
    const ownerStream = await streamOnB(owner);
    const response = await owner.client.request(
      `/api/v1/workspaces/${ws.slug}/members/${encodeId('user', person.id)}`,
      { method: 'PATCH', json: { role: 'admin' } },
    );
    expect(response.status).toBe(200);
    const event = await mine.next((e) => e.event === 'notification');
    const inbox = await person.client.get('/api/v1/me/notifications');
    expect((inbox.data.items as { id: string }[])[0]!.id).toBe((event.data as { id: string }).id);
    // The owner's stream saw the members invalidation (same transaction) but no notification.
    await ownerStream.next(invalidation(ws.id, 'members'));
    expect(ownerStream.events.filter((e) => e.event === 'notification')).toEqual([]);
  });

  it('a member removed from a workspace stops receiving its events at once', async () => {
    const { owner, person, ws } = await team();
    const removed = await streamOnB(person);
    const ownerStream = await streamOnB(owner);
    await createProjectOnA(owner, ws.slug, 'Before');
    await removed.next(invalidation(ws.id, 'projects'));

    const response = await owner.client.request(
      `/api/v1/workspaces/${ws.slug}/members/${encodeId('user', person.id)}`,
      { method: 'DELETE' },
    );
    expect(response.status).toBe(204);
    // They are told (their own notification), and from then on get nothing of the workspace.
    await removed.next((e) => e.event === 'notification');
    const seenBefore = removed.events.length;
    await createProjectOnA(owner, ws.slug, 'After');
    // The owner's stream on the same node got the second projects event: it was delivered.
    await ownerStream.next(
      (e) =>
        invalidation(ws.id, 'projects')(e) &&
        ownerStream.events.filter(invalidation(ws.id, 'projects')).length >= 2,
    );
    expect(removed.events.slice(seenBefore).filter((e) => e.event === 'invalidate')).toEqual([]);
    // A new stream opened after the removal gets nothing of the workspace either.
    const reopened = await streamOnB(person);
    await createProjectOnA(owner, ws.slug, 'Later');
    await ownerStream.next(
      (e) =>
        ownerStream.events.filter(invalidation(ws.id, 'projects')).length >= 3 && e.event === 'invalidate',
    );
    expect(reopened.events.filter((e) => e.event === 'invalidate')).toEqual([]);
  });

  it('resumes from Last-Event-ID with what was missed, and asks for a resync when it cannot', async () => {
    const { owner, person, ws } = await team();
    const first = await streamOnB(person);
    await createProjectOnA(owner, ws.slug, 'One');
    const seen = await first.next(invalidation(ws.id, 'projects'));
    await first.close();
    await createProjectOnA(owner, ws.slug, 'Two');
    await createProjectOnA(owner, ws.slug, 'Three');
    // Wait until node B has certainly seen both (a stream of the owner there receives them).
    const witness = await streamOnB(owner);
    await createProjectOnA(owner, ws.slug, 'Four');
    await witness.next(invalidation(ws.id, 'projects'));

    const resumed = await streamOnB(person, seen.id);
    await resumed.next(() => resumed.events.filter(invalidation(ws.id, 'projects')).length >= 3);
    const ids = resumed.events.map((e) => e.id);
    expect(ids).not.toContain(seen.id);
    expect(new Set(ids).size).toBe(ids.length);

    const unknown = await streamOnB(person, '00000000-0000-7000-8000-000000000000');
    await unknown.next((e) => e.event === 'resync');
  });

  it('sends keep-alive comments', async () => {
    const { person } = await team();
    const stream = await streamOnB(person);
    // The connect comment arrives at once; keep-alives follow on the node's interval (20 s).
    expect(stream.comments).toBeGreaterThanOrEqual(1);
    const api = new HttpClient(nodeBUrl);
    expect((await api.get('/api/health/live')).status).toBe(200);
  });
});

/** Waits until `probe` is true (the hub works asynchronously), or fails after `timeoutMs`. */
async function until(probe: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Commits `count` notification events for `userId` on the realtime channel, in one transaction. */
async function publishNotifications(userId: string, count: number) {
  await testDb.owner.pool.query(
    `select pg_notify('realtime', json_build_object('i', gen_random_uuid(), 'k', 'notification',
              'u', $1::text, 'n', gen_random_uuid())::text)
       from generate_series(1, $2)`,
    [userId, count],
  );
}

describe('bounded streams', () => {
  it('a client that stops reading is dropped once about 256 KB wait for it, and its queue is freed', async () => {
    const { person } = await team();
    const hub = nodeB.wiring.realtime;
    // A raw HTTP client that reads the headers and then nothing: the socket is paused, so the
    // kernel's buffers fill, then the node's queue for the stream.
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = http.get(
        `${nodeBUrl}/api/v1/me/events`,
        { headers: { cookie: cookieOf(person) } },
        (incoming) => {
          incoming.pause();
          resolve(incoming);
        },
      );
      request.on('error', reject);
    });
    expect(response.statusCode).toBe(200);
    await until(() => hub.size(person.id) === 1, 'the stream is open');
    // Each frame is ~100 bytes. Counting frames instead of bytes (the defect) dropped a client only
    // after ~262,000 of them; by bytes it goes after the socket's buffers and 256 KB more, well
    // within 150,000 frames (15 MB). Rounds of 50,000: the loopback socket's buffers took more than
    // 25,000 frames (2.5 MB) here, and each round that drops nothing waits 3 s for nothing.
    let published = 0;
    while (hub.size(person.id) > 0 && published < 150_000) {
      await publishNotifications(person.id, 50_000);
      published += 50_000;
      await until(() => hub.size(person.id) === 0, 'dropped', 3_000).catch(() => undefined);
    }
    expect(hub.size(person.id)).toBe(0);
    // What was queued for it is thrown away: the connection is reset, not drained.
    let received = 0;
    const ended = new Promise<string>((resolve) => {
      response.on('data', (chunk: Buffer) => (received += chunk.length));
      response.on('end', () => resolve('end'));
      response.on('error', () => resolve('reset'));
      response.on('close', () => resolve('close'));
    });
    response.resume();
    expect(['reset', 'close']).toContain(await ended);
    expect(received).toBeLessThan(published * 100);
  });

  it(`a person holds at most ${MAX_STREAMS_PER_USER} streams on a node: one more ends their oldest`, async () => {
    const { owner, person, ws } = await team();
    const opened: SseClient[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) opened.push(await streamOnB(person));
    expect(nodeB.wiring.realtime.size(person.id)).toBe(MAX_STREAMS_PER_USER);
    const newest = await streamOnB(person);
    await opened[0]!.ended();
    expect(nodeB.wiring.realtime.size(person.id)).toBe(MAX_STREAMS_PER_USER);
    // The others, and the new one, still receive.
    await createProjectOnA(owner, ws.slug, 'Still live');
    for (const stream of [...opened.slice(1), newest]) await stream.next(invalidation(ws.id, 'projects'));
  });

  it('a Last-Event-ID longer than any id we give is a resync, not silence', async () => {
    const { person } = await team();
    const stream = await streamOnB(person, 'x'.repeat(101));
    await stream.next((e) => e.event === 'resync');
  });

  it('a stream ends at the keep-alive after its session does: sign-out, staff revoke, ban', async () => {
    const { person } = await team();
    const cookie = cookieOf(person);
    const signedOut = await streamOnB(person, undefined, nodeC.url);
    // Still open across several keep-alives while the session lives.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(nodeC.hub.size(person.id)).toBe(1);
    expect((await person.client.post('/api/auth/sign-out')).status).toBe(200);
    await signedOut.ended(5_000);
    expect(nodeC.hub.size(person.id)).toBe(0);
    // Reconnecting with the old cookie is refused now.
    const again = new SseClient(`${nodeC.url}/api/v1/me/events`, { cookie });
    await again.open();
    expect(again.status).toBe(401);

    // Every session deleted (what staff "revoke all sessions" does), and a ban.
    const revoked = await signedInPerson(app, testDb, 'revoked');
    const banned = await signedInPerson(app, testDb, 'banned');
    const revokedStream = await streamOnB(revoked, undefined, nodeC.url);
    const bannedStream = await streamOnB(banned, undefined, nodeC.url);
    await testDb.owner.pool.query('delete from session where user_id = $1', [revoked.id]);
    await testDb.owner.pool.query('update "user" set banned = true where id = $1', [banned.id]);
    await revokedStream.ended(5_000);
    await bannedStream.ended(5_000);
  });

  it('a resume reads the person’s memberships once, not once per missed event', async () => {
    const { owner, person, ws } = await team();
    const first = await streamOnB(person, undefined, nodeC.url);
    await createProjectOnA(owner, ws.slug, 'Seen');
    const seen = await first.next(invalidation(ws.id, 'projects'));
    await first.close();
    const witness = await streamOnB(owner, undefined, nodeC.url);
    for (let i = 0; i < 12; i++) await createProjectOnA(owner, ws.slug, `Missed ${i}`);
    await witness.next(() => witness.events.filter(invalidation(ws.id, 'projects')).length >= 12);

    nodeC.queries.length = 0;
    const resumed = await streamOnB(person, seen.id, nodeC.url);
    await resumed.next(() => resumed.events.filter(invalidation(ws.id, 'projects')).length >= 12);
    expect(nodeC.queries.filter((text) => /from member m/.test(text))).toHaveLength(1);
  });
});
