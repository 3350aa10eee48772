import type { Database, MemberRole } from '@plinth/db';
import type { Actor } from '../actor/index';
import type { JobQueue } from '../jobs/index';

/** Infrastructure the tenancy services use; built once in the wiring. */
export interface TenancyDeps {
  database: Database;
  jobs: JobQueue;
  appUrl: string;
}

/**
 * An actor inside one workspace, as resolved from the URL's slug and a real membership — a person,
 * or an API key of that workspace (its `role` is then its creator's current role, the ceiling for
 * rank rules, and `permissions` its scopes within that role).
 */
export interface MemberActor extends Actor {
  type: 'user' | 'api_key';
  workspaceId: string;
  role: MemberRole;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  slug: string;
  role: MemberRole;
  createdAt: Date;
  /** The resized logo's URL (listMyWorkspaces); null until one is uploaded and resized. */
  logo?: string | null;
}
