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

/** A value inlined into a folded read's text: escaped as a string literal, or an integer as is. */
export type InlineValue = string | number;

/**
 * A read inside one workspace in ONE round trip: `begin`, the three transaction-local set_config
 * calls, the statement, and `commit`, sent as one simple-protocol message. The same transaction,
 * settings and forced row-level security as withTenant; what it gives up is the prepared statement
 * (the simple protocol takes no parameters, so Postgres parses and plans the statement each time;
 * the values are inlined with `literal`, which escapes strings as pg does and takes only integers
 * as numbers). For the hottest reads (the projects list); anything that writes, or needs more than
 * one statement, uses withTenant. `settings` adds more transaction-local settings to the same
 * select (search's pg_trgm threshold). On an error the transaction is rolled back before the client
 * goes back to the pool.
 */
export async function readInTenant<Row>(
  database: Database,
  workspaceId: string,
  actor: TenantActor,
  statement: (literal: (value: InlineValue) => string) => string,
  settings: Readonly<Record<string, string>> = {},
): Promise<Row[]> {
  if (!isUuid(workspaceId)) throw new TypeError('readInTenant: workspaceId must be a uuid');
  const client = await database.pool.connect();
  let unusable: Error | undefined;
  try {
    const inline = (value: InlineValue): string => {
      if (typeof value === 'number') {
        if (!Number.isSafeInteger(value))
          throw new TypeError('readInTenant: only integers are inlined as numbers');
        return String(value);
      }
      return literal(client, value);
    };
    const text =
      `begin; select set_config('app.workspace_id', ${literal(client, workspaceId)}, true), ` +
      `set_config('app.actor_type', ${literal(client, actor.type)}, true), ` +
      `set_config('app.actor_id', ${literal(client, actor.id)}, true)` +
      Object.entries(settings)
        .map(([name, value]) => `, set_config(${literal(client, name)}, ${literal(client, value)}, true)`)
        .join('') +
      `; ${statement(inline)}; commit`;
    try {
      const results = (await client.query(text)) as unknown as pg.QueryResult[];
      if (!Array.isArray(results) || results.length !== 4) {
        throw new Error('readInTenant: the statement must be exactly one statement');
      }
      return results[2]!.rows as Row[];
    } catch (error) {
      // The message stops at the first error, inside the open transaction: end it here.
      await client.query('rollback').catch((rollbackError: Error) => {
        unusable = rollbackError;
      });
      throw error;
    }
  } finally {
    client.release(unusable);
  }
}

/** A named statement: parsed and planned once per connection, then only bound and executed. */
export interface NamedStatement {
  name: string;
  text: string;
  values: unknown[];
}

const tenantSettingsStatement = {
  name: 'plinth_tenant_settings',
  text:
    "select set_config('app.workspace_id', $1, true), set_config('app.actor_type', $2, true), " +
    "set_config('app.actor_id', $3, true)",
};

type PipelinedClient = pg.PoolClient & {
  pipeline: boolean;
  connection?: { stream?: { cork?: () => void; uncork?: () => void } };
};

/**
 * readInTenant with named statements, still in ONE round trip: `begin`, the three
 * transaction-local set_config calls (named), `statement` (named) and `commit` go out together in
 * one write (pg's pipeline mode, on this checked-out client only, for this read only), and the four
 * answers come back together. Postgres parses and plans the settings and the statement once per
 * connection instead of on every call (readInTenant's simple-protocol message is re-planned each
 * time). The same transaction, settings and forced row-level security: the settings are made inside
 * the explicit transaction and end with it. When a statement fails, Postgres fails the ones after
 * it inside the same transaction and the `commit` ends it as a rollback; the first error is thrown,
 * and a connection not back outside any transaction is rolled back, or destroyed if that fails.
 */
export async function readInTenantPrepared<Row>(
  database: Database,
  workspaceId: string,
  actor: TenantActor,
  statement: NamedStatement,
): Promise<Row[]> {
  if (!isUuid(workspaceId)) throw new TypeError('readInTenantPrepared: workspaceId must be a uuid');
  const client = (await database.pool.connect()) as PipelinedClient;
  let unusable: Error | undefined;
  try {
    const stream = client.connection?.stream;
    let answers: PromiseSettledResult<pg.QueryResult>[];
    client.pipeline = true;
    try {
      // Corked, the four statements leave in one write instead of one each.
      stream?.cork?.();
      let sent: Promise<pg.QueryResult>[];
      try {
        sent = [
          // `begin` and `commit` as plain text: nothing to plan, and pg copies no config object
          // for them. Each ends with its own ReadyForQuery, as the named ones with their Sync.
          client.query('begin'),
          client.query({ ...tenantSettingsStatement, values: [workspaceId, actor.type, actor.id] }),
          client.query(statement),
          client.query('commit'),
        ];
      } finally {
        stream?.uncork?.();
      }
      answers = await Promise.allSettled(sent);
    } finally {
      client.pipeline = false;
    }
    const failed = answers.find((answer) => answer.status === 'rejected');
    if (!failed) return (answers[2] as PromiseFulfilledResult<pg.QueryResult>).value.rows as Row[];
    if (client.getTransactionStatus() !== 'I') {
      await client.query('rollback').catch((rollbackError: Error) => {
        unusable = rollbackError;
      });
    }
    throw failed.reason;
  } finally {
    client.release(unusable);
  }
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
