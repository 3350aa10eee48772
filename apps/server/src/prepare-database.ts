import { drizzle } from 'drizzle-orm/node-postgres';
import { applyAccessRules, migrateDatabase, setAppRolePassword } from '@plinth/db/admin';
import type { Env } from '@plinth/core/env';
import { installJobs } from '@plinth/core/jobs';
import { assertMigrationsNotAhead } from './startup-checks';
import { queues } from './wiring';

/**
 * Everything the owner role does before the app may start: SQL migrations, the job queue's schema
 * and queues, forced RLS and the app role's grants, and (when we derive the app URL) its password.
 * Idempotent, and safe when several nodes run it at once. Refuses a database a newer release
 * migrated (StartupRefusal) before touching it.
 */
export async function prepareDatabase(env: Env, ownerUrl: string): Promise<void> {
  await assertMigrationsNotAhead(ownerUrl);
  await migrateDatabase(ownerUrl, async (client) => {
    await installJobs(ownerUrl, env.jobsSchema, queues);
    const db = drizzle({ client });
    await applyAccessRules(db, [env.jobsSchema], {
      statementTimeoutMs: env.databaseTimeouts.statementMs,
    });
    if (!env.databaseAppUrl) await setAppRolePassword(db, env.appDbPassword);
  });
}
