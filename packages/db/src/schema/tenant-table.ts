import { sql, type SQL } from 'drizzle-orm';
import {
  index,
  pgPolicy,
  pgTable,
  uuid,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import type { BuildExtraConfigColumns } from 'drizzle-orm';
import { workspace } from './workspace';

/** The setting withTenant() writes and every tenant policy reads. */
export const TENANT_SETTING = 'app.workspace_id';

/** Rows visible and writable only while app.workspace_id names their workspace; unset → none. */
const tenantPredicate = (workspaceIdColumn: SQL.Aliased | unknown): SQL =>
  sql`${workspaceIdColumn} = nullif(current_setting('app.workspace_id', true), '')::uuid`;

const workspaceIdColumn = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspace.id, { onDelete: 'cascade' });

type TenantColumns<TColumns> = TColumns & { workspaceId: ReturnType<typeof workspaceIdColumn> };

/**
 * Declares a tenant-owned table in one line: a `workspace_id` column (FK, cascade on workspace hard
 * delete), an index leading with it (`(workspace_id, id)`, which also serves keyset pagination over
 * uuid v7 ids) and a row-level-security policy on `app.workspace_id`. The migrate command forces RLS
 * on every table that has it enabled, so the policy binds the table owner too.
 */
export function tenantTable<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
  extra?: (table: BuildExtraConfigColumns<TName, TenantColumns<TColumns>, 'pg'>) => PgTableExtraConfigValue[],
) {
  const allColumns = { workspaceId: workspaceIdColumn(), ...columns } as TenantColumns<TColumns>;
  return pgTable(name, allColumns, (table) => [
    index(`${name}_workspace_id_id_idx`).on(table.workspaceId, table['id' as keyof typeof table]!),
    pgPolicy(`${name}_tenant_isolation`, {
      as: 'permissive',
      for: 'all',
      to: 'public',
      using: tenantPredicate(table.workspaceId),
      withCheck: tenantPredicate(table.workspaceId),
    }),
    ...(extra?.(table) ?? []),
  ]);
}
