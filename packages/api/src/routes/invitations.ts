import { z } from '@hono/zod-openapi';
import {
  acceptInvitation,
  acceptInvitationInput,
  createInvitation,
  inviteInput,
  listInvitations,
  memberRole,
  resendInvitation,
  revokeInvitation,
  type InvitationView,
  type TenancyDeps,
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
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { invitationStatuses } from '@plinth/db';
import { sessionActorOf } from '../middleware/api-key-actor';
import { auditOrigin } from './origin';
import { slugParams } from './workspaces';

const invitation = z
  .object({
    id: publicId('inv'),
    email: z.email(),
    role: memberRole,
    status: z.enum(invitationStatuses),
    expires_at: timestamp(),
    created_at: timestamp(),
  })
  .openapi('Invitation');

const toInvitation = (row: InvitationView) => ({
  id: encodeId('inv', row.id),
  email: row.email,
  role: row.role,
  status: row.status,
  expires_at: iso(row.expiresAt),
  created_at: iso(row.createdAt),
});

const invitationParams = slugParams.extend({
  invitation_id: publicId('inv').openapi({ param: { name: 'invitation_id', in: 'path' } }),
});

const tags = ['Invitations'];

const listInvitationsRoute = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/invitations',
  operationId: 'listInvitations',
  summary: 'Pending invitations',
  description: 'Every pending invitation, newest first, in one page (the plan bounds the count).',
  tags,
  request: { params: slugParams },
  responses: { 200: jsonContent('The pending invitations.', pageOf(invitation, 'InvitationList')) },
});

const createInvitationRoute = defineRoute(
  'member',
  {
    method: 'post',
    path: '/workspaces/{slug}/invitations',
    operationId: 'createInvitation',
    summary: 'Invite someone',
    description:
      'Mails a link valid for 7 days. Not above your own role; 409 for a member or an address already invited; 402 past the seat limit.',
    tags,
    request: { params: slugParams, body: jsonBody(documented(inviteInput, 'CreateInvitationInput')) },
    responses: { 201: jsonContent('Invited.', invitation) },
  },
  ['conflict', 'payment_required'],
);

const revokeInvitationRoute = defineRoute('member', {
  method: 'delete',
  path: '/workspaces/{slug}/invitations/{invitation_id}',
  operationId: 'revokeInvitation',
  summary: 'Revoke an invitation',
  tags,
  request: { params: invitationParams },
  responses: { 204: { description: 'Revoked; the link no longer works.' } },
});

const resendInvitationRoute = defineRoute('member', {
  method: 'post',
  path: '/workspaces/{slug}/invitations/{invitation_id}/resend',
  operationId: 'resendInvitation',
  summary: 'Resend an invitation',
  description: 'A fresh link and a fresh 7 days; the old link stops working.',
  tags,
  request: { params: invitationParams },
  responses: { 204: { description: 'Sent again.' } },
});

const accepted = z.object({ workspace_slug: z.string() }).openapi('AcceptedInvitation');

const acceptInvitationRoute = defineRoute(
  'user',
  {
    method: 'post',
    path: '/invitations/accept',
    operationId: 'acceptInvitation',
    summary: 'Accept an invitation',
    description:
      'With the token from the mailed link, signed in with the invited (verified) address. A used, revoked or expired token is a 404; a suspended workspace is a 403 `workspace_suspended` (the invitation stays pending).',
    tags,
    request: { body: jsonBody(documented(acceptInvitationInput, 'AcceptInvitationInput')) },
    responses: { 200: jsonContent('You are now a member.', accepted) },
  },
  ['not_found', 'workspace_suspended'],
);

/** /api/v1/workspaces/{slug}/invitations and /api/v1/invitations/accept */
export function invitationRoutes(app: V1App, chain: V1Chain, deps: TenancyDeps): void {
  addRoute(app, chain, listInvitationsRoute, async (c) =>
    c.json(wholeList(await listInvitations(deps, c.get('member')), toInvitation), 200),
  );
  addRoute(app, chain, createInvitationRoute, async (c) => {
    const created = await createInvitation(deps, c.get('member'), c.req.valid('json'), auditOrigin(c));
    return c.json(toInvitation(created), 201);
  });
  addRoute(app, chain, revokeInvitationRoute, async (c) => {
    const id = decodeId('inv', c.req.valid('param').invitation_id);
    await revokeInvitation(deps, c.get('member'), id, auditOrigin(c));
    return c.body(null, 204);
  });
  addRoute(app, chain, resendInvitationRoute, async (c) => {
    const id = decodeId('inv', c.req.valid('param').invitation_id);
    await resendInvitation(deps, c.get('member'), id, auditOrigin(c));
    return c.body(null, 204);
  });
  addRoute(app, chain, acceptInvitationRoute, async (c) => {
    const { workspaceSlug } = await acceptInvitation(
      deps,
      sessionActorOf(c),
      c.req.valid('json'),
      auditOrigin(c),
    );
    return c.json({ workspace_slug: workspaceSlug }, 200);
  });
}
