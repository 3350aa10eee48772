import type { Database } from '@plinth/db';

/** The tables a request to /api could write, identity and tenancy alike. */
export const WRITABLE_TABLES = [
  '"user"',
  'account',
  'session',
  'verification',
  'two_factor',
  'workspace',
  'member',
  'project',
  'invitation',
  'api_key',
  'audit_log',
] as const;

/**
 * Row count and an md5 over every row of each table, read as the owner (no RLS): equal before and
 * after a request means it wrote nothing, not even a half-written row.
 */
export async function rowChecksum(
  owner: Database,
  tables: readonly string[] = WRITABLE_TABLES,
): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await owner.pool.query<{ n: string; sum: string | null }>(
      `select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as sum from ${table} t`,
    );
    sums[table] = `${rows[0]!.n}:${rows[0]!.sum ?? ''}`;
  }
  return sums;
}
