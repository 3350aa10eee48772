import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { shippedMigrations } from '@plinth/db/admin';
import { rejectionOf, useTestDatabase } from '@plinth/testing';
import { prepareDatabase } from './prepare-database';
import { assertMigrationsNotAhead, StartupRefusal } from './startup-checks';

const testDb = useTestDatabase();
const fromNewerRelease = () => shippedMigrations().at(-1)!.when + 86_400_000;

async function appliedCount(): Promise<number> {
  const { rows } = await testDb.owner.db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return rows[0]!.n;
}

describe('a database whose migrations are ahead of the code', () => {
  afterEach(async () => {
    await testDb.owner.db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = ${fromNewerRelease()}`,
    );
  });

  it('passes when it is exactly at this release', async () => {
    await expect(assertMigrationsNotAhead(testDb.ownerUrl)).resolves.toBeUndefined();
  });

  it('is refused before anything is migrated, naming DATABASE_URL, the cause and the way out', async () => {
    await testDb.owner.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('newer', ${fromNewerRelease()})`,
    );
    const before = await appliedCount();
    const refusal = await rejectionOf(prepareDatabase(testDb.env, testDb.ownerUrl));
    expect(refusal).toBeInstanceOf(StartupRefusal);
    expect((refusal as Error).message).toMatch(
      /^DATABASE_URL: the database has 1 migration\(s\) newer than this release knows \(its newest is \d{4}_\w+\): a newer release migrated it\. Nothing was started or migrated\./,
    );
    expect((refusal as Error).message).toContain('docs/runbooks/restore-from-backup.md');
    expect(await appliedCount()).toBe(before);
  });
});
