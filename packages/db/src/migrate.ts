import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as runDrizzleMigrations } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { ensureAppRole } from './roles';

// The production build bundles this module into apps/server/dist and copies the migrations beside
// it, defining PLINTH_BUNDLED_MIGRATIONS; from source it is the package's own folder.
declare const PLINTH_BUNDLED_MIGRATIONS: string | undefined;
export const MIGRATIONS_FOLDER = fileURLToPath(
  new URL(
    typeof PLINTH_BUNDLED_MIGRATIONS === 'string' ? PLINTH_BUNDLED_MIGRATIONS : '../migrations',
    import.meta.url,
  ),
);

// Any constant works; it only has to be the same on every node that migrates this database.
const MIGRATION_LOCK = 7_331_001;

/**
 * Applies the committed SQL migrations as the owner role. Nodes that start at once serialize on an
 * advisory lock, so exactly one applies each migration. `afterMigrations` runs under the same lock
 * with the owner connection (grants, the job queue's schema).
 */
export async function migrateDatabase(
  ownerUrl: string,
  afterMigrations?: (client: pg.Client) => Promise<void>,
): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'plinth-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const db = drizzle({ client });
    await ensureAppRole(db);
    await runDrizzleMigrations(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await afterMigrations?.(client);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
