import { beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@plinth/api';
import { useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';
import { fetchDocument, operationsOf, type DocumentOperation } from './contract-fixture';

// Cross-site request forgery on /api/v1: a page on another site can make a signed-in person's
// browser send a write with their cookie, but not with our Origin. Every cookie-authenticated write
// the document declares must be refused (403, the envelope) when its Origin is missing or not ours,
// before anything runs. The test clients otherwise always send our Origin, so without this file a
// removed check would pass the whole suite.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

let owner: Person;
let cookie: string;
let slug: string;
let projectId: string;
let writes: DocumentOperation[];

const foreignOrigins: [string, Record<string, string>][] = [
  ['no Origin', {}],
  // A same-site Referer is no substitute: the check reads Origin, which browsers send on every POST.
  ['no Origin, our Referer', { referer: 'REFERER' }],
  ['a foreign Origin', { origin: 'https://evil.example' }],
  ['our host on another port', { origin: 'http://127.0.0.1:1' }],
  ['the opaque Origin null', { origin: 'null' }],
  ['our Origin with a path', { origin: 'APP_URL/' }],
];

beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'csrf-owner');
  cookie = [...owner.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  slug = `csrf-${Date.now() % 1_000_000}`;
  expect((await owner.client.post('/api/v1/workspaces', { name: 'Target', slug })).status).toBe(201);
  const project = await owner.client.post(`/api/v1/workspaces/${slug}/projects`, { name: 'Kept' });
  expect(project.status).toBe(201);
  projectId = (project.data as { id: string }).id;
  writes = operationsOf(await fetchDocument(app)).filter((operation) => operation.method !== 'get');
});

/** What a forged write could change: row counts and the workspace itself, as the owner sees them. */
async function fingerprint(): Promise<unknown> {
  const { rows } = await testDb.owner.pool.query(
    `select (select count(*) from workspace) as workspaces,
            (select count(*) from member) as members,
            (select count(*) from invitation) as invitations,
            (select count(*) from project) as projects,
            (select count(*) from api_key) as api_keys,
            (select count(*) from audit_log) as audit_rows,
            (select count(*) from idempotency_key) as idempotency_keys,
            (select json_agg(json_build_object('name', name, 'deleted_at', deleted_at)) from workspace
              where slug = $1) as target,
            (select json_agg(name) from project) as project_names`,
    [slug],
  );
  return rows[0];
}

function urlOf({ path }: DocumentOperation): string {
  return `${app.url}/api/v1${path
    .replace('{slug}', slug)
    .replace('{project_id}', projectId)
    .replace('{user_id}', encodeId('user', owner.id))
    .replace('{invitation_id}', encodeId('inv', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'))
    .replace('{key_id}', encodeId('key', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'))}`;
}

describe('cookie-authenticated writes to /api/v1 from another site', () => {
  it('the document has writes to check', () => {
    // Creating, changing and deleting workspaces, members, invitations, projects and keys, and more.
    expect(writes.length).toBeGreaterThanOrEqual(15);
  });

  it.each(foreignOrigins)('with %s: every write is 403 and changes nothing', async (_label, extra) => {
    const before = await fingerprint();
    for (const operation of writes) {
      const headers: Record<string, string> = { cookie, 'content-type': 'application/json' };
      for (const [name, value] of Object.entries(extra)) {
        headers[name] = value.replace('REFERER', `${app.url}/w/${slug}`).replace('APP_URL', app.url);
      }
      const response = await fetch(urlOf(operation), {
        method: operation.method.toUpperCase(),
        headers: { ...headers, 'idempotency-key': `csrf-${operation.operationId}` },
        body: JSON.stringify({
          name: 'Forged',
          slug: 'forged-ws',
          email: 'attacker@evil.example',
          role: 'owner',
        }),
      });
      const label = `${operation.method.toUpperCase()} ${operation.path}`;
      expect(response.status, label).toBe(403);
      expect(await response.json(), label).toMatchObject({
        error: { code: 'forbidden', message: expect.stringContaining('trusted origin') },
      });
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('the same cookie from our own Origin goes through: the Origin is what was refused', async () => {
    const response = await fetch(`${app.url}/api/v1/workspaces/${slug}/projects`, {
      method: 'POST',
      headers: { cookie, origin: app.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'From our page' }),
    });
    expect(response.status).toBe(201);
  });

  it('an API key needs no Origin: a bearer token is not sent by a browser on its own', async () => {
    const key = await owner.client.post(`/api/v1/workspaces/${slug}/api-keys`, {
      name: 'CI',
      scopes: ['project.create'],
    });
    expect(key.status).toBe(201);
    const response = await fetch(`${app.url}/api/v1/workspaces/${slug}/projects`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(key.data as { secret: string }).secret}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'From CI' }),
    });
    expect(response.status).toBe(201);
  });
});
