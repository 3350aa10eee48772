import { z } from '@hono/zod-openapi';
import { describeAuditRecord, exportAuditLog, listAuditLog, type AuditRecord } from '@plinth/core/audit';
import { AppError } from '@plinth/core/errors';
import { actorTypes, type Database } from '@plinth/db';
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
import { auditOrigin } from './origin';
import { slugParams } from './workspaces';

// Audit rows keep ids as text of any kind (a system actor is a name); uuids of a known type are
// shown as public ids, anything else as stored.
const prefixByType: Record<string, IdPrefix> = {
  user: 'user',
  api_key: 'key',
  workspace: 'ws',
  project: 'proj',
  invitation: 'inv',
  audit_event: 'evt',
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
    summary: z.string().openapi({
      description: 'The event as a sentence, with names.',
      example: 'Ada Lovelace deleted the project “Launch”',
    }),
    actor: z.object({
      type: z.enum(actorTypes),
      id: z.string(),
      name: z.string().nullable().openapi({
        description: "A person's current name (null once they deleted their account) or a key's name.",
      }),
    }),
    impersonator_id: z.string().nullable(),
    action: z.string().openapi({ example: 'project.deleted' }),
    target: z
      .object({
        type: z.string(),
        id: z.string().nullable(),
        name: z.string().nullable().openapi({
          description: "A person's current name, or the thing's name when the event was recorded.",
        }),
      })
      .nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    request_id: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');

const toAuditEvent = (row: AuditRecord) => ({
  id: encodeId('evt', row.id),
  occurred_at: iso(row.occurredAt),
  summary: describeAuditRecord(row),
  actor: {
    type: row.actorType,
    id: publicRef(row.actorType, row.actorId),
    name: row.actorDeleted ? null : row.actorName,
  },
  impersonator_id: row.impersonatorId ? encodeId('user', row.impersonatorId) : null,
  action: row.action,
  target: row.targetType
    ? {
        type: row.targetType,
        id: row.targetId && publicRef(row.targetType, row.targetId),
        name: row.targetDeleted ? null : row.targetName,
      }
    : null,
  ip: row.ip,
  user_agent: row.userAgent,
  request_id: row.requestId,
  metadata: row.metadata,
});

// A date (its start, UTC) or an RFC 3339 date-time.
const instant = (description: string, example: string) =>
  z
    .union([z.iso.date().max(10), z.iso.datetime({ offset: true })], {
      error: 'Use a date (2026-12-01) or a date-time (2026-12-01T09:30:00Z).',
    })
    .optional()
    .openapi({ description, example });

const filterQuery = {
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
  from: instant('Only events at or after this instant.', '2026-12-01'),
  to: instant(
    'Only events before this instant (exclusive: `to=2026-12-02` ends with December 1).',
    '2026-12-02',
  ),
};
const auditQuery = z.strictObject({ ...pageQuery('evt'), ...filterQuery });
const exportQuery = z.strictObject({
  format: z
    .enum(['csv', 'json'], { error: 'Choose csv or json.' })
    .default('csv')
    .openapi({ description: 'CSV (one header row) or a JSON array.' }),
  ...filterQuery,
});
const asDate = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

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

// One exported event: the CSV's columns as fields (ids public, as in the list), metadata an object.
const exportedEvent = z
  .object({
    id: publicId('evt'),
    occurred_at: timestamp(),
    summary: z.string(),
    action: z.string(),
    actor_type: z.enum(actorTypes),
    actor_id: z.string(),
    actor_name: z.string().nullable(),
    impersonator_id: z.string().nullable(),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    target_name: z.string().nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    request_id: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEventExportRow');

const exportAuditEvents = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/audit-events/export',
  operationId: 'exportAuditEvents',
  summary: 'Export audit events',
  description:
    'Every event of a range (same filters as the list) as CSV or a JSON array, streamed as a download, ' +
    'newest first. At most 100 000 events: a range with more is a 400 naming `from`, before any byte ' +
    'is sent. The export is itself recorded (`audit.exported`). Cells a spreadsheet would run as a ' +
    'formula start with an apostrophe.',
  tags: ['Audit events'],
  request: { params: slugParams, query: exportQuery },
  responses: {
    200: {
      description: 'The events.',
      headers: {
        'X-Audit-Event-Count': {
          description: 'How many events the body holds.',
          schema: { type: 'integer' },
        },
      },
      content: {
        'text/csv': { schema: z.string() },
        'application/json': { schema: z.array(exportedEvent) },
      },
    },
  },
});

/** /api/v1/workspaces/{slug}/audit-events: read only, like the log itself. */
export function auditRoutes(app: V1App, chain: V1Chain, deps: { database: Database }): void {
  addRoute(app, chain, listAuditEvents, async (c) => {
    const { limit, cursor, actor_id, action, from, to } = c.req.valid('query');
    const page = await listAuditLog(deps, c.get('member'), {
      limit,
      cursor: decodeCursor('evt', cursor),
      actorId: actorIdFilter(actor_id),
      action,
      from: asDate(from),
      to: asDate(to),
    });
    return c.json(toPage(page, 'evt', toAuditEvent), 200);
  });

  addRoute(app, chain, exportAuditEvents, async (c) => {
    const { format, actor_id, action, from, to } = c.req.valid('query');
    const exported = await exportAuditLog(
      deps,
      c.get('member'),
      { format, actorId: actorIdFilter(actor_id), action, from: asDate(from), to: asDate(to) },
      auditOrigin(c),
      { ref: publicRef },
    );
    const encoder = new TextEncoder();
    const chunks = exported.chunks[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return?.();
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': exported.contentType,
        'Content-Disposition': `attachment; filename="audit-${c.req.param('slug')}-${day}.${exported.format}"`,
        'Cache-Control': 'no-store',
        'X-Audit-Event-Count': String(exported.rows),
      },
    }) as never;
  });
}
