import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi, encodeId } from '@plinth/api';
import { createLogger } from '@plinth/core/logger';
import { apiKey, file, project, withTenant, type MemberRole } from '@plinth/db';
import {
  createInvitation,
  addMember,
  createProject,
  createUser,
  createWorkspace,
  grantPlan,
  useTestDatabase,
} from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';

// API keys over real HTTP on a real node: what a key may reach, what it may do, what stops it,
// what it leaves behind (audit rows, a hash, a batched last use). The last-use interval is short
// here so the batching is observable.
const FLUSH_MS = 400;
const testDb = useTestDatabase({ API_KEY_USAGE_FLUSH_MS: String(FLUSH_MS) });
const app = useIdentityApp(testDb);

let owner: Person;
let admin: Person;

beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'key-owner');
  admin = await signedInPerson(app, testDb, 'key-admin');
});

interface Fixture {
  slug: string;
  workspaceId: string;
  projectId: string;
  invitationId: string;
  targetUserId: string;
}

/** A team-plan workspace with the owner and admin, a viewer to act on, a project and an invitation. */
/** Every webhook write route, with ids that need not exist: the scope is refused before any lookup. */
function webhookWrites(): Record<string, { path: string; body?: unknown }> {
  const endpoint = `/webhook-endpoints/${encodeId('we', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e')}`;
  const delivery = `${endpoint}/deliveries/${encodeId('whd', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e')}`;
  return {
    'POST /webhook-endpoints': { path: '/webhook-endpoints', body: { url: 'http://127.0.0.1:9/hooks' } },
    'PATCH /webhook-endpoints/:endpoint_id': { path: endpoint, body: { description: 'x' } },
    'DELETE /webhook-endpoints/:endpoint_id': { path: endpoint },
    'POST /webhook-endpoints/:endpoint_id/rotate-secret': { path: `${endpoint}/rotate-secret`, body: {} },
    'POST /webhook-endpoints/:endpoint_id/test': { path: `${endpoint}/test` },
    'POST /webhook-endpoints/:endpoint_id/deliveries/:delivery_id/retry': { path: `${delivery}/retry` },
  };
}

async function fixture(): Promise<Fixture> {
  const ws = await createWorkspace(testDb.app);
  await grantPlan(testDb.app, { workspace: ws, plan: 'team', seats: 50 });
  await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
  await addMember(testDb.app, { workspace: ws, user: { id: admin.id } as never, role: 'admin' });
  const target = await createUser(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: target, role: 'viewer' });
  const created = await createProject(testDb.app, { workspace: ws, createdBy: { id: owner.id } as never });
  const invite = await createInvitation(testDb.app, { workspace: ws, invitedBy: owner });
  return {
    slug: ws.slug,
    workspaceId: ws.id,
    projectId: created.id,
    invitationId: invite.id,
    targetUserId: target.id,
  };
}

interface CreatedKey {
  id: string;
  secret: string;
  scopes: string[];
  prefix: string;
}

async function mintKey(
  person: Person,
  slug: string,
  scopes: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<CreatedKey> {
  const response = await person.client.post(`/api/v1/workspaces/${slug}/api-keys`, {
    name: 'Integration',
    scopes,
    ...extra,
  });
  expect(response.status, JSON.stringify(response.data)).toBe(201);
  return response.data as unknown as CreatedKey;
}

/** A client that authenticates with the key only (no cookies). */
const withKey = (secret: string) => app.client({ authorization: `Bearer ${secret}` });

const uuidOfKey = async (secret: string) => {
  const hash = createHash('sha256').update(secret).digest('hex');
  const [row] = await testDb.owner.db.select().from(apiKey).where(eq(apiKey.secretHash, hash));
  return row!;
};

function expectUnauthenticated(response: { status: number; headers: Headers; data: unknown }) {
  expect(response.status).toBe(401);
  expect(response.data).toMatchObject({ error: { code: 'unauthenticated', request_id: expect.any(String) } });
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
}

describe('API keys over HTTP', () => {
  it('a key lists the projects of its workspace; the secret is shown once and stored only as a hash', async () => {
    const f = await fixture();
    const key = await mintKey(owner, f.slug, ['project.read']);
    expect(key.secret).toMatch(/^plk_[0-9A-Za-z]{43}$/);
    expect(key.id).toMatch(/^key_/);
    expect(key.prefix).toBe(key.secret.slice(0, 12));

    const response = await withKey(key.secret).get(`/api/v1/workspaces/${f.slug}/projects`);
    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({ items: [{ id: encodeId('proj', f.projectId) }], has_more: false });

    const listed = await owner.client.get(`/api/v1/workspaces/${f.slug}/api-keys`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.data)).not.toContain(key.secret);
    expect(listed.data).toMatchObject({
      items: [{ id: key.id, prefix: key.prefix, scopes: ['project.read'] }],
    });

    // The table: a SHA-256 of the secret, never the secret (nor its random part) in any column.
    const rows = await testDb.owner.db.select().from(apiKey).where(eq(apiKey.workspaceId, f.workspaceId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.secretHash).toBe(createHash('sha256').update(key.secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(key.secret.slice(4));
  });

  it('a revoked key is a 401 with the envelope and a Bearer challenge', async () => {
    const f = await fixture();
    const key = await mintKey(owner, f.slug, ['project.read']);
    expect((await withKey(key.secret).get(`/api/v1/workspaces/${f.slug}/projects`)).status).toBe(200);
    const revoked = await owner.client.request(`/api/v1/workspaces/${f.slug}/api-keys/${key.id}`, {
      method: 'DELETE',
    });
    expect(revoked.status).toBe(204);
    expectUnauthenticated(await withKey(key.secret).get(`/api/v1/workspaces/${f.slug}/projects`));
  });

  it('an expired key is a 401', async () => {
    const f = await fixture();
    const key = await mintKey(owner, f.slug, ['project.read'], {
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((await withKey(key.secret).get(`/api/v1/workspaces/${f.slug}/projects`)).status).toBe(200);
    // Time passes: the expiry is now behind us.
    const row = await uuidOfKey(key.secret);
    await testDb.owner.db
      .update(apiKey)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKey.id, row.id));
    expectUnauthenticated(await withKey(key.secret).get(`/api/v1/workspaces/${f.slug}/projects`));
  });

  it('an unknown or malformed key is a 401, and a valid session cookie does not rescue it', async () => {
    const f = await fixture();
    for (const header of [
      `Bearer plk_${'a'.repeat(43)}`,
      'Bearer plk_short',
      'Bearer',
      'Basic dXNlcjpwYXNz',
      `bearer ${' '}`,
    ]) {
      const response = await owner.client.request(`/api/v1/workspaces/${f.slug}/projects`, {
        headers: { authorization: header },
      });
      expectUnauthenticated(response);
    }
  });

  it('a key of another workspace is a 404, as for a non-member, even where its creator is a member', async () => {
    const f = await fixture();
    const other = await fixture();
    const key = await mintKey(owner, f.slug, ['project.read', 'workspace.read']);
    for (const path of ['', '/projects', `/projects/${encodeId('proj', other.projectId)}`]) {
      const response = await withKey(key.secret).get(`/api/v1/workspaces/${other.slug}${path}`);
      expect(response.status, path).toBe(404);
      expect(JSON.stringify(response.data)).not.toContain(other.workspaceId);
    }
  });

  it('an under-scoped key is a 403: read-only cannot create a project', async () => {
    const f = await fixture();
    const key = await mintKey(owner, f.slug, ['project.read']);
    const response = await withKey(key.secret).post(`/api/v1/workspaces/${f.slug}/projects`, {
      name: 'Nope',
    });
    expect(response.status).toBe(403);
    expect(response.data).toMatchObject({ error: { code: 'forbidden' } });
    const projects = await testDb.owner.db
      .select()
      .from(project)
      .where(eq(project.workspaceId, f.workspaceId));
    expect(projects).toHaveLength(1);
  });

  it('a key with the scopes of a viewer cannot write anything: every write route is refused', async () => {
    // What a viewer holds, as reviewed (tests/tenancy/reviewed-grants.ts): read-only.
    const viewerScopes = ['workspace.read', 'member.read', 'project.read', 'file.read'];
    const registered = createApi({
      env: testDb.env,
      database: testDb.app,
      logger: createLogger({ level: 'silent' }),
      version: 'test',
      auth: {} as never,
      jobs: {} as never,
    })
      .routes.filter(
        (route) =>
          route.path.startsWith('/api/v1/workspaces/:slug') &&
          !['GET', 'ALL', 'HEAD', 'OPTIONS'].includes(route.method) &&
          !route.path.endsWith('/restore'),
      )
      .map((route) => `${route.method} ${route.path.slice('/api/v1/workspaces/:slug'.length) || '/'}`);

    const f = await fixture();
    const spare = await mintKey(owner, f.slug, ['project.read']);
    // A ready attachment and the owner's pending one, to try deleting and completing.
    const [readyFile, pendingFile] = await withTenant(
      testDb.app,
      f.workspaceId,
      { type: 'system', id: 'test' },
      (tx) =>
        tx
          .insert(file)
          .values(
            (['ready', 'pending'] as const).map((status) => ({
              workspaceId: f.workspaceId,
              purpose: 'attachment',
              status,
              name: `${status}.pdf`,
              contentType: 'application/pdf',
              size: 10,
              storageKey: `workspaces/${f.workspaceId}/attachment/${status}`,
              finalKey: `workspaces/${f.workspaceId}/attachment/${status}-final`,
              projectId: f.projectId,
              createdBy: owner.id,
            })),
          )
          .returning(),
    );
    const writes: Record<string, { path: string; body?: unknown }> = {
      'PATCH /': { path: '', body: { name: 'Renamed' } },
      'DELETE /': { path: '' },
      'POST /leave': { path: '/leave' },
      'POST /transfer': { path: '/transfer', body: { user_id: encodeId('user', f.targetUserId) } },
      'PATCH /members/:user_id': {
        path: `/members/${encodeId('user', f.targetUserId)}`,
        body: { role: 'member' },
      },
      'DELETE /members/:user_id': { path: `/members/${encodeId('user', f.targetUserId)}` },
      'POST /invitations': { path: '/invitations', body: { email: 'new@example.test', role: 'viewer' } },
      'DELETE /invitations/:invitation_id': { path: `/invitations/${encodeId('inv', f.invitationId)}` },
      'POST /invitations/:invitation_id/resend': {
        path: `/invitations/${encodeId('inv', f.invitationId)}/resend`,
      },
      'POST /projects': { path: '/projects', body: { name: 'Nope' } },
      'PATCH /projects/:project_id': {
        path: `/projects/${encodeId('proj', f.projectId)}`,
        body: { name: 'Edited' },
      },
      'DELETE /projects/:project_id': { path: `/projects/${encodeId('proj', f.projectId)}` },
      'POST /api-keys': { path: '/api-keys', body: { name: 'More', scopes: ['project.read'] } },
      'DELETE /api-keys/:key_id': { path: `/api-keys/${spare.id}` },
      ...webhookWrites(),
      'POST /files': {
        path: '/files',
        body: {
          name: 'a.txt',
          content_type: 'text/plain',
          size: 1,
          purpose: 'attachment',
          project_id: encodeId('proj', f.projectId),
        },
      },
      'POST /files/:file_id/complete': { path: `/files/${encodeId('file', pendingFile!.id)}/complete` },
      'DELETE /files/:file_id': { path: `/files/${encodeId('file', readyFile!.id)}` },
      'DELETE /logo': { path: '/logo' },
    };
    expect(new Set(registered)).toEqual(new Set(Object.keys(writes)));

    const key = await mintKey(owner, f.slug, viewerScopes);
    const client = withKey(key.secret);
    for (const [name, write] of Object.entries(writes)) {
      const [method] = name.split(' ');
      const response = await client.request(`/api/v1/workspaces/${f.slug}${write.path}`, {
        method: method!,
        ...(write.body ? { json: write.body } : {}),
      });
      expect(response.status, `${name}: ${JSON.stringify(response.data)}`).toBe(403);
    }
    // And it can read.
    expect((await client.get(`/api/v1/workspaces/${f.slug}/projects`)).status).toBe(200);
    // Nothing changed: the project, the invitation, the viewer's role, the spare key.
    const workspace = await owner.client.get(`/api/v1/workspaces/${f.slug}`);
    expect(workspace.status).toBe(200);
    const projects = await owner.client.get(`/api/v1/workspaces/${f.slug}/projects`);
    expect(projects.data).toMatchObject({ items: [{ id: encodeId('proj', f.projectId) }] });
    expect((await withKey(spare.secret).get(`/api/v1/workspaces/${f.slug}/projects`)).status).toBe(200);
  });

  it('key creation refuses scopes above the creator, and a key cannot mint a key beyond its own scopes', async () => {
    const f = await fixture();
    const tooHigh = await admin.client.post(`/api/v1/workspaces/${f.slug}/api-keys`, {
      name: 'Escalate',
      scopes: ['project.read', 'workspace.delete'],
    });
    expect(tooHigh.status).toBe(403);
    expect(tooHigh.data).toMatchObject({
      error: { code: 'forbidden', fields: { scopes: expect.any(String) } },
    });
    const transfer = await owner.client.post(`/api/v1/workspaces/${f.slug}/api-keys`, {
      name: 'Transfer',
      scopes: ['workspace.transfer'],
    });
    expect(transfer.status).toBe(400);

    const manager = await mintKey(admin, f.slug, ['api_key.manage', 'project.read']);
    const wider = await withKey(manager.secret).post(`/api/v1/workspaces/${f.slug}/api-keys`, {
      name: 'Wider',
      scopes: ['project.read', 'project.create'],
    });
    expect(wider.status).toBe(403);
    const narrower = await withKey(manager.secret).post(`/api/v1/workspaces/${f.slug}/api-keys`, {
      name: 'Narrower',
      scopes: ['project.read'],
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(narrower.status).toBe(201);
    // A key-minted key must expire: without one it is refused, naming the public field.
    const forever = await withKey(manager.secret).post(`/api/v1/workspaces/${f.slug}/api-keys`, {
      name: 'Forever',
      scopes: ['project.read'],
    });
    expect(forever.status).toBe(400);
    expect(forever.data).toMatchObject({ error: { fields: { expires_at: expect.any(String) } } });
    // The new key answers to the person behind the key that made it.
    expect(narrower.data).toMatchObject({ created_by: encodeId('user', admin.id) });
    const rows = await testDb.owner.db.select().from(apiKey).where(eq(apiKey.workspaceId, f.workspaceId));
    expect(rows.map((row) => row.name).sort()).toEqual(['Integration', 'Narrower']);
  });

  it('a key loses what its creator loses: demoted, then removed', async () => {
    const f = await fixture();
    const key = await mintKey(admin, f.slug, ['project.read', 'project.create', 'invitation.read']);
    const client = withKey(key.secret);
    expect((await client.get(`/api/v1/workspaces/${f.slug}/invitations`)).status).toBe(200);

    const demote = async (role: MemberRole) => {
      const response = await owner.client.request(
        `/api/v1/workspaces/${f.slug}/members/${encodeId('user', admin.id)}`,
        { method: 'PATCH', json: { role } },
      );
      expect(response.status, JSON.stringify(response.data)).toBeLessThan(300);
    };
    await demote('member');
    expect((await client.get(`/api/v1/workspaces/${f.slug}/invitations`)).status).toBe(403);
    expect((await client.post(`/api/v1/workspaces/${f.slug}/projects`, { name: 'Still' })).status).toBe(201);
    await demote('viewer');
    expect((await client.post(`/api/v1/workspaces/${f.slug}/projects`, { name: 'No' })).status).toBe(403);
    expect((await client.get(`/api/v1/workspaces/${f.slug}/projects`)).status).toBe(200);

    const removed = await owner.client.request(
      `/api/v1/workspaces/${f.slug}/members/${encodeId('user', admin.id)}`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(204);
    expectUnauthenticated(await client.get(`/api/v1/workspaces/${f.slug}/projects`));
  });

  it('audit rows say which key did what', async () => {
    const f = await fixture();
    const key = await mintKey(owner, f.slug, ['project.read', 'project.create', 'project.delete']);
    const created = await withKey(key.secret).post(`/api/v1/workspaces/${f.slug}/projects`, {
      name: 'By key',
    });
    expect(created.status).toBe(201);
    const projectId = (created.data as { id: string }).id;
    const removed = await withKey(key.secret).request(`/api/v1/workspaces/${f.slug}/projects/${projectId}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);

    const events = await owner.client.get(`/api/v1/workspaces/${f.slug}/audit-events`);
    expect(events.status).toBe(200);
    const items = (events.data as { items: { action: string; actor: { type: string; id: string } }[] }).items;
    const byKey = items.filter((event) => event.actor.type === 'api_key').map((event) => event.action);
    expect(byKey.sort()).toEqual(['project.created', 'project.deleted']);
    for (const event of items.filter((item) => item.actor.type === 'api_key')) {
      expect(event.actor.id).toBe(key.id);
    }
    // Minting was done by the person, and says so.
    expect(items.find((event) => event.action === 'api_key.created')?.actor).toEqual({
      type: 'user',
      id: encodeId('user', owner.id),
      name: 'key-owner',
    });
  });

  it('a key is a workspace credential: it lists only its workspace, and cannot act as a person', async () => {
    const f = await fixture();
    await fixture(); // the owner belongs to another workspace too
    const key = await mintKey(owner, f.slug, ['workspace.read']);
    const client = withKey(key.secret);
    const list = await client.get('/api/v1/workspaces');
    expect(list.status).toBe(200);
    expect(list.data).toMatchObject({ items: [{ slug: f.slug }] });
    expect((list.data as { items: unknown[] }).items).toHaveLength(1);
    for (const [method, path, body] of [
      ['GET', '/api/v1/me', undefined],
      ['DELETE', '/api/v1/me', {}],
      ['POST', '/api/v1/workspaces', { name: 'Mine', slug: `key-made-${Date.now()}` }],
      ['POST', '/api/v1/invitations/accept', { token: 'x'.repeat(43) }],
    ] as const) {
      const response = await client.request(path, { method, ...(body ? { json: body } : {}) });
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.data)}`).toBe(403);
    }
  });

  it('Idempotency-Key on key creation: the secret is never stored for replay, and a replay is a 409 naming the key', async () => {
    const f = await fixture();
    const idempotencyKey = `mint-${Date.now()}`;
    const mint = () =>
      owner.client.post(
        `/api/v1/workspaces/${f.slug}/api-keys`,
        { name: 'Once', scopes: ['project.read'] },
        { 'idempotency-key': idempotencyKey },
      );
    const first = await mint();
    expect(first.status).toBe(201);
    const created = first.data as unknown as CreatedKey;
    expect(created.secret).toMatch(/^plk_/);
    const { rows } = await testDb.owner.pool.query<{ response_status: number; response_body: string | null }>(
      'select response_status, response_body from idempotency_key where key = $1',
      [idempotencyKey],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.response_status).toBe(201);
    expect(rows[0]!.response_body ?? '').not.toContain('plk_');
    expect(rows[0]!.response_body ?? '').not.toContain(created.secret.slice(4));

    const replay = await mint();
    expect(replay.status).toBe(409);
    expect(JSON.stringify(replay.data)).not.toContain(created.secret);
    expect(replay.data).toMatchObject({
      error: { code: 'conflict', message: expect.stringContaining(created.id) },
    });
    // It ran once: one key, whatever the retries.
    const keys = await testDb.owner.db.select().from(apiKey).where(eq(apiKey.workspaceId, f.workspaceId));
    expect(keys.map((row) => row.name)).toEqual(['Once']);
  });

  it('last_used_at is written in batches: many requests, at most one row write per key per interval', async () => {
    await testDb.owner.pool.query(`
      create table if not exists api_key_write (key_id uuid not null, at timestamptz not null default now());
      create or replace function count_api_key_write() returns trigger language plpgsql security definer as
        $$ begin if new.last_used_at is distinct from old.last_used_at then
          insert into api_key_write (key_id) values (new.id); end if; return new; end $$;
      drop trigger if exists api_key_write on api_key;
      create trigger api_key_write after update on api_key for each row execute function count_api_key_write();
    `);
    const f = await fixture();
    const key = await mintKey(owner, f.slug, ['project.read']);
    const row = await uuidOfKey(key.secret);
    expect(row.lastUsedAt).toBeNull();
    const client = withKey(key.secret);
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => client.get(`/api/v1/workspaces/${f.slug}/projects`)),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    await expect
      .poll(async () => (await uuidOfKey(key.secret)).lastUsedAt, { timeout: 10_000 })
      .toBeInstanceOf(Date);
    const elapsed = Date.now() - started;
    const { rows } = await testDb.owner.pool.query<{ n: number }>(
      'select count(*)::int as n from api_key_write where key_id = $1',
      [row.id],
    );
    // One write per flush interval that saw uses, never one per request.
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
    expect(rows[0]!.n).toBeLessThanOrEqual(Math.ceil(elapsed / FLUSH_MS) + 1);
    expect(rows[0]!.n).toBeLessThan(40);
    const used = await uuidOfKey(key.secret);
    expect(used.lastUsedIp).toBe('127.0.0.1');
  });
});
