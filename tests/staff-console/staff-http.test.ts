import http from 'node:http';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@plinth/core/api-keys';
import { resolveMembership } from '@plinth/core/tenancy';
import { auditLog, flagOverride, planOverride, workspace as workspaceTable } from '@plinth/db';
import { addMember, createWorkspace, makeStaff, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';

// Suspension as the API answers it (session and API key), and the staff REST routes over real
// HTTP on a real node: staff only, validated, audited.
const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

let owner: Person;
let staff: Person;
let stranger: Person;

beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'suspended-owner');
  staff = await signedInPerson(app, testDb, 'staff');
  stranger = await signedInPerson(app, testDb, 'stranger');
  // Staff who pass the staff guard: the admin role and 2FA, signed in just now.
  await makeStaff(testDb, staff.id);
});

async function fixture() {
  const ws = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
  const { actor } = await resolveMembership(testDb.app, owner.id, ws.slug);
  const { secret } = await createApiKey({ database: testDb.app }, actor, {
    name: 'CI',
    scopes: ['project.read'],
  });
  const withKey = app.client({ authorization: `Bearer ${secret}` });
  return { ws, withKey };
}

const put = (person: Person, path: string, json: unknown) =>
  person.client.request(path, { method: 'PUT', json });
const del = (person: Person, path: string, json: unknown) =>
  person.client.request(path, { method: 'DELETE', json });

describe('a suspended workspace over HTTP', () => {
  it('answers 403 workspace_suspended to its members by session and by key, 404 to others, until unsuspended', async () => {
    const { ws, withKey } = await fixture();
    const projects = `/api/v1/workspaces/${ws.slug}/projects`;
    expect((await owner.client.get(projects)).status).toBe(200);
    expect((await withKey.get(projects)).status).toBe(200);

    const suspended = await staff.client.post(`/api/admin/workspaces/${ws.id}/suspend`, {
      reason: 'Card testing',
    });
    expect(suspended.status, JSON.stringify(suspended.data)).toBe(200);

    for (const response of [
      await owner.client.get(projects),
      await withKey.get(projects),
      await owner.client.post(projects, { name: 'New' }),
      await owner.client.get(`/api/v1/workspaces/${ws.slug}`),
    ]) {
      expect(response.status).toBe(403);
      expect(response.data).toMatchObject({
        error: { code: 'workspace_suspended', message: expect.any(String), request_id: expect.any(String) },
      });
    }
    expect((await stranger.client.get(projects)).status).toBe(404);
    expect((await app.client().get(projects)).status).toBe(401);

    const lifted = await staff.client.post(`/api/admin/workspaces/${ws.id}/unsuspend`, {
      reason: 'Resolved',
    });
    expect(lifted.status).toBe(204);
    expect((await owner.client.get(projects)).status).toBe(200);
    expect((await withKey.get(projects)).status).toBe(200);
  });
});

describe('staff routes', () => {
  it('are 401 signed out and 404 for anyone but staff, on every route', async () => {
    const { ws } = await fixture();
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/admin/workspaces'],
      ['GET', `/api/admin/workspaces/${ws.id}`],
      ['POST', `/api/admin/workspaces/${ws.id}/suspend`, { reason: 'nope nope' }],
      ['POST', `/api/admin/workspaces/${ws.id}/unsuspend`, { reason: 'nope nope' }],
      [
        'PUT',
        `/api/admin/workspaces/${ws.id}/plan-override`,
        { plan: 'team', expiresAt: '2099-01-01', reason: 'x' },
      ],
      ['DELETE', `/api/admin/workspaces/${ws.id}/plan-override`, { reason: 'nope nope' }],
      ['GET', '/api/admin/numbers'],
      ['GET', '/api/admin/flags'],
      [
        'PUT',
        '/api/admin/flags/overrides',
        { key: 'project_templates', scope: 'kill', value: true, reason: 'xxx' },
      ],
      ['DELETE', '/api/admin/flags/overrides', { key: 'project_templates', scope: 'kill', reason: 'xxx' }],
    ];
    for (const [method, path, json] of routes) {
      const anonymous = await app.client().request(path, { method, ...(json ? { json } : {}) });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      const member = await owner.client.request(path, { method, ...(json ? { json } : {}) });
      expect(member.status, `${method} ${path}`).toBe(404);
    }
    const [row] = await testDb.owner.db.select().from(workspaceTable).where(eq(workspaceTable.id, ws.id));
    expect(row!.suspendedAt).toBeNull();
    expect(await testDb.owner.db.select().from(flagOverride)).toEqual([]);
  });

  it('search, page, override, numbers and flags work for staff, refuse bad input by field, and are audited', async () => {
    const { ws } = await fixture();
    const found = await staff.client.get(`/api/admin/workspaces?q=${encodeURIComponent(owner.email)}`);
    expect(found.status).toBe(200);
    expect(found.data).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: ws.id })]),
    });
    expect((await staff.client.get('/api/admin/workspaces?limit=0')).data).toMatchObject({
      error: { code: 'invalid_input', fields: { limit: expect.any(String) } },
    });

    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const override = await put(staff, `/api/admin/workspaces/${ws.id}/plan-override`, {
      plan: 'team',
      expiresAt,
      members: 25,
      reason: 'Pilot for Q3',
    });
    expect(override.status, JSON.stringify(override.data)).toBe(200);
    const page = await staff.client.get(`/api/admin/workspaces/${ws.id}`);
    expect(page.data).toMatchObject({
      workspace: { id: ws.id, slug: ws.slug },
      entitlements: { plan: 'team', limits: { members: 25 }, override: { plan: 'team', expiresAt } },
      members: [expect.objectContaining({ email: owner.email, role: 'owner' })],
    });
    const bad = await put(staff, `/api/admin/workspaces/${ws.id}/plan-override`, {
      plan: 'team',
      expiresAt: '2000-01-01',
      reason: 'Pilot',
    });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      error: { code: 'invalid_input', fields: { expiresAt: expect.any(String) } },
    });
    const notJson = await staff.client.request(`/api/admin/workspaces/${ws.id}/suspend`, {
      method: 'POST',
      body: 'reason=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);
    expect((await staff.client.get(`/api/admin/workspaces/not-a-workspace`)).status).toBe(404);

    const cleared = await del(staff, `/api/admin/workspaces/${ws.id}/plan-override`, {
      reason: 'Pilot over',
    });
    expect(cleared.status).toBe(204);

    const numbers = await staff.client.get('/api/admin/numbers');
    expect(numbers.status).toBe(200);
    expect(numbers.data).toMatchObject({
      mrr: { total: expect.any(Number) },
      signupsPerDay: expect.any(Array),
    });

    const flag = await put(staff, '/api/admin/flags/overrides', {
      key: 'project_templates',
      scope: 'workspace',
      workspaceId: ws.id,
      value: true,
      reason: 'Beta customer',
    });
    expect(flag.status, JSON.stringify(flag.data)).toBe(200);
    const detail = await staff.client.get(`/api/admin/workspaces/${ws.id}`);
    expect(detail.data).toMatchObject({
      flags: [{ key: 'project_templates', value: true, reason: 'workspace_override' }],
    });
    const kill = await put(staff, '/api/admin/flags/overrides', {
      key: 'project_templates',
      scope: 'kill',
      value: false,
      reason: 'Templates crash the editor',
    });
    expect(kill.status).toBe(200);
    expect((await staff.client.get(`/api/admin/workspaces/${ws.id}`)).data).toMatchObject({
      flags: [{ key: 'project_templates', value: false, reason: 'kill_switch' }],
    });
    expect(
      (
        await del(staff, '/api/admin/flags/overrides', {
          key: 'project_templates',
          scope: 'kill',
          reason: 'Fixed',
        })
      ).status,
    ).toBe(204);
    const listed = await staff.client.get('/api/admin/flags');
    expect(listed.data).toMatchObject({
      items: [expect.objectContaining({ scope: 'workspace', workspaceId: ws.id })],
    });

    const actions = (await testDb.owner.db.select().from(auditLog).where(eq(auditLog.actorId, staff.id))).map(
      (row) => row.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'workspace.plan_override_set',
        'workspace.plan_override_cleared',
        'flag.override_set',
        'flag.kill_switch_set',
        'flag.kill_switch_cleared',
      ]),
    );
  });
});

/**
 * POSTs a body that never ends (chunked, 64 KB at a time, up to 8 MB, then it waits without
 * ending it), as someone holding the server's memory would: resolves with the answer the server
 * gives while the body is still coming, or fails when there is none.
 */
function endlessBody(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const request = http.request(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url, ...headers },
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    let timer: NodeJS.Timeout | undefined;
    request.on('response', (response) => {
      answered = true;
      clearTimeout(timer);
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (data: string) => (body += data));
      response.on('end', () => {
        resolve({ status: response.statusCode!, body, sent });
        request.destroy();
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < 8 * 1024 * 1024) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) {
        timer = setTimeout(() => {
          request.destroy();
          reject(new Error(`no answer after ${sent} bytes: the server is still reading`));
        }, 5_000);
      }
    };
    pump();
  });
}

describe('staff routes read no unbounded body', () => {
  it('a body over 8 KB is a 413 before it is read, signed in or not, on every staff route that takes one', async () => {
    const { ws } = await fixture();
    const cookie = [...stranger.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    for (const path of [
      '/api/admin/reauthenticate',
      '/api/admin/impersonation/elevate',
      `/api/admin/users/${owner.id}/verify-email`,
      `/api/admin/workspaces/${ws.id}/suspend`,
    ]) {
      for (const headers of [{ cookie }, {}] as Record<string, string>[]) {
        const answer = await endlessBody(path, headers);
        expect(answer.status, path).toBe(413);
        expect(JSON.parse(answer.body), path).toMatchObject({ error: { code: 'payload_too_large' } });
      }
    }
    // A small body still reaches the route: a signed-in non-staff person is refused as before.
    const small = await stranger.client.post('/api/admin/reauthenticate', { password: 'x', code: '000000' });
    expect(small.status).not.toBe(413);
  });
});

describe('staff writes under bad input and at once', () => {
  it('flag overrides: a key that is an object property, or a workspace or person that does not exist, is a 400 naming the field', async () => {
    const { ws } = await fixture();
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const response = await put(staff, '/api/admin/flags/overrides', {
        key,
        scope: 'kill',
        value: true,
        reason: 'abc',
      });
      expect(response.status, key).toBe(400);
      expect(response.data, key).toMatchObject({
        error: { code: 'invalid_input', fields: { key: expect.any(String) } },
      });
      const cleared = await del(staff, '/api/admin/flags/overrides', { key, scope: 'kill', reason: 'abc' });
      expect(cleared.status, key).toBe(400);
    }
    const nobody = '01900000-0000-7000-8000-000000000000';
    const workspaceMissing = await put(staff, '/api/admin/flags/overrides', {
      key: 'project_templates',
      scope: 'workspace',
      workspaceId: nobody,
      value: true,
      reason: 'Beta customer',
    });
    expect(workspaceMissing.status).toBe(400);
    expect(workspaceMissing.data).toMatchObject({ error: { fields: { workspaceId: expect.any(String) } } });
    const personMissing = await put(staff, '/api/admin/flags/overrides', {
      key: 'project_templates',
      scope: 'user',
      userId: nobody,
      value: true,
      reason: 'Beta customer',
    });
    expect(personMissing.status).toBe(400);
    expect(personMissing.data).toMatchObject({ error: { fields: { userId: expect.any(String) } } });
    const rows = await testDb.owner.db.select().from(flagOverride).where(eq(flagOverride.workspaceId, ws.id));
    expect(rows).toEqual([]);
  });

  it('two staff setting the same flag override or plan grant at once both succeed, and one row remains', async () => {
    const { ws } = await fixture();
    const flags = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        put(staff, '/api/admin/flags/overrides', {
          key: 'project_templates',
          scope: 'workspace',
          workspaceId: ws.id,
          value: i % 2 === 0,
          reason: `Attempt ${i}`,
        }),
      ),
    );
    expect(flags.map((response) => response.status)).toEqual(flags.map(() => 200));
    expect(
      await testDb.owner.db.select().from(flagOverride).where(eq(flagOverride.workspaceId, ws.id)),
    ).toHaveLength(1);

    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const grants = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        put(staff, `/api/admin/workspaces/${ws.id}/plan-override`, {
          plan: 'team',
          expiresAt,
          projects: 100 + i,
          reason: `Deal ${i}`,
        }),
      ),
    );
    expect(grants.map((response) => response.status)).toEqual(grants.map(() => 200));
    const [row, ...more] = await testDb.owner.db
      .select()
      .from(planOverride)
      .where(eq(planOverride.workspaceId, ws.id));
    expect(more).toEqual([]);
    // Each grant after the first says what it replaced: they ran one after the other.
    const audited = await testDb.owner.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'workspace.plan_override_set'));
    const mine = audited.filter((entry) => entry.targetId === ws.id && entry.actorId === staff.id);
    expect(mine.filter((entry) => (entry.metadata as { replaced: unknown }).replaced === null)).toHaveLength(
      1,
    );
    expect(row!.projects).toBeGreaterThanOrEqual(100);
  });

  it('a plan grant with "members": null keeps the plan’s own limit (it meant 0)', async () => {
    const { ws } = await fixture();
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const grant = await put(staff, `/api/admin/workspaces/${ws.id}/plan-override`, {
      plan: 'team',
      expiresAt,
      members: null,
      projects: '',
      storageBytes: null,
      reason: 'Pilot',
    });
    expect(grant.status, JSON.stringify(grant.data)).toBe(200);
    expect(grant.data).toMatchObject({ members: null, projects: null, storageBytes: null });
    const page = await staff.client.get(`/api/admin/workspaces/${ws.id}`);
    const limits = (page.data as { entitlements: { limits: { members: number | null } } }).entitlements
      .limits;
    expect(limits.members === null || limits.members > 0).toBe(true);
  });
});
