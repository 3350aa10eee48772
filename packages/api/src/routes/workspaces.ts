import { z } from '@hono/zod-openapi';
import {
  createWorkspace,
  createWorkspaceInput,
  deleteWorkspace,
  leaveWorkspace,
  listMyWorkspaces,
  memberRole,
  renameWorkspace,
  renameWorkspaceInput,
  restoreWorkspace,
  transferOwnership,
  workspaceSlug,
  type TenancyDeps,
  type WorkspaceSummary,
} from '@plinth/core/tenancy';
import {
  addRoute,
  decodeId,
  defineRoute,
  documented,
  encodeId,
  iso,
  jsonBody,
  jsonContent,
  pageOf,
  publicId,
  timestamp,
  wholeList,
  withPublicFieldNames,
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { sessionActorOf } from '../middleware/api-key-actor';
import { auditOrigin } from './origin';

export const slugParams = z.strictObject({
  slug: documented(workspaceSlug, { param: { name: 'slug', in: 'path' }, example: 'acme' }),
});

const workspace = z
  .object({
    id: publicId('ws'),
    name: z.string(),
    slug: z.string(),
    role: documented(memberRole, { description: 'Your role in this workspace.' }),
    created_at: timestamp(),
  })
  .openapi('Workspace');

const toWorkspace = (row: WorkspaceSummary) => ({
  id: encodeId('ws', row.id),
  name: row.name,
  slug: row.slug,
  role: row.role,
  created_at: iso(row.createdAt),
});

const tags = ['Workspaces'];

const listWorkspaces = defineRoute('user', {
  method: 'get',
  path: '/workspaces',
  operationId: 'listWorkspaces',
  summary: 'Your workspaces',
  description: 'Every live workspace you belong to, in one page, by name.',
  tags,
  responses: { 200: jsonContent('Your workspaces.', pageOf(workspace, 'WorkspaceList')) },
});

const createWorkspaceRoute = defineRoute(
  'user',
  {
    method: 'post',
    path: '/workspaces',
    operationId: 'createWorkspace',
    summary: 'Create a workspace',
    description: 'You become its owner. A taken slug is a 409 naming `slug`.',
    tags,
    request: { body: jsonBody(documented(createWorkspaceInput, 'CreateWorkspaceInput')) },
    responses: { 201: jsonContent('Created.', workspace) },
  },
  ['conflict'],
);

const getWorkspace = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}',
  operationId: 'getWorkspace',
  summary: 'A workspace',
  tags,
  request: { params: slugParams },
  responses: { 200: jsonContent('The workspace.', workspace) },
});

const updateWorkspace = defineRoute('member', {
  method: 'patch',
  path: '/workspaces/{slug}',
  operationId: 'updateWorkspace',
  summary: 'Rename a workspace',
  tags,
  request: { params: slugParams, body: jsonBody(documented(renameWorkspaceInput, 'UpdateWorkspaceInput')) },
  responses: { 200: jsonContent('The updated workspace.', workspace) },
});

const deletedWorkspace = z
  .object({ id: publicId('ws'), slug: z.string(), restorable_until: timestamp() })
  .openapi('DeletedWorkspace');

const deleteWorkspaceRoute = defineRoute('member', {
  method: 'delete',
  path: '/workspaces/{slug}',
  operationId: 'deleteWorkspace',
  summary: 'Delete a workspace',
  description: 'Soft delete: gone for every member at once, restorable by an owner for 30 days.',
  tags,
  request: { params: slugParams },
  responses: { 200: jsonContent('Deleted, and until when it can be restored.', deletedWorkspace) },
});

const restoreWorkspaceRoute = defineRoute('user', {
  method: 'post',
  path: '/workspaces/{slug}/restore',
  operationId: 'restoreWorkspace',
  summary: 'Restore a deleted workspace',
  description: 'For an owner, within 30 days of the deletion.',
  tags,
  request: { params: slugParams },
  responses: { 204: { description: 'Restored.' } },
});

const leaveWorkspaceRoute = defineRoute(
  'member',
  {
    method: 'post',
    path: '/workspaces/{slug}/leave',
    operationId: 'leaveWorkspace',
    summary: 'Leave a workspace',
    description: 'The last owner cannot leave (409): transfer ownership or delete the workspace first.',
    tags,
    request: { params: slugParams },
    responses: { 204: { description: 'You are no longer a member.' } },
  },
  ['conflict'],
);

const transferInput = z
  .strictObject({ user_id: publicId('user').openapi({ description: 'The member who becomes owner.' }) })
  .openapi('TransferOwnershipInput');

const transferRoute = defineRoute('member', {
  method: 'post',
  path: '/workspaces/{slug}/transfer',
  operationId: 'transferOwnership',
  summary: 'Transfer ownership',
  description: 'The member becomes an owner and you become an admin.',
  tags,
  request: { params: slugParams, body: jsonBody(transferInput) },
  responses: { 204: { description: 'Transferred.' } },
});

/** /api/v1/workspaces: glue only — parse, the actor the middleware resolved, one core call, map. */
export function workspaceRoutes(app: V1App, chain: V1Chain, deps: TenancyDeps): void {
  addRoute(app, chain, listWorkspaces, async (c) => {
    // An API key is a credential of one workspace: it sees that one only.
    const key = c.get('apiKey');
    const rows = key ? [key.workspace] : await listMyWorkspaces(deps, c.get('actor').id);
    return c.json(wholeList(rows, toWorkspace), 200);
  });
  addRoute(app, chain, createWorkspaceRoute, async (c) => {
    const created = await createWorkspace(deps, sessionActorOf(c), c.req.valid('json'), auditOrigin(c));
    return c.json(toWorkspace(created), 201);
  });
  addRoute(app, chain, getWorkspace, (c) => c.json(toWorkspace(c.get('workspace')), 200));
  addRoute(app, chain, updateWorkspace, async (c) => {
    const renamed = await renameWorkspace(deps, c.get('member'), c.req.valid('json'), auditOrigin(c));
    return c.json(toWorkspace(renamed), 200);
  });
  addRoute(app, chain, deleteWorkspaceRoute, async (c) => {
    const { restorableUntil } = await deleteWorkspace(deps, c.get('member'), auditOrigin(c));
    const { id, slug } = c.get('workspace');
    return c.json({ id: encodeId('ws', id), slug, restorable_until: iso(restorableUntil) }, 200);
  });
  addRoute(app, chain, restoreWorkspaceRoute, async (c) => {
    await restoreWorkspace(deps, sessionActorOf(c), c.req.valid('param').slug, auditOrigin(c));
    return c.body(null, 204);
  });
  addRoute(app, chain, leaveWorkspaceRoute, async (c) => {
    await leaveWorkspace(deps, c.get('member'), auditOrigin(c));
    return c.body(null, 204);
  });
  addRoute(app, chain, transferRoute, async (c) => {
    const userId = decodeId('user', c.req.valid('json').user_id);
    await withPublicFieldNames({ userId: 'user_id' }, () =>
      transferOwnership(deps, c.get('member'), { userId }, auditOrigin(c)),
    );
    return c.body(null, 204);
  });
}
