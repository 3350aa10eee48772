import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { sqlStateOf } from './errors';
import { MIGRATIONS_FOLDER } from './migrate';

/** A migration this code ships: its journal tag and timestamp (drizzle records the timestamp). */
export interface ShippedMigration {
  tag: string;
  when: number;
}

/**
 * `current`: every shipped migration is applied and nothing else. `pending`: some are not applied
 * yet. `ahead`: the database has migrations this code does not know — a newer release migrated it.
 */
export type MigrationState = 'current' | 'pending' | 'ahead';

export interface MigrationStatus {
  state: MigrationState;
  /** Tags of shipped migrations the database does not have yet. */
  pending: string[];
  /** How many applied migrations are newer than the newest this code ships. */
  unknown: number;
}

let shipped: ShippedMigration[] | undefined;

/** The migrations in this build's journal, oldest first (read once per process). */
export function shippedMigrations(folder = MIGRATIONS_FOLDER): ShippedMigration[] {
  if (folder !== MIGRATIONS_FOLDER) return readJournal(folder);
  return (shipped ??= readJournal(folder));
}

function readJournal(folder: string): ShippedMigration[] {
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/**
 * Compares the database's applied migrations with the shipped ones, the way drizzle's migrator
 * decides (by timestamp). Readable by the app role (applyAccessRules grants it the table); a
 * database never migrated has everything pending.
 */
export async function readMigrationStatus(
  db: Executor,
  migrations: readonly ShippedMigration[] = shippedMigrations(),
): Promise<MigrationStatus> {
  let applied: number[];
  try {
    const { rows } = await db.execute<{ created_at: string }>(
      sql`select created_at from drizzle.__drizzle_migrations`,
    );
    applied = rows.map((row) => Number(row.created_at));
  } catch (error) {
    // 3F000 no schema, 42P01 no table: nothing was ever applied.
    if (sqlStateOf(error) !== '3F000' && sqlStateOf(error) !== '42P01') throw error;
    applied = [];
  }
  const lastApplied = Math.max(0, ...applied);
  const newestShipped = migrations.at(-1)?.when ?? 0;
  const pending = migrations.filter((migration) => migration.when > lastApplied).map(({ tag }) => tag);
  const unknown = applied.filter((when) => when > newestShipped).length;
  return { state: unknown > 0 ? 'ahead' : pending.length > 0 ? 'pending' : 'current', pending, unknown };
}
