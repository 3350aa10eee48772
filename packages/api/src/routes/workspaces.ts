import { Hono } from 'hono';
import { createProject, deleteProject, getProject, listProjects, updateProject } from '@plinth/core/projects';
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  createWorkspace,
  deleteWorkspace,
  leaveWorkspace,
  listInvitations,
  listMembers,
  listMyWorkspaces,
  removeMember,
  renameWorkspace,
  resendInvitation,
  restoreWorkspace,
  revokeInvitation,
  transferOwnership,
  type TenancyDeps,
} from '@plinth/core/tenancy';
import { listAuditLog } from '@plinth/core/audit';
import type { SessionReader } from '@plinth/core/identity';
import { requireMembership, type WorkspaceEnv } from '../middleware/membership';
import { requireSession, type SessionEnv } from '../middleware/session-actor';
import { parseQuery, readJsonBody } from '../validation/parse-body';
import { auditOrigin } from './origin';

/**
 * /api/v1/workspaces: glue only. Each handler parses, takes the actor the middleware resolved,
 * calls one core function and maps the result; the rules live in core.
 */
export function workspaceRoutes(
  deps: TenancyDeps & { readSession: SessionReader; trustedOrigins: readonly string[] },
) {
  const session = requireSession(deps.readSession, deps.trustedOrigins);
  const scoped = new Hono<WorkspaceEnv>()
    .use('*', requireMembership(deps.database))
    .get('/', (c) => c.json(c.get('workspace')))
    .patch('/', async (c) => {
      await renameWorkspace(deps, c.get('member'), await readJsonBody(c), auditOrigin(c));
      return c.body(null, 204);
    })
    .delete('/', async (c) => c.json(await deleteWorkspace(deps, c.get('member'), auditOrigin(c))))
    .post('/leave', async (c) => {
      await leaveWorkspace(deps, c.get('member'), auditOrigin(c));
      return c.body(null, 204);
    })
    .post('/transfer', async (c) => {
      await transferOwnership(deps, c.get('member'), await readJsonBody(c), auditOrigin(c));
      return c.body(null, 204);
    })
    .get('/members', async (c) => c.json({ items: await listMembers(deps, c.get('member')) }))
    .patch('/members/:userId', async (c) => {
      await changeMemberRole(
        deps,
        c.get('member'),
        c.req.param('userId'),
        await readJsonBody(c),
        auditOrigin(c),
      );
      return c.body(null, 204);
    })
    .delete('/members/:userId', async (c) => {
      await removeMember(deps, c.get('member'), c.req.param('userId'), auditOrigin(c));
      return c.body(null, 204);
    })
    .get('/invitations', async (c) => c.json({ items: await listInvitations(deps, c.get('member')) }))
    .post('/invitations', async (c) =>
      c.json(await createInvitation(deps, c.get('member'), await readJsonBody(c), auditOrigin(c)), 201),
    )
    .delete('/invitations/:id', async (c) => {
      await revokeInvitation(deps, c.get('member'), c.req.param('id'), auditOrigin(c));
      return c.body(null, 204);
    })
    .post('/invitations/:id/resend', async (c) => {
      await resendInvitation(deps, c.get('member'), c.req.param('id'), auditOrigin(c));
      return c.body(null, 204);
    })
    .get('/projects', async (c) => c.json(await listProjects(deps, c.get('member'), parseQuery(c))))
    .post('/projects', async (c) =>
      c.json(await createProject(deps, c.get('member'), await readJsonBody(c), auditOrigin(c)), 201),
    )
    .get('/projects/:id', async (c) => c.json(await getProject(deps, c.get('member'), c.req.param('id'))))
    .patch('/projects/:id', async (c) =>
      c.json(
        await updateProject(deps, c.get('member'), c.req.param('id'), await readJsonBody(c), auditOrigin(c)),
      ),
    )
    .delete('/projects/:id', async (c) => {
      await deleteProject(deps, c.get('member'), c.req.param('id'), auditOrigin(c));
      return c.body(null, 204);
    })
    .get('/audit', async (c) => c.json(await listAuditLog(deps, c.get('member'), parseQuery(c))));

  return new Hono<SessionEnv>()
    .use('/v1/workspaces/*', session)
    .use('/v1/workspaces', session)
    .use('/v1/invitations/*', session)
    .get('/v1/workspaces', async (c) => c.json({ items: await listMyWorkspaces(deps, c.get('actor').id) }))
    .post('/v1/workspaces', async (c) =>
      c.json(await createWorkspace(deps, c.get('actor'), await readJsonBody(c), auditOrigin(c)), 201),
    )
    .post('/v1/workspaces/:slug/restore', async (c) => {
      await restoreWorkspace(deps, c.get('actor'), c.req.param('slug'), auditOrigin(c));
      return c.body(null, 204);
    })
    .post('/v1/invitations/accept', async (c) => {
      const actor = c.get('actor');
      const result = await acceptInvitation(deps, actor, await readJsonBody(c), auditOrigin(c));
      return c.json(result);
    })
    .route('/v1/workspaces/:slug', scoped as unknown as Hono<SessionEnv>);
}
