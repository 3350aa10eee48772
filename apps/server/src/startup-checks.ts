import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import {
  describePortHolder,
  findPortHolder,
  isPortFree,
  readMigrationStatus,
  shippedMigrations,
} from '@plinth/db/admin';
import type { Env } from '@plinth/core/env';

/** A refusal to start that a person can act on: shown as its message, without a stack trace. */
export class StartupRefusal extends Error {
  override name = 'StartupRefusal';
}

/**
 * Fails at once when the HTTP port is taken, before anything touches a database: a run that cannot
 * serve must not migrate, seed or start workers first. (The listen itself can still lose a race;
 * the caller exits non-zero on that error too.) Nodes without HTTP and port 0 have nothing to check.
 */
export async function assertHttpPortFree(env: Env): Promise<void> {
  if (env.role === 'worker' || env.port === 0) return;
  if (await isPortFree(env.port, env.host)) return;
  const holder = await findPortHolder(env.port);
  throw new StartupRefusal(
    `PORT ${env.port} on ${env.host} is already in use${holder ? ` by ${describePortHolder(holder)}` : ''}: ` +
      'nothing was started. Stop that process, or set PORT to a free port.',
  );
}

/**
 * Refuses a database migrated by a newer release than this one: its schema may have dropped or
 * changed what this code uses, and migrating it "back" is not something migrations do. Read as the
 * owner (DATABASE_URL), before anything is migrated or started.
 */
export async function assertMigrationsNotAhead(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'plinth-start-check' });
  await client.connect();
  try {
    const status = await readMigrationStatus(drizzle({ client }));
    if (status.state !== 'ahead') return;
    const newest = shippedMigrations().at(-1)?.tag ?? '(none)';
    throw new StartupRefusal(
      `DATABASE_URL: the database has ${status.unknown} migration(s) newer than this release knows ` +
        `(its newest is ${newest}): a newer release migrated it. Nothing was started or migrated. ` +
        'Deploy that release or a newer one, or restore a backup taken before the upgrade ' +
        '(docs/runbooks/restore-from-backup.md).',
    );
  } finally {
    await client.end();
  }
}
