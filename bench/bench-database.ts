import { createServer } from 'node:net';
import pg from 'pg';
import { catalog } from '@plinth/core/billing';
import type { Env } from '@plinth/core/env';
import type { Logger } from '@plinth/core/logger';
import { openOwnerDatabase, type OwnerDatabase } from '../apps/server/src/local-database';
import { prepareDatabase } from '../apps/server/src/prepare-database';
import type { BenchOptions } from './cli-options';
import { progress } from './run-lifecycle';

// The environment a bench's nodes run in, and its database: the embedded Postgres cluster of the
// bench's own (--pg-port, --data-dir), or DATABASE_URL, migrated before any load.

/** The env source of a bench's API node: silent, test mode, on 127.0.0.1, on the bench's cluster. */
export function benchEnvSource(
  options: BenchOptions,
  overrides: Record<string, string>,
): Record<string, string | undefined> {
  return {
    ...process.env,
    PLINTH_ROLE: 'api',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    PLINTH_DATA_DIR: options.dataDir,
    EMBEDDED_PG_PORT: String(options.pgPort),
    ...overrides,
  };
}

/** A port free on 127.0.0.1 now: APP_URL (better-auth's baseURL) must name it before the node starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Says which database it uses, starts it if embedded, and applies the migrations. */
export async function openBenchDatabase(
  env: Env,
  logger: Logger,
  opened: (owner: OwnerDatabase) => void,
): Promise<OwnerDatabase> {
  progress(
    env.databaseUrl
      ? 'using DATABASE_URL (migrations are applied to it)'
      : `starting embedded Postgres in ${env.dataDir}/postgres on port ${env.embeddedPgPort}`,
  );
  const owner = await openOwnerDatabase(env, logger);
  // Handed over before anything else can fail, so that the shutdown stops it.
  opened(owner);
  await prepareDatabase(env, owner.ownerUrl);
  return owner;
}

/**
 * Our scratch cluster only: the loopback address's sign-up and sign-in counters, so that running the
 * bench more than 10 times an hour does not hit the per-IP sign-up limit. Never on a DATABASE_URL.
 */
export async function resetLoopbackAuthLimits(owner: OwnerDatabase): Promise<void> {
  if (!owner.embedded) return;
  const client = new pg.Client({ connectionString: owner.ownerUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`delete from rate_limit where key like 'sign-up.ip:%' or key like 'sign-in.ip:%'`);
  } finally {
    await client.end();
  }
}

/**
 * The team plan for a bench workspace, as billing writes it: an `entitlement` row with the catalog's
 * own features and limits (the free plan's 3 projects would stop the setup, and a row without the
 * plan's features refuses the projects API with a 402).
 */
export async function grantTeamPlan(owner: OwnerDatabase, slug: string): Promise<void> {
  const team = catalog.plans.team;
  const client = new pg.Client({ connectionString: owner.ownerUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `insert into entitlement (workspace_id, plan, state, features, limits)
       select id, $2, 'active', $3::jsonb, $4::jsonb from workspace where slug = $1 and deleted_at is null
       on conflict (workspace_id) do update
         set plan = excluded.plan, state = excluded.state, features = excluded.features, limits = excluded.limits`,
      [slug, team.key, JSON.stringify(team.features), JSON.stringify(team.limits)],
    );
    if (rowCount !== 1) throw new Error(`workspace ${slug} not found to set its plan`);
  } finally {
    await client.end();
  }
}
