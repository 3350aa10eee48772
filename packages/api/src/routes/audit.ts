import { z } from '@hono/zod-openapi';
import { listAuditLog } from '@plinth/core/audit';
import { AppError } from '@plinth/core/errors';
import { actorTypes, type AuditLogRow, type Database } from '@plinth/db';
import {
  addRoute,
  decodeCursor,
  defineRoute,
  encodeId,
  iso,
  jsonContent,
  pageOf,
  pageQuery,
  publicId,
  timestamp,
  toPage,
  tryDecodeId,
  type IdPrefix,
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { slugParams } from './workspaces';

// Audit rows keep ids as text of any kind (a system actor is a name); uuids of a known type are
// shown as public ids, anything else as stored.
const prefixByType: Record<string, IdPrefix> = {
  user: 'user',
  api_key: 'key',
  workspace: 'ws',
  project: 'proj',
  invitation: 'inv',
};
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const publicRef = (type: string, id: string) => {
  const prefix = prefixByType[type];
  return prefix && uuid.test(id) ? encodeId(prefix, id) : id;
};

const auditEvent = z
  .object({
    id: publicId('evt'),
    occurred_at: timestamp(),
    actor: z.object({ type: z.enum(actorTypes), id: z.string() }),
    impersonator_id: z.string().nullable(),
    action: z.string().openapi({ example: 'project.deleted' }),
    target: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    request_id: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');

const toAuditEvent = (row: AuditLogRow) => ({
  id: encodeId('evt', row.id),
  occurred_at: iso(row.occurredAt),
  actor: { type: row.actorType, id: publicRef(row.actorType, row.actorId) },
  impersonator_id: row.impersonatorId ? encodeId('user', row.impersonatorId) : null,
  action: row.action,
  target: row.targetType
    ? { type: row.targetType, id: row.targetId && publicRef(row.targetType, row.targetId) }
    : null,
  ip: row.ip,
  user_agent: row.userAgent,
  request_id: row.requestId,
  metadata: row.metadata,
});

const auditQuery = z.strictObject({
  ...pageQuery('evt'),
  actor_id: z.string().max(64).optional().openapi({
    description: 'Only events by this actor (`user_…` or `key_…`).',
    example: 'user_01jbz3k4q8e9v6w2x5y7a0c1d2',
  }),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z0-9_.]+$/, 'Use an action like project.deleted.')
    .optional()
    .openapi({ description: 'Only events of this action.', example: 'project.deleted' }),
});

/** The stored actor id behind a public one; an id of another kind is a 400 naming `actor_id`. */
function actorIdFilter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const stored = tryDecodeId('user', value) ?? tryDecodeId('key', value);
  if (!stored) {
    throw new AppError('invalid_input', 'Invalid query parameters.', {
      fields: { actor_id: 'Use a user_… or key_… id.' },
    });
  }
  return stored;
}

const listAuditEvents = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/audit-events',
  operationId: 'listAuditEvents',
  summary: 'Audit events of a workspace',
  description: 'Privileged actions, newest first, cursor-paginated; for owners and admins.',
  tags: ['Audit events'],
  request: { params: slugParams, query: auditQuery },
  responses: { 200: jsonContent('A page of audit events.', pageOf(auditEvent, 'AuditEventList')) },
});

/** /api/v1/workspaces/{slug}/audit-events: read only, like the log itself. */
export function auditRoutes(app: V1App, chain: V1Chain, deps: { database: Database }): void {
  addRoute(app, chain, listAuditEvents, async (c) => {
    const { limit, cursor, actor_id, action } = c.req.valid('query');
    const page = await listAuditLog(deps, c.get('member'), {
      limit,
      cursor: decodeCursor('evt', cursor),
      actorId: actorIdFilter(actor_id),
      action,
    });
    return c.json(toPage(page, 'evt', toAuditEvent), 200);
  });
}
