import { z } from '@hono/zod-openapi';
import {
  changeMemberRole,
  changeRoleInput,
  listMembers,
  memberRole,
  removeMember,
  type MemberView,
} from '@plinth/core/tenancy';
import type { Database } from '@plinth/db';
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
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { auditOrigin } from './origin';
import { slugParams } from './workspaces';

const member = z
  .object({
    user_id: publicId('user'),
    name: z.string(),
    email: z.email(),
    role: memberRole,
    joined_at: timestamp(),
  })
  .openapi('Member');

const toMember = (row: MemberView) => ({
  user_id: encodeId('user', row.userId),
  name: row.name,
  email: row.email,
  role: row.role,
  joined_at: iso(row.joinedAt),
});

const memberParams = slugParams.extend({
  user_id: publicId('user').openapi({ param: { name: 'user_id', in: 'path' } }),
});

const tags = ['Members'];

const listMembersRoute = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/members',
  operationId: 'listMembers',
  summary: 'Members of a workspace',
  description: 'Every member, by name, in one page (the plan bounds the count).',
  tags,
  request: { params: slugParams },
  responses: { 200: jsonContent('The members.', pageOf(member, 'MemberList')) },
});

const updateMemberRoute = defineRoute(
  'member',
  {
    method: 'patch',
    path: '/workspaces/{slug}/members/{user_id}',
    operationId: 'updateMember',
    summary: "Change a member's role",
    description: 'Nobody grants or changes a role above their own; the last owner cannot be demoted (409).',
    tags,
    request: { params: memberParams, body: jsonBody(documented(changeRoleInput, 'UpdateMemberInput')) },
    responses: { 200: jsonContent('The member with the new role.', member) },
  },
  ['conflict'],
);

const removeMemberRoute = defineRoute(
  'member',
  {
    method: 'delete',
    path: '/workspaces/{slug}/members/{user_id}',
    operationId: 'removeMember',
    summary: 'Remove a member',
    description: 'Not yourself (leave instead), nobody above you, never the last owner.',
    tags,
    request: { params: memberParams },
    responses: { 204: { description: 'Removed.' } },
  },
  ['conflict'],
);

/** /api/v1/workspaces/{slug}/members */
export function memberRoutes(app: V1App, chain: V1Chain, deps: { database: Database; appUrl: string }): void {
  addRoute(app, chain, listMembersRoute, async (c) =>
    c.json(wholeList(await listMembers(deps, c.get('member')), toMember), 200),
  );
  addRoute(app, chain, updateMemberRoute, async (c) => {
    const userId = decodeId('user', c.req.valid('param').user_id);
    const changed = await changeMemberRole(
      deps,
      c.get('member'),
      userId,
      c.req.valid('json'),
      auditOrigin(c),
    );
    return c.json(toMember(changed), 200);
  });
  addRoute(app, chain, removeMemberRoute, async (c) => {
    await removeMember(deps, c.get('member'), decodeId('user', c.req.valid('param').user_id), auditOrigin(c));
    return c.body(null, 204);
  });
}
