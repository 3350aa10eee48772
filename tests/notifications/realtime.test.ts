import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@plinth/core/logger';
import { encodeId } from '@plinth/core/public-ids';
import {
  addMember,
  createWorkspace,
  freePort,
  grantPlan,
  HttpClient,
  useTestDatabase,
} from '@plinth/testing';
import { startPlinth, type RunningPlinth } from '../../apps/server/src/start';
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

beforeAll(async () => {
  const port = await freePort();
  nodeBUrl = `http://127.0.0.1:${port}`;
  nodeB = await startPlinth(
    { ...testDb.env, port, host: '127.0.0.1', appUrl: app.url, role: 'api' },
    testDb.ownerUrl,
    { logger: createLogger({ level: 'silent' }) },
  );
});

afterAll(async () => {
  await Promise.all(streams.map((stream) => stream.close()));
  await nodeB?.stop();
});

const cookieOf = (person: Person) =>
  [...person.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

async function streamOnB(person: Person, lastEventId?: string): Promise<SseClient> {
  const stream = new SseClient(`${nodeBUrl}/api/v1/me/events`, {
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
