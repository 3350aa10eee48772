import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { APP_ROLE } from './constants';

export { APP_ROLE };

/** The app role's statement_timeout when none is given (DATABASE_STATEMENT_TIMEOUT_MS's default). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/** Tables the app role may only INSERT into and SELECT from (a trigger backs this up). */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;

/**
 * Creates the app role when missing. Roles are cluster-wide, so several databases (one per test
 * file, say) share it; a concurrent creator raises duplicate_object, which we take as success.
 */
export async function ensureAppRole(db: Executor): Promise<void> {
  await db.execute(
    sql.raw(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    EXCEPTION WHEN duplicate_object THEN NULL;
    END $$`),
  );
}

/** Lets the app role log in with a password (development, tests, or a self-managed database). */
export async function setAppRolePassword(db: Executor, password: string): Promise<void> {
  const { rows } = await db.execute<{ literal: string }>(sql`select quote_literal(${password}) as literal`);
  await db.execute(sql.raw(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${rows[0]!.literal}`));
}

/**
 * Runs after every migration, idempotently: forces RLS on every table that enables it (so the
 * policies bind the table owner too, not only the app role) and grants the app role its data
 * rights — and no more — on our schema and on `extraSchemas` (the job queue's).
 */
export async function applyAccessRules(
  db: Executor,
  extraSchemas: readonly string[] = [],
  options: { statementTimeoutMs?: number } = {},
): Promise<void> {
  await db.execute(
    sql.raw(`DO $$ DECLARE t regclass; BEGIN
      FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity AND NOT c.relforcerowsecurity
      LOOP EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t); END LOOP;
    END $$`),
  );
  for (const schema of ['public', ...extraSchemas]) {
    const quoted = `"${schema.replaceAll('"', '""')}"`;
    await db.execute(sql.raw(`GRANT USAGE ON SCHEMA ${quoted} TO ${APP_ROLE}`));
    await db.execute(
      sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${quoted} TO ${APP_ROLE}`),
    );
    await db.execute(sql.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${quoted} TO ${APP_ROLE}`));
    await db.execute(sql.raw(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${quoted} TO ${APP_ROLE}`));
    // Tables the owner creates later in this schema (a new job queue's partition) follow suit.
    await db.execute(
      sql.raw(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${quoted} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
      ),
    );
  }
  // Readiness probes (as the app role) compare the applied migrations with the shipped ones.
  await db.execute(sql.raw(`GRANT USAGE ON SCHEMA drizzle TO ${APP_ROLE}`));
  await db.execute(sql.raw(`GRANT SELECT ON drizzle.__drizzle_migrations TO ${APP_ROLE}`));
  // A runaway query cannot hold a connection for ever; set on the role so it also holds behind
  // PgBouncer, which refuses per-connection startup parameters. Below the pools' client-side
  // query_timeout, so the server cancels a slow statement before the client gives up on the server.
  const statementTimeoutMs = Math.trunc(options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS);
  await db.execute(sql.raw(`ALTER ROLE ${APP_ROLE} SET statement_timeout = ${statementTimeoutMs}`));
  for (const table of APPEND_ONLY_TABLES) {
    await db.execute(sql.raw(`REVOKE UPDATE, DELETE, TRUNCATE ON "${table}" FROM ${APP_ROLE}`));
  }
}
