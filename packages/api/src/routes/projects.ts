import { z } from '@hono/zod-openapi';
import {
  createProject,
  createProjectInput,
  deleteProject,
  getProject,
  listProjects,
  updateProject,
  updateProjectInput,
  type ProjectView,
} from '@plinth/core/projects';
import type { Database } from '@plinth/db';
import {
  addRoute,
  decodeCursor,
  decodeId,
  defineRoute,
  documented,
  encodeId,
  iso,
  jsonBody,
  jsonContent,
  pageOf,
  pageQuery,
  publicId,
  timestamp,
  toPage,
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { auditOrigin } from './origin';
import { slugParams } from './workspaces';

const project = z
  .object({
    id: publicId('proj'),
    name: z.string(),
    description: z.string().nullable(),
    created_by: publicId('user'),
    created_at: timestamp(),
    updated_at: timestamp(),
  })
  .openapi('Project');

const toProject = (row: ProjectView) => ({
  id: encodeId('proj', row.id),
  name: row.name,
  description: row.description,
  created_by: encodeId('user', row.createdBy),
  created_at: iso(row.createdAt),
  updated_at: iso(row.updatedAt),
});

const projectParams = slugParams.extend({
  project_id: publicId('proj').openapi({ param: { name: 'project_id', in: 'path' } }),
});

const tags = ['Projects'];

const listProjectsRoute = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/projects',
  operationId: 'listProjects',
  summary: 'Projects of a workspace',
  description: 'Newest first, cursor-paginated.',
  tags,
  request: { params: slugParams, query: z.strictObject(pageQuery('proj')) },
  responses: { 200: jsonContent('A page of projects.', pageOf(project, 'ProjectList')) },
});

const createProjectRoute = defineRoute(
  'member',
  {
    method: 'post',
    path: '/workspaces/{slug}/projects',
    operationId: 'createProject',
    summary: 'Create a project',
    description: "402 when the plan's project limit is reached.",
    tags,
    request: { params: slugParams, body: jsonBody(documented(createProjectInput, 'CreateProjectInput')) },
    responses: { 201: jsonContent('Created.', project) },
  },
  ['payment_required'],
);

const getProjectRoute = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/projects/{project_id}',
  operationId: 'getProject',
  summary: 'A project',
  tags,
  request: { params: projectParams },
  responses: { 200: jsonContent('The project.', project) },
});

const updateProjectRoute = defineRoute('member', {
  method: 'patch',
  path: '/workspaces/{slug}/projects/{project_id}',
  operationId: 'updateProject',
  summary: 'Update a project',
  description: 'Send only the fields to change; `description: null` clears it.',
  tags,
  request: { params: projectParams, body: jsonBody(documented(updateProjectInput, 'UpdateProjectInput')) },
  responses: { 200: jsonContent('The updated project.', project) },
});

const deleteProjectRoute = defineRoute('member', {
  method: 'delete',
  path: '/workspaces/{slug}/projects/{project_id}',
  operationId: 'deleteProject',
  summary: 'Delete a project',
  tags,
  request: { params: projectParams },
  responses: { 204: { description: 'Deleted.' } },
});

/** /api/v1/workspaces/{slug}/projects: the example domain's API, the same core calls as its pages. */
export function projectRoutes(app: V1App, chain: V1Chain, deps: { database: Database }): void {
  addRoute(app, chain, listProjectsRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listProjects(deps, c.get('member'), { limit, cursor: decodeCursor('proj', cursor) });
    return c.json(toPage(page, 'proj', toProject), 200);
  });
  addRoute(app, chain, createProjectRoute, async (c) => {
    const created = await createProject(deps, c.get('member'), c.req.valid('json'), auditOrigin(c));
    return c.json(toProject(created), 201);
  });
  addRoute(app, chain, getProjectRoute, async (c) => {
    const id = decodeId('proj', c.req.valid('param').project_id);
    return c.json(toProject(await getProject(deps, c.get('member'), id)), 200);
  });
  addRoute(app, chain, updateProjectRoute, async (c) => {
    const id = decodeId('proj', c.req.valid('param').project_id);
    const updated = await updateProject(deps, c.get('member'), id, c.req.valid('json'), auditOrigin(c));
    return c.json(toProject(updated), 200);
  });
  addRoute(app, chain, deleteProjectRoute, async (c) => {
    await deleteProject(
      deps,
      c.get('member'),
      decodeId('proj', c.req.valid('param').project_id),
      auditOrigin(c),
    );
    return c.body(null, 204);
  });
}
