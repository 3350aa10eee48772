import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '@plinth/core/env';
import { shippedMigrations } from '@plinth/db/admin';
import { rejectionOf, thrownBy, useTestDatabase } from '@plinth/testing';
import { prepareDatabase } from './prepare-database';
import { assertMigrationsNotAhead, assertWebBuild, StartupRefusal } from './startup-checks';

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

describe('DEV_SERVE_BUILD without a production build of the pages', () => {
  it('is refused for the roles that serve pages, naming the directory and npm run build', async () => {
    const webDir = await mkdtemp(path.join(tmpdir(), 'plinth-web-'));
    try {
      const env = loadEnv({ DEV_SERVE_BUILD: 'true' });
      const refusal = thrownBy(() => assertWebBuild(env, webDir));
      expect(refusal).toBeInstanceOf(StartupRefusal);
      expect((refusal as Error).message).toBe(
        `DEV_SERVE_BUILD=true serves the pages from the production build, and ${path.join(webDir, '.next')} ` +
          'has none: nothing was started. Run npm run build first, or unset DEV_SERVE_BUILD.',
      );
      expect(
        thrownBy(() => assertWebBuild(loadEnv({ DEV_SERVE_BUILD: 'true', PLINTH_ROLE: 'web' }), webDir)),
      ).toBeInstanceOf(StartupRefusal);
      // Nodes without pages, and the on-demand compiler, need no build.
      assertWebBuild(loadEnv({ DEV_SERVE_BUILD: 'true', PLINTH_ROLE: 'api' }), webDir);
      assertWebBuild(loadEnv({}), webDir);
      // With a build (its BUILD_ID), it starts.
      await mkdir(path.join(webDir, '.next'));
      await writeFile(path.join(webDir, '.next', 'BUILD_ID'), 'test');
      assertWebBuild(env, webDir);
    } finally {
      await rm(webDir, { recursive: true, force: true });
    }
  });
});
