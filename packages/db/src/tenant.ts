import type pg from 'pg';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres/session';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './client';
import { isUuid } from './ids';

/** Who is acting; written to `app.actor_type`/`app.actor_id` for triggers and audit defaults. */
export interface TenantActor {
  type: string;
  id: string;
}

type NoSchema = Record<string, never>;
/** A transaction inside one tenant; usable wherever an Executor is expected. */
export type TenantTx = NodePgTransaction<NoSchema, ExtractTablesWithRelations<NoSchema>>;

const dialect = new PgDialect();

/**
 * Runs `fn` in a transaction bound to one workspace. The BEGIN and the three set_config calls go to
 * Postgres as one simple-protocol message, so entering a tenant costs one round trip. The settings
 * are transaction-local (`true`), which keeps them safe behind PgBouncer in transaction mode and
 * gone the moment the transaction ends. Row-level security does the rest: inside `fn` a query
 * without a workspace filter still sees only this workspace's rows.
 */
export async function withTenant<T>(
  database: Database,
  workspaceId: string,
  actor: TenantActor,
  fn: (tx: TenantTx, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inTenant(database, workspaceId, actor, (client) => {
    const session = new NodePgSession<NoSchema, ExtractTablesWithRelations<NoSchema>>(
      client,
      dialect,
      undefined,
    );
    return fn(new NodePgTransaction(dialect, session, undefined), client);
  });
}

/**
 * withTenant for hot paths that run only named prepared statements on the raw client: the same
 * transaction, settings and error handling, without building a drizzle transaction per call.
 */
export function withTenantClient<T>(
  database: Database,
  workspaceId: string,
  actor: TenantActor,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inTenant(database, workspaceId, actor, fn);
}

function inTenant<T>(
  database: Database,
  workspaceId: string,
  actor: TenantActor,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  if (!isUuid(workspaceId)) throw new TypeError('withTenant: workspaceId must be a uuid');
  return inClientTransaction(
    database,
    (client) =>
      `begin; select set_config('app.workspace_id', ${literal(client, workspaceId)}, true), ` +
      `set_config('app.actor_type', ${literal(client, actor.type)}, true), ` +
      `set_config('app.actor_id', ${literal(client, actor.id)}, true)`,
    fn,
  );
}

/**
 * Enters `workspaceId` as `actor` inside a transaction already open on `client` (RLS reads the
 * settings at each statement): for platform work that visits several workspaces in one transaction,
 * such as the webhook dispatcher's claims.
 */
export async function enterTenant(
  client: pg.PoolClient,
  workspaceId: string,
  actor: TenantActor,
): Promise<void> {
  if (!isUuid(workspaceId)) throw new TypeError('enterTenant: workspaceId must be a uuid');
  await client.query(
    `select set_config('app.workspace_id', $1, true), set_config('app.actor_type', $2, true),
            set_config('app.actor_id', $3, true)`,
    [workspaceId, actor.type, actor.id],
  );
}

/**
 * A transaction on one raw pooled client, outside any tenant: for platform work that hands the
 * client to something else in the same transaction (the job queue's `executor`), such as the outbox
 * relay and the webhook inbox replay.
 */
export function withClientTransaction<T>(
  database: Database,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inClientTransaction(database, () => 'begin', fn);
}

async function inClientTransaction<T>(
  database: Database,
  begin: (client: pg.PoolClient) => string,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await database.pool.connect();
  // Set when the connection can no longer be trusted; release(error) then destroys it.
  let unusable: Error | undefined;
  try {
    try {
      await client.query(begin(client));
    } catch (error) {
      unusable = error as Error;
      throw error;
    }
    try {
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => {
        unusable = rollbackError;
      });
      throw error;
    }
  } finally {
    client.release(unusable);
  }
}

function literal(client: pg.PoolClient, value: string): string {
  return client.escapeLiteral(value);
}
