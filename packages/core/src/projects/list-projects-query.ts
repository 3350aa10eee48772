import { readInTenant, type Database, type TenantActor } from '@plinth/db';
import type { ProjectView } from './projects';

// The projects list is the hottest tenant read: it goes to Postgres as ONE message with the
// tenant transaction around it (readInTenant: begin, the transaction-local settings, this select,
// commit), under the same forced row-level security, with rows mapped by hand. The explicit
// workspace filter is for the index; the policy is what keeps other tenants' rows out.
const columns = 'id, name, description, created_by, created_at, updated_at';

interface ProjectRow {
  id: string;
  name: string;
  description: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export async function selectProjectsPage(
  database: Database,
  actor: TenantActor & { workspaceId: string },
  limit: number,
  cursor: string | undefined,
): Promise<ProjectView[]> {
  const rows = await readInTenant<ProjectRow>(
    database,
    actor.workspaceId,
    actor,
    (literal) =>
      `select ${columns} from project where workspace_id = ${literal(actor.workspaceId)} and deleted_at is null` +
      (cursor === undefined ? '' : ` and id < ${literal(cursor)}`) +
      ` order by id desc limit ${literal(limit)}`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
