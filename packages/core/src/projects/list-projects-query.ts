import type pg from 'pg';
import type { ProjectView } from './projects';

// The projects list is the hottest tenant query: its SQL is written once and run as a named
// prepared statement (parsed and planned once per connection), with rows mapped by hand.
const columns = 'id, name, description, created_by, created_at, updated_at';
const firstPage = {
  name: 'plinth_list_projects',
  text: `select ${columns} from project where workspace_id = $1 and deleted_at is null order by id desc limit $2`,
};
const nextPage = {
  name: 'plinth_list_projects_after',
  text: `select ${columns} from project where workspace_id = $1 and deleted_at is null and id < $3 order by id desc limit $2`,
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
  client: pg.PoolClient,
  workspaceId: string,
  limit: number,
  cursor: string | undefined,
): Promise<ProjectView[]> {
  const { rows } = cursor
    ? await client.query<ProjectRow>({ ...nextPage, values: [workspaceId, limit, cursor] })
    : await client.query<ProjectRow>({ ...firstPage, values: [workspaceId, limit] });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
