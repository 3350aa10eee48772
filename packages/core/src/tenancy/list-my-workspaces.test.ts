import { describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspace, useTestDatabase } from '@plinth/testing';
import { listMyWorkspaces } from './index';

const testDb = useTestDatabase();

describe('listMyWorkspaces (the shell’s switcher and sidebar on every signed-in page)', () => {
  it('lists the live workspaces a person belongs to, by name, with their role and logo', async () => {
    const person = await createUser(testDb.app);
    const someoneElse = await createUser(testDb.app);
    const tag = Date.now().toString(36);
    const zeta = await createWorkspace(testDb.app, {
      name: `Zeta ${tag}`,
      logo: 'https://cdn.test/zeta.webp',
    });
    const alpha = await createWorkspace(testDb.app, { name: `Alpha ${tag}` });
    const gone = await createWorkspace(testDb.app, { name: `Beta ${tag}`, deletedAt: new Date() });
    const notMine = await createWorkspace(testDb.app, { name: `Gamma ${tag}` });
    await addMember(testDb.app, { workspace: zeta, user: person, role: 'viewer' });
    await addMember(testDb.app, { workspace: alpha, user: person, role: 'owner' });
    await addMember(testDb.app, { workspace: gone, user: person, role: 'admin' });
    await addMember(testDb.app, { workspace: notMine, user: someoneElse, role: 'owner' });

    const listed = await listMyWorkspaces({ database: testDb.app }, person.id);
    expect(listed).toEqual([
      {
        id: alpha.id,
        name: alpha.name,
        slug: alpha.slug,
        role: 'owner',
        createdAt: alpha.createdAt,
        logo: null,
      },
      {
        id: zeta.id,
        name: zeta.name,
        slug: zeta.slug,
        role: 'viewer',
        createdAt: zeta.createdAt,
        logo: 'https://cdn.test/zeta.webp',
      },
    ]);
    expect(listed[0]!.createdAt).toBeInstanceOf(Date);
    expect(await listMyWorkspaces({ database: testDb.app }, (await createUser(testDb.app)).id)).toEqual([]);
  });
});
