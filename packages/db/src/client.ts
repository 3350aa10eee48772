import pg from 'pg';
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';

/** Anything a query can run on: the pool-backed database or a transaction (tenant or not). */
export type Executor = PgDatabase<NodePgQueryResultHKT>;

export interface Database {
  /** Drizzle over the pool, for statements outside a tenant (health, membership lookups). */
  readonly db: NodePgDatabase;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Pool size; keep (nodes × max) under the server's max_connections. */
  max?: number;
  applicationName?: string;
}

export function createDatabase(connectionString: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'plinth',
    // No startup parameters beyond the application name: PgBouncer refuses unknown ones. The app
    // role's statement_timeout is set on the role itself (applyAccessRules).
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its connection (database restart) emits here; without a listener
  // that would crash the process. The pool drops the client and the next checkout reconnects.
  pool.on('error', () => {});
  const db = drizzle({ client: pool });
  let closed = false;
  return {
    db,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
