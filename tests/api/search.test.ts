import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@plinth/core/api-keys';
import { resolveMembership } from '@plinth/core/tenancy';
import { addMember, createProject, createWorkspace, grantPlan, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';

// GET /api/v1/workspaces/{slug}/search over real HTTP: what a session and an API key get back,
// and the 400s that name `q`.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
let owner: Person;
let viewer: Person;
let slug: string;
let otherSlug: string;

beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'search-owner');
  viewer = await signedInPerson(app, testDb, 'search-viewer');
  const ws = await createWorkspace(testDb.app);
  const other = await createWorkspace(testDb.app);
  await grantPlan(testDb.app, { workspace: ws, plan: 'pro' });
  await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
  await addMember(testDb.app, { workspace: ws, user: { id: viewer.id } as never, role: 'viewer' });
  await addMember(testDb.app, { workspace: other, user: { id: owner.id } as never, role: 'owner' });
  await createProject(testDb.app, {
    workspace: ws,
    createdBy: { id: owner.id } as never,
    name: 'Quarterly report',
  });
  await createProject(testDb.app, {
    workspace: other,
    createdBy: { id: owner.id } as never,
    name: 'Quarterly secret',
  });
  slug = ws.slug;
  otherSlug = other.slug;
});

const search = (person: Person, workspaceSlug: string, query: string) =>
  person.client.get(`/api/v1/workspaces/${workspaceSlug}/search?${query}`);

describe('GET /api/v1/workspaces/{slug}/search', () => {
  it("a viewer finds the workspace's project by a typo, and nothing of another workspace", async () => {
    const response = await search(viewer, slug, 'q=quartrly');
    expect(response.status).toBe(200);
    const body = response.data as { items: { type: string; id: string; name: string }[] };
    expect(body.items).toEqual([expect.objectContaining({ type: 'project', name: 'Quarterly report' })]);
    expect(body.items[0]!.id).toMatch(/^proj_/);
    // The other workspace is the owner's too, but its rows only come from its own slug.
    const mine = (await search(owner, slug, 'q=secret')).data as { items: unknown[] };
    expect(mine.items).toEqual([]);
    expect((await search(viewer, otherSlug, 'q=secret')).status).toBe(404);
  });

  it.each([
    ['missing', ''],
    ['empty', 'q='],
    ['blank', 'q=%20%20'],
    ['too long', `q=${'x'.repeat(101)}`],
    ['with a control character', 'q=a%00b'],
  ])('q %s: a 400 naming q', async (_label, query) => {
    const response = await search(owner, slug, query);
    expect(response.status).toBe(400);
    const body = response.data as { error: { code: string; fields?: Record<string, string> } };
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.fields ?? {})).toContain('q');
  });

  it('an API key with project.read gets projects; members need member.read', async () => {
    const { actor } = await resolveMembership(testDb.app, owner.id, slug);
    const { secret } = await createApiKey({ database: testDb.app }, actor, {
      name: 'search',
      scopes: ['project.read'],
    });
    const response = await fetch(`${app.url}/api/v1/workspaces/${slug}/search?q=search`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { type: string }[] };
    // The owner's name is "search-owner": a member hit, left out for this key.
    expect(body.items.every((item) => item.type === 'project')).toBe(true);
    const bySession = (await search(owner, slug, 'q=search')).data as { items: { type: string }[] };
    expect(bySession.items.some((item) => item.type === 'member')).toBe(true);
  });
});
