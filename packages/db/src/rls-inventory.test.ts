import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@plinth/testing';

// Decision 0003's inventory is documentation that must stay true: every table in `public`, whether
// row-level security is forced on it, and its policies. This test reads the table from the decision
// record and compares it with a database migrated exactly as production is, so adding, dropping,
// fencing or unfencing a table without updating the record fails here.

const testDb = useTestDatabase();
const adrUrl = new URL('../../../docs/decisions/0003-rls-as-the-tenancy-floor.md', import.meta.url);

interface InventoryRow {
  table: string;
  rls: 'forced' | 'none' | 'enabled but not forced' | 'forced but not enabled';
  policies: string[];
}

/** The rows of the Markdown table under "## Inventory". */
function parseInventory(markdown: string): InventoryRow[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Inventory'));
  if (!section) throw new Error('decision 0003 has no "## Inventory" section');
  const rows: InventoryRow[] = [];
  for (const line of section.split('\n')) {
    const cells = /^\|\s*`([a-z_][a-z0-9_]*)`\s*\|\s*(forced|none)\s*\|(.*)\|\s*$/.exec(line);
    if (!cells) continue;
    const policies = [...cells[3]!.matchAll(/`([a-z_][a-z0-9_]*)`/g)].map((match) => match[1]!).sort();
    rows.push({ table: cells[1]!, rls: cells[2] as InventoryRow['rls'], policies });
  }
  return rows.sort((a, b) => a.table.localeCompare(b.table));
}

async function databaseInventory(): Promise<InventoryRow[]> {
  const { rows } = await testDb.owner.pool.query<{
    table: string;
    enabled: boolean;
    forced: boolean;
    policies: string[];
  }>(`
    select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
           coalesce(array_agg(p.polname::text order by p.polname) filter (where p.polname is not null), '{}') as policies
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_policy p on p.polrelid = c.oid
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    group by c.relname, c.relrowsecurity, c.relforcerowsecurity
    order by c.relname`);
  return rows.map((row) => ({
    table: row.table,
    rls:
      row.enabled && row.forced
        ? 'forced'
        : row.enabled
          ? 'enabled but not forced'
          : row.forced
            ? 'forced but not enabled'
            : 'none',
    policies: [...row.policies].sort(),
  }));
}

describe('the RLS inventory in decision 0003', () => {
  it('lists every table in public with its row-level security and policies, exactly as migrated', async () => {
    const documented = parseInventory(await readFile(adrUrl, 'utf8'));
    expect(documented.length).toBeGreaterThan(20);
    expect(documented).toEqual(await databaseInventory());
  });

  it('the parser reads the table, so a stale record is caught rather than skipped', () => {
    const markdown = [
      '## Inventory',
      '',
      '| Table | RLS | Policies |',
      '| --- | --- | --- |',
      '| `project` | forced | `project_tenant_isolation` |',
      '| `member` | none | — |',
      '',
      '## Consequences',
      '| `not_in_inventory` | none | — |',
    ].join('\n');
    expect(parseInventory(markdown)).toEqual([
      { table: 'member', rls: 'none', policies: [] },
      { table: 'project', rls: 'forced', policies: ['project_tenant_isolation'] },
    ]);
  });
});
