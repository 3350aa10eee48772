import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from './people';
import { memberRoles, workspaceFixture, type MatrixPeople } from './workspace-fixture';

// Restoring a deleted workspace: only an owner, and only within the 30-day window
// (POST /api/v1/workspaces/:slug/restore). Anyone else, or too late, gets the same 404 as for a
// workspace that never existed, and the workspace stays deleted.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
const people = {} as MatrixPeople;
let coOwner: Person;

beforeAll(async () => {
  for (const role of [...memberRoles, 'outsider'] as const)
    people[role] = await signedInPerson(app, testDb, role);
  coOwner = await signedInPerson(app, testDb, 'co-owner');
});

/** A workspace with a person in every role, deleted by its owner `daysAgo` days ago. */
async function deletedWorkspace(daysAgo: string) {
  const f = await workspaceFixture(testDb, people);
  const deleted = await people.owner.client.request(`/api/v1/workspaces/${f.slug}`, { method: 'DELETE' });
  expect(deleted.status).toBe(200);
  await testDb.owner.pool.query(`update workspace set deleted_at = now() - $2::interval where id = $1`, [
    f.workspaceId,
    daysAgo,
  ]);
  return f;
}

async function isDeleted(workspaceId: string): Promise<boolean> {
  const { rows } = await testDb.owner.pool.query<{ deleted: boolean }>(
    'select deleted_at is not null as deleted from workspace where id = $1',
    [workspaceId],
  );
  return rows[0]!.deleted;
}

async function restoredAudits(workspaceId: string): Promise<{ actor_id: string }[]> {
  const { rows } = await testDb.owner.pool.query<{ actor_id: string }>(
    `select actor_id from audit_log where workspace_id = $1 and action = 'workspace.restored'`,
    [workspaceId],
  );
  return rows;
}

const restore = (person: Person, slug: string) => person.client.post(`/api/v1/workspaces/${slug}/restore`);

describe('restoring a deleted workspace', () => {
  it('an owner restores it within the window; it is back for everyone, and audited', async () => {
    const f = await deletedWorkspace('29 days 23 hours');
    expect((await restore(people.owner, f.slug)).status).toBe(204);
    expect(await isDeleted(f.workspaceId)).toBe(false);
    expect((await people.viewer.client.get(`/api/v1/workspaces/${f.slug}/projects`)).status).toBe(200);
    expect(await restoredAudits(f.workspaceId)).toEqual([{ actor_id: people.owner.id }]);
  });

  it('any owner may, not only the one who deleted it', async () => {
    const f = await deletedWorkspace('1 day');
    await addMember(testDb.app, {
      workspace: { id: f.workspaceId } as never,
      user: { id: coOwner.id } as never,
      role: 'owner',
    });
    expect((await restore(coOwner, f.slug)).status).toBe(204);
    expect(await isDeleted(f.workspaceId)).toBe(false);
  });

  it.each(['admin', 'member', 'viewer', 'outsider'] as const)(
    'the %s cannot: 404 as for no workspace at all, and it stays deleted',
    async (role) => {
      const f = await deletedWorkspace('1 day');
      const attempt = await restore(people[role], f.slug);
      expect(attempt.status).toBe(404);
      expect(attempt.data).toMatchObject({ error: { code: 'not_found' } });
      expect(await isDeleted(f.workspaceId)).toBe(true);
      expect(await restoredAudits(f.workspaceId)).toEqual([]);
    },
  );

  it('past the 30-day window even the owner cannot, and it stays deleted', async () => {
    const f = await deletedWorkspace('30 days 1 hour');
    const attempt = await restore(people.owner, f.slug);
    expect(attempt.status).toBe(404);
    expect(attempt.data).toMatchObject({
      error: { code: 'not_found', message: expect.stringContaining('restore window') },
    });
    expect(await isDeleted(f.workspaceId)).toBe(true);
    expect(await restoredAudits(f.workspaceId)).toEqual([]);
  });

  it('a workspace that is not deleted has nothing to restore', async () => {
    const f = await workspaceFixture(testDb, people);
    expect((await restore(people.owner, f.slug)).status).toBe(404);
    expect(await restoredAudits(f.workspaceId)).toEqual([]);
  });

  it("an API key cannot restore, even its owner's with every scope: it is a person's act (403)", async () => {
    const f = await deletedWorkspace('1 day');
    const live = await workspaceFixture(testDb, people);
    const key = await people.owner.client.post(`/api/v1/workspaces/${live.slug}/api-keys`, {
      name: 'Everything',
      scopes: ['workspace.read', 'workspace.update', 'workspace.delete'],
    });
    expect(key.status).toBe(201);
    const attempt = await app
      .client({ authorization: `Bearer ${(key.data as { secret: string }).secret}` })
      .post(`/api/v1/workspaces/${f.slug}/restore`);
    expect(attempt.status).toBe(403);
    expect(await isDeleted(f.workspaceId)).toBe(true);
  });
});
