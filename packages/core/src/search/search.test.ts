import { describe, expect, it } from 'vitest';
import { readInTenant } from '@plinth/db';
import {
  addMember,
  createUser,
  createWorkspace,
  grantPlan,
  rejectionOf,
  useTestDatabase,
} from '@plinth/testing';
import { AppError } from '../errors/index';
import { createProject, deleteProject } from '../projects/index';
import type { MemberActor } from '../tenancy/index';
import { prefixQuery, searchWorkspace } from './index';

const testDb = useTestDatabase();
const deps = () => ({ database: testDb.app });

async function workspaceWith(projects: { name: string; description?: string }[]) {
  const ws = await createWorkspace(testDb.app);
  await grantPlan(testDb.app, { workspace: ws, plan: 'pro' });
  const ada = await createUser(testDb.app, { name: 'Ada Lovelace' });
  await addMember(testDb.app, { workspace: ws, user: ada, role: 'owner' });
  const owner: MemberActor = { type: 'user', id: ada.id, workspaceId: ws.id, role: 'owner' };
  const created = [];
  for (const values of projects) created.push(await createProject(deps(), owner, values));
  return { ws, ada, owner, created };
}

const names = (hits: { name: string }[]) => hits.map((hit) => hit.name);

describe('searchWorkspace', () => {
  it('finds projects by word prefix, ranks a name match above a description match', async () => {
    const { owner } = await workspaceWith([
      { name: 'Billing revamp', description: 'New plans' },
      { name: 'Mobile app', description: 'A marketing companion' },
      { name: 'Marketing site', description: 'Pages' },
    ]);
    const hits = await searchWorkspace(deps(), owner, { q: 'mark' });
    expect(names(hits)).toEqual(['Marketing site', 'Mobile app']);
    const byName = await searchWorkspace(deps(), owner, { q: 'Billing' });
    expect(names(byName)).toEqual(['Billing revamp']);
  });

  it('tolerates typos through pg_trgm (a missing letter, a swapped pair near the end)', async () => {
    const { owner } = await workspaceWith([
      { name: 'Website redesign' },
      { name: 'Quarterly report' },
      { name: 'Platform migration' },
    ]);
    expect(names(await searchWorkspace(deps(), owner, { q: 'webite' }))).toEqual(['Website redesign']);
    expect(names(await searchWorkspace(deps(), owner, { q: 'platfrom' }))).toEqual(['Platform migration']);
    expect(names(await searchWorkspace(deps(), owner, { q: 'quartrly' }))).toEqual(['Quarterly report']);
    expect(await searchWorkspace(deps(), owner, { q: 'zzzzqqq' })).toEqual([]);
  });

  it('needs every word of a multi-word query; the full match ranks first', async () => {
    const { owner } = await workspaceWith([
      { name: 'Blue harbor launch' },
      { name: 'Blue sky' },
      { name: 'Harbor cleanup' },
    ]);
    const hits = await searchWorkspace(deps(), owner, { q: 'blue harb' });
    expect(hits[0]!.name).toBe('Blue harbor launch');
  });

  it('finds members by name and email, and leaves deleted projects out', async () => {
    const { owner, created } = await workspaceWith([{ name: 'Lovelace archive' }]);
    const people = await searchWorkspace(deps(), owner, { q: 'ada' });
    expect(people).toEqual([expect.objectContaining({ type: 'member', name: 'Ada Lovelace' })]);
    const both = await searchWorkspace(deps(), owner, { q: 'lovelace' });
    expect(both.map((hit) => hit.type).sort()).toEqual(['member', 'project']);
    await deleteProject(deps(), owner, created[0]!.id);
    expect((await searchWorkspace(deps(), owner, { q: 'lovelace' })).map((hit) => hit.type)).toEqual([
      'member',
    ]);
  });

  it("never shows another workspace's rows, not even to a query that names that workspace", async () => {
    const mine = await workspaceWith([{ name: 'Shared name' }]);
    const theirs = await workspaceWith([{ name: 'Shared name secret' }]);
    const hits = await searchWorkspace(deps(), mine.owner, { q: 'secret' });
    expect(hits).toEqual([]);
    // A forged statement inside my tenant transaction that asks for their workspace outright:
    // row-level security still answers with nothing.
    const forged = await readInTenant<{ name: string }>(
      testDb.app,
      mine.ws.id,
      mine.owner,
      (literal) =>
        `select name from project where workspace_id = ${literal(theirs.ws.id)} and search @@ to_tsquery('simple', 'secret:*')`,
    );
    expect(forged).toEqual([]);
    // And their member, by name, is not mine to find.
    expect(await searchWorkspace(deps(), theirs.owner, { q: 'shared' })).toHaveLength(1);
  });

  it('a viewer searches too; an API key without member.read gets projects only', async () => {
    const { ws, owner } = await workspaceWith([{ name: 'Lovelace notes' }]);
    const viewer = await createUser(testDb.app, { name: 'Vera Viewer' });
    await addMember(testDb.app, { workspace: ws, user: viewer, role: 'viewer' });
    const asViewer: MemberActor = { type: 'user', id: viewer.id, workspaceId: ws.id, role: 'viewer' };
    expect((await searchWorkspace(deps(), asViewer, { q: 'lovelace' })).length).toBe(2);
    const key: MemberActor = {
      type: 'api_key',
      id: owner.id,
      workspaceId: ws.id,
      role: 'owner',
      permissions: ['project.read'],
    } as MemberActor;
    expect((await searchWorkspace(deps(), key, { q: 'lovelace' })).map((hit) => hit.type)).toEqual([
      'project',
    ]);
  });

  it('refuses an empty or overlong query naming q; punctuation alone finds nothing', async () => {
    const { owner } = await workspaceWith([{ name: 'Alpha' }]);
    for (const q of ['', '   ', 'x'.repeat(101)]) {
      const error = await rejectionOf(searchWorkspace(deps(), owner, { q }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toHaveProperty('q');
    }
    expect(await searchWorkspace(deps(), owner, { q: "'&|!:*()" })).toEqual([]);
  });

  it('builds the prefix tsquery from letters and digits only', () => {
    expect(prefixQuery("Blue harb!or's & | 42")).toBe('blue:* & harb:* & or & s & 42');
    expect(prefixQuery('&|!')).toBeNull();
  });
});
