import { readInTenantPrepared, type Database, type TenantActor } from '@plinth/db';
import type { ProjectView } from './projects';

// The projects list is the hottest tenant read: it goes to Postgres in ONE round trip with the
// tenant transaction around it (readInTenantPrepared: begin, the transaction-local settings, this
// select, commit, as named statements in one write), under the same forced row-level security,
// with rows mapped by hand. Named, the select is parsed and planned once per connection. The
// explicit workspace filter is for the index; the policy is what keeps other tenants' rows out.
const columns = 'id, name, description, created_by, created_at, updated_at';

const firstPage = {
  name: 'plinth_list_projects',
  text: `select ${columns} from project where workspace_id = $1 and deleted_at is null order by id desc limit $2`,
};
const laterPage = {
  name: 'plinth_list_projects_after',
  text: `select ${columns} from project where workspace_id = $1 and deleted_at is null and id < $2 order by id desc limit $3`,
};

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
  const rows = await readInTenantPrepared<ProjectRow>(
    database,
    actor.workspaceId,
    actor,
    cursor === undefined
      ? { ...firstPage, values: [actor.workspaceId, limit] }
      : { ...laterPage, values: [actor.workspaceId, cursor, limit] },
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
