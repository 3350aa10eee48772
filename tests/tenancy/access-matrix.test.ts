import { describe, expect, it, beforeAll } from 'vitest';
import { createApi, encodeId } from '@plinth/api';
import type { Permission } from '@plinth/core/access';
import type { MemberRole } from '@plinth/db';
import { useTestDatabase } from '@plinth/testing';
import { createLogger } from '@plinth/core/logger';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from './people';
import { editors, everyone, managers, ownerOnly } from './reviewed-grants';
import {
  CLOSED_LOOPBACK_URL,
  memberRoles,
  workspaceFixture,
  type WorkspaceFixture,
} from './workspace-fixture';

// Endpoints in the matrix point at a closed loopback port: the development allowance lets them be created.
const testDb = useTestDatabase({ WEBHOOK_ALLOW_PRIVATE: 'loopback' });
const app = useIdentityApp(testDb);

type Fixture = WorkspaceFixture;

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The route as Hono registers it, under /api/v1/workspaces/:slug. */
  route: string;
  path: (f: Fixture) => string;
  /** The permission the route checks; null: any member may (the service has its own rules). */
  permission: Permission | null;
  /** The roles that may, as reviewed (see reviewed-grants.ts); never derived from the table. */
  allowed: readonly MemberRole[];
  body?: (f: Fixture) => unknown;
  /** Statuses for roles the table says may act, when not the default 2xx. */
  special?: Partial<Record<MemberRole, number>>;
}

const cases: RouteCase[] = [
  { method: 'GET', route: '/', path: () => '', permission: 'workspace.read', allowed: everyone },
  {
    method: 'PATCH',
    route: '/',
    path: () => '',
    permission: 'workspace.update',
    allowed: managers,
    body: () => ({ name: 'Renamed' }),
  },
  { method: 'DELETE', route: '/', path: () => '', permission: 'workspace.delete', allowed: ownerOnly },
  // Removing the logo: nothing to remove is still a 204 for those allowed (idempotent).
  {
    method: 'DELETE',
    route: '/logo',
    path: () => '/logo',
    permission: 'workspace.update',
    allowed: managers,
  },
  {
    method: 'POST',
    route: '/leave',
    path: () => '/leave',
    permission: null,
    allowed: everyone,
    special: { owner: 409 },
  },
  {
    method: 'POST',
    route: '/transfer',
    path: () => '/transfer',
    permission: 'workspace.transfer',
    allowed: ownerOnly,
    body: (f) => ({ user_id: encodeId('user', f.targetUserId) }),
  },
  { method: 'GET', route: '/members', path: () => '/members', permission: 'member.read', allowed: everyone },
  {
    method: 'PATCH',
    route: '/members/:user_id',
    path: (f) => `/members/${encodeId('user', f.targetUserId)}`,
    permission: 'member.update_role',
    allowed: managers,
    body: () => ({ role: 'member' }),
  },
  {
    method: 'DELETE',
    route: '/members/:user_id',
    path: (f) => `/members/${encodeId('user', f.targetUserId)}`,
    permission: 'member.remove',
    allowed: managers,
  },
  {
    method: 'GET',
    route: '/invitations',
    path: () => '/invitations',
    permission: 'invitation.read',
    allowed: managers,
  },
  {
    method: 'POST',
    route: '/invitations',
    path: () => '/invitations',
    permission: 'member.invite',
    allowed: managers,
    body: () => ({ email: `new-${Date.now()}-${Math.random()}@example.test`, role: 'viewer' }),
  },
  {
    method: 'DELETE',
    route: '/invitations/:invitation_id',
    path: (f) => `/invitations/${encodeId('inv', f.invitationId)}`,
    permission: 'invitation.revoke',
    allowed: managers,
  },
  {
    method: 'POST',
    route: '/invitations/:invitation_id/resend',
    path: (f) => `/invitations/${encodeId('inv', f.invitationId)}/resend`,
    permission: 'member.invite',
    allowed: managers,
  },
  {
    method: 'GET',
    route: '/projects',
    path: () => '/projects',
    permission: 'project.read',
    allowed: everyone,
  },
  {
    method: 'GET',
    route: '/search',
    path: () => '/search?q=project',
    permission: 'project.read',
    allowed: everyone,
  },
  {
    method: 'POST',
    route: '/projects',
    path: () => '/projects',
    permission: 'project.create',
    allowed: editors,
    body: () => ({ name: 'New project' }),
  },
  {
    method: 'GET',
    route: '/projects/:project_id',
    path: (f) => `/projects/${encodeId('proj', f.projectId)}`,
    permission: 'project.read',
    allowed: everyone,
  },
  {
    method: 'PATCH',
    route: '/projects/:project_id',
    path: (f) => `/projects/${encodeId('proj', f.projectId)}`,
    permission: 'project.update',
    allowed: editors,
    body: () => ({ name: 'Edited' }),
  },
  {
    method: 'DELETE',
    route: '/projects/:project_id',
    path: (f) => `/projects/${encodeId('proj', f.projectId)}`,
    permission: 'project.delete',
    allowed: managers,
  },
  {
    method: 'GET',
    route: '/audit-events',
    path: () => '/audit-events',
    permission: 'audit.read',
    allowed: managers,
  },
  {
    method: 'GET',
    route: '/audit-events/export',
    path: () => '/audit-events/export?format=json',
    permission: 'audit.read',
    allowed: managers,
  },
  { method: 'GET', route: '/billing', path: () => '/billing', permission: 'billing.read', allowed: managers },
  // The flags a client may see: any member (each flag decides what it shows; no permission).
  { method: 'GET', route: '/flags', path: () => '/flags', permission: null, allowed: everyone },
  {
    method: 'GET',
    route: '/api-keys',
    path: () => '/api-keys',
    permission: 'api_key.read',
    allowed: managers,
  },
  {
    method: 'POST',
    route: '/api-keys',
    path: () => '/api-keys',
    permission: 'api_key.manage',
    allowed: managers,
    body: () => ({ name: 'CI', scopes: ['project.read'] }),
  },
  {
    method: 'DELETE',
    route: '/api-keys/:key_id',
    path: (f) => `/api-keys/${encodeId('key', f.apiKeyId)}`,
    permission: 'api_key.manage',
    allowed: managers,
  },
  ...webhookCases(),
  ...fileCases(),
];

function fileCases(): RouteCase[] {
  const one = (f: Fixture) => `/files/${encodeId('file', f.fileId)}`;
  return [
    {
      method: 'POST',
      route: '/files',
      path: () => '/files',
      permission: 'file.upload',
      allowed: editors,
      body: (f) => ({
        name: 'notes.txt',
        content_type: 'text/plain',
        size: 5,
        purpose: 'attachment',
        project_id: encodeId('proj', f.projectId),
      }),
    },
    {
      method: 'POST',
      route: '/files/:file_id/complete',
      path: (f) => `/files/${encodeId('file', f.pendingFileId)}/complete`,
      permission: 'file.upload',
      allowed: editors,
      // Only the person who declared it completes it (404 for the others); the owner's object has
      // not arrived, so the owner gets past every rule to the storage check's 409.
      special: { owner: 409, admin: 404, member: 404 },
    },
    { method: 'GET', route: '/files/:file_id', path: one, permission: 'file.read', allowed: everyone },
    {
      method: 'GET',
      route: '/files/:file_id/download',
      path: (f) => `${one(f)}/download`,
      permission: 'file.read',
      allowed: everyone,
    },
    { method: 'DELETE', route: '/files/:file_id', path: one, permission: 'file.delete', allowed: editors },
    {
      method: 'GET',
      route: '/projects/:project_id/files',
      path: (f) => `/projects/${encodeId('proj', f.projectId)}/files`,
      permission: 'file.read',
      allowed: everyone,
    },
  ];
}

function webhookCases(): RouteCase[] {
  const endpoint = (f: Fixture) => `/webhook-endpoints/${encodeId('we', f.webhookEndpointId)}`;
  const manage = { permission: 'webhook.manage' as const, allowed: managers };
  return [
    { method: 'GET', route: '/webhook-endpoints', path: () => '/webhook-endpoints', ...manage },
    {
      method: 'POST',
      route: '/webhook-endpoints',
      path: () => '/webhook-endpoints',
      ...manage,
      body: () => ({ url: CLOSED_LOOPBACK_URL }),
    },
    { method: 'GET', route: '/webhook-endpoints/:endpoint_id', path: endpoint, ...manage },
    {
      method: 'PATCH',
      route: '/webhook-endpoints/:endpoint_id',
      path: endpoint,
      ...manage,
      body: () => ({ description: 'Changed' }),
    },
    { method: 'DELETE', route: '/webhook-endpoints/:endpoint_id', path: endpoint, ...manage },
    {
      method: 'POST',
      route: '/webhook-endpoints/:endpoint_id/rotate-secret',
      path: (f) => `${endpoint(f)}/rotate-secret`,
      ...manage,
      body: () => ({}),
    },
    {
      method: 'POST',
      route: '/webhook-endpoints/:endpoint_id/test',
      path: (f) => `${endpoint(f)}/test`,
      ...manage,
    },
    {
      method: 'GET',
      route: '/webhook-endpoints/:endpoint_id/deliveries',
      path: (f) => `${endpoint(f)}/deliveries`,
      ...manage,
    },
    {
      method: 'POST',
      route: '/webhook-endpoints/:endpoint_id/deliveries/:delivery_id/retry',
      path: (f) => `${endpoint(f)}/deliveries/${encodeId('whd', f.webhookDeliveryId)}/retry`,
      ...manage,
    },
  ];
}

const roles = memberRoles;
const people = {} as Record<MemberRole | 'outsider', Person>;

beforeAll(async () => {
  for (const role of [...roles, 'outsider'] as const) people[role] = await signedInPerson(app, testDb, role);
});

const fixture = () => workspaceFixture(testDb, people);

async function call(person: Person, routeCase: RouteCase, f: Fixture) {
  return person.client.request(`/api/v1/workspaces/${f.slug}${routeCase.path(f)}`, {
    method: routeCase.method,
    ...(routeCase.body ? { json: routeCase.body(f) } : {}),
  });
}

describe('every workspace-scoped route is in the matrix', () => {
  it('the table below covers exactly the routes the API registers', () => {
    const api = createApi({
      env: testDb.env,
      database: testDb.app,
      logger: createLogger({ level: 'silent' }),
      version: 'test',
      auth: {} as never,
      jobs: {} as never,
    });
    const prefix = '/api/v1/workspaces/:slug';
    const registered = new Set(
      api.routes
        .filter(
          (route) =>
            route.path.startsWith(prefix) && route.method !== 'ALL' && !route.path.endsWith('/restore'),
        )
        .map((route) => `${route.method} ${route.path.slice(prefix.length) || '/'}`),
    );
    expect(registered).toEqual(new Set(cases.map((routeCase) => `${routeCase.method} ${routeCase.route}`)));
  });
});

describe.each(cases)('$method /api/v1/workspaces/:slug$route', (routeCase) => {
  it('is a 404 with no data for a member of another workspace', async () => {
    const f = await fixture();
    const response = await call(people.outsider, routeCase, f);
    expect(response.status).toBe(404);
    const text = JSON.stringify(response.data);
    const publicIds = [
      encodeId('ws', f.workspaceId),
      encodeId('proj', f.projectId),
      encodeId('inv', f.invitationId),
    ];
    for (const secret of [f.workspaceId, f.projectId, f.projectName, f.invitationId, f.slug, ...publicIds]) {
      expect(text).not.toContain(secret);
    }
  });

  it.each(roles)('for a %s: exactly what the reviewed grants allow', async (role) => {
    const f = await fixture();
    const response = await call(people[role], routeCase, f);
    const allowed = routeCase.allowed.includes(role);
    const expected = routeCase.special?.[role];
    if (expected) expect(response.status).toBe(expected);
    else if (allowed) expect(response.status, JSON.stringify(response.data)).toBeLessThan(300);
    else {
      expect(response.status).toBe(403);
      expect(response.data).toMatchObject({ error: { code: 'forbidden' } });
    }
  });
});
