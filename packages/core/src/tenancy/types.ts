import type { Database, MemberRole } from '@plinth/db';
import type { Actor } from '../actor/index';
import type { JobQueue } from '../jobs/index';

/** Infrastructure the tenancy services use; built once in the wiring. */
export interface TenancyDeps {
  database: Database;
  jobs: JobQueue;
  appUrl: string;
}

/** An actor inside one workspace, as resolved from the URL's slug and a real membership. */
export interface MemberActor extends Actor {
  type: 'user';
  workspaceId: string;
  role: MemberRole;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  slug: string;
  role: MemberRole;
  createdAt: Date;
}
