import { createMiddleware } from 'hono/factory';
import { addToLogContext } from '@plinth/core/logger';
import type { Database } from '@plinth/db';
import { resolveMembership, type MemberActor, type WorkspaceSummary } from '@plinth/core/tenancy';
import type { SessionEnv } from './session-actor';

export interface WorkspaceEnv {
  Variables: SessionEnv['Variables'] & { member: MemberActor; workspace: WorkspaceSummary };
}

/**
 * The tenant step of docs/architecture.md §2: the workspace named by `:slug` in the URL, entered only
 * through a live membership. A non-member gets 404, exactly as for a workspace that does not exist.
 */
export function requireMembership(database: Database) {
  return createMiddleware<WorkspaceEnv>(async (c, next) => {
    const actor = c.get('actor');
    const { workspace, actor: member } = await resolveMembership(
      database,
      actor.id,
      c.req.param('slug') ?? '',
      {
        ...(actor.impersonatorId ? { impersonatorId: actor.impersonatorId } : {}),
      },
    );
    c.set('member', member);
    c.set('workspace', workspace);
    addToLogContext({ workspace_id: workspace.id });
    await next();
  });
}
