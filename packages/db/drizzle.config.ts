import { defineConfig } from 'drizzle-kit';

// Generation only (`npm run db:generate`): it diffs the schema against the committed snapshots and
// needs no database. Migrations are applied by `npm run db:migrate` (apps/server/src/cli/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './packages/db/migrations',
  entities: { roles: false },
});
