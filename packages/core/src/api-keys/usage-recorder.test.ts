import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiKey } from '@plinth/db';
import { addMember, createUser, createWorkspace, useTestDatabase } from '@plinth/testing';
import { createApiKeyUsageRecorder } from './index';

const testDb = useTestDatabase();

/** Row writes to api_key, counted by a trigger: what a write-per-request design would pile up. */
async function rowWrites(keyId: string): Promise<number> {
  const { rows } = await testDb.owner.pool.query<{ n: number }>(
    'select count(*)::int as n from api_key_write where key_id = $1',
    [keyId],
  );
  return rows[0]!.n;
}

async function newKey(workspaceId: string, createdBy: string) {
  const [row] = await testDb.app.db
    .insert(apiKey)
    .values({
      workspaceId,
      name: 'ci',
      prefix: 'plk_test',
      secretHash: `hash-${Math.random()}`,
      scopes: ['project.read'],
      createdBy,
    })
    .returning();
  return row!;
}

const lastUse = async (id: string) =>
  (await testDb.app.db.select().from(apiKey).where(eq(apiKey.id, id)))[0]!;

beforeAll(async () => {
  await testDb.owner.pool.query(`
    create table api_key_write (key_id uuid not null);
    create function count_api_key_write() returns trigger language plpgsql security definer as
      $$ begin insert into api_key_write values (new.id); return new; end $$;
    create trigger api_key_write after update on api_key for each row execute function count_api_key_write();
  `);
});

describe('API key last use', () => {
  it('many uses of several keys become one row write per key per flush, with the latest time and address', async () => {
    const ws = await createWorkspace(testDb.app);
    const person = await createUser(testDb.app);
    await addMember(testDb.app, { workspace: ws, user: person, role: 'owner' });
    const [a, b] = [await newKey(ws.id, person.id), await newKey(ws.id, person.id)];
    const recorder = createApiKeyUsageRecorder({ database: testDb.app, flushIntervalMs: 3_600_000 });
    for (let index = 0; index < 500; index++) recorder.record(a.id, '203.0.113.9');
    for (let index = 0; index < 200; index++) recorder.record(b.id, 'not an address');
    const before = Date.now();
    recorder.record(a.id, '198.51.100.4');
    expect(await rowWrites(a.id)).toBe(0);

    await recorder.flush();
    expect(await rowWrites(a.id)).toBe(1);
    expect(await rowWrites(b.id)).toBe(1);
    const rowA = await lastUse(a.id);
    expect(rowA.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(rowA.lastUsedIp).toBe('198.51.100.4');
    expect((await lastUse(b.id)).lastUsedIp).toBeNull();

    // Nothing used since: a flush writes nothing.
    await recorder.flush();
    expect(await rowWrites(a.id)).toBe(1);
    await recorder.close();
  });

  it('close() writes what is pending (shutdown), and an older use never overwrites a newer one', async () => {
    const ws = await createWorkspace(testDb.app);
    const person = await createUser(testDb.app);
    await addMember(testDb.app, { workspace: ws, user: person, role: 'owner' });
    const key = await newKey(ws.id, person.id);
    const stale = createApiKeyUsageRecorder({ database: testDb.app, flushIntervalMs: 3_600_000 });
    stale.record(key.id, '192.0.2.1');
    const fresh = createApiKeyUsageRecorder({ database: testDb.app, flushIntervalMs: 3_600_000 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    fresh.record(key.id, '192.0.2.2');
    await fresh.close();
    expect((await lastUse(key.id)).lastUsedIp).toBe('192.0.2.2');
    // Another node flushing an older use later.
    await stale.close();
    expect((await lastUse(key.id)).lastUsedIp).toBe('192.0.2.2');
    expect(await rowWrites(key.id)).toBe(1);
  });

  it('flushes on its interval without being asked', async () => {
    const ws = await createWorkspace(testDb.app);
    const person = await createUser(testDb.app);
    await addMember(testDb.app, { workspace: ws, user: person, role: 'owner' });
    const key = await newKey(ws.id, person.id);
    const recorder = createApiKeyUsageRecorder({ database: testDb.app, flushIntervalMs: 50 });
    recorder.record(key.id, '192.0.2.7');
    await expect.poll(async () => (await lastUse(key.id)).lastUsedIp, { timeout: 5_000 }).toBe('192.0.2.7');
    await recorder.close();
  });
});
