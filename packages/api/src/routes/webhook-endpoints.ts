import { z } from '@hono/zod-openapi';
import { eventTypes } from '@plinth/core/events';
import {
  createWebhookEndpoint,
  createWebhookEndpointInput,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listDeliveries,
  listWebhookEndpoints,
  retryDelivery,
  rotateSecretInput,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
  type DeliveryView,
  type WebhookDeps,
  type WebhookEndpointView,
} from '@plinth/core/webhooks';
import {
  addRoute,
  decodeCursor,
  decodeId,
  defineRoute,
  documented,
  encodeId,
  iso,
  isoOrNull,
  jsonBody,
  jsonContent,
  pageOf,
  pageQuery,
  publicId,
  timestamp,
  toPage,
  wholeList,
  withPublicFieldNames,
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { auditOrigin } from './origin';
import { slugParams } from './workspaces';

const eventTypeList = z
  .array(z.enum(eventTypes as [string, ...string[]]))
  .nullable()
  .openapi({
    description: 'The event types sent to this endpoint; null for all (including types added later).',
  });

const endpoint = z
  .object({
    id: publicId('we'),
    url: z.string(),
    description: z.string().nullable(),
    event_types: eventTypeList,
    enabled: z.boolean(),
    disabled_reason: z.enum(['gone', 'failing']).nullable().openapi({
      description: '`gone`: it answered 410; `failing`: five days without a success; null otherwise.',
    }),
    failing_since: timestamp().nullable(),
    previous_secret_expires_at: timestamp()
      .nullable()
      .openapi({ description: 'Until then, deliveries are signed with the previous secret too.' }),
    created_by: publicId('user'),
    created_at: timestamp(),
    updated_at: timestamp(),
  })
  .openapi('WebhookEndpoint');

const withSecret = endpoint
  .extend({
    secret: z
      .string()
      .openapi({ description: 'The signing secret (`whsec_…`). Shown in this response only.' }),
  })
  .openapi('WebhookEndpointWithSecret');

const toEndpoint = (row: WebhookEndpointView) => ({
  id: encodeId('we', row.id),
  url: row.url,
  description: row.description,
  event_types: row.eventTypes,
  enabled: row.enabled,
  disabled_reason: row.disabledReason as 'gone' | 'failing' | null,
  failing_since: isoOrNull(row.failingSince),
  previous_secret_expires_at: isoOrNull(row.previousSecretExpiresAt),
  created_by: encodeId('user', row.createdBy),
  created_at: iso(row.createdAt),
  updated_at: iso(row.updatedAt),
});

const delivery = z
  .object({
    id: publicId('whd'),
    endpoint_id: publicId('we'),
    event_id: publicId('msg').openapi({ description: 'The `webhook-id` header: the same on every attempt.' }),
    event_type: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    next_attempt_at: timestamp().nullable(),
    last_attempt_at: timestamp().nullable(),
    response_status: z.number().int().nullable(),
    response_body: z.string().nullable().openapi({ description: 'The first 4 KB of the last answer.' }),
    error: z.string().nullable().openapi({ description: 'Why the last attempt got no HTTP answer.' }),
    duration_ms: z.number().int().nullable(),
    request_headers: z.record(z.string(), z.string()).nullable(),
    request_body: z.string(),
    delivered_at: timestamp().nullable(),
    created_at: timestamp(),
  })
  .openapi('WebhookDelivery');

const toDelivery = (row: DeliveryView) => ({
  id: encodeId('whd', row.id),
  endpoint_id: encodeId('we', row.endpointId),
  event_id: encodeId('msg', row.eventId),
  event_type: row.eventType,
  status: row.status,
  attempts: row.attempts,
  next_attempt_at: isoOrNull(row.nextAttemptAt),
  last_attempt_at: isoOrNull(row.lastAttemptAt),
  response_status: row.responseStatus,
  response_body: row.responseBody,
  error: row.error,
  duration_ms: row.durationMs,
  request_headers: row.requestHeaders,
  request_body: row.body,
  delivered_at: isoOrNull(row.deliveredAt),
  created_at: iso(row.createdAt),
});

const { url, description, enabled } = createWebhookEndpointInput.shape;
const createBody = z
  .strictObject({
    url: documented(url, { description: 'https:// (http:// outside production) on a public address.' }),
    description,
    event_types: createWebhookEndpointInput.shape.eventTypes,
    enabled,
  })
  .openapi('CreateWebhookEndpointInput');
const updateBody = z
  .strictObject({
    url: url.optional(),
    description,
    event_types: createWebhookEndpointInput.shape.eventTypes,
    enabled,
  })
  .openapi('UpdateWebhookEndpointInput');
const rotateBody = z
  .strictObject({ overlap_seconds: rotateSecretInput.shape.overlapSeconds.optional() })
  .openapi('RotateWebhookSecretInput');

const fieldNames = { eventTypes: 'event_types', overlapSeconds: 'overlap_seconds' };
const endpointParams = slugParams.extend({
  endpoint_id: publicId('we').openapi({ param: { name: 'endpoint_id', in: 'path' } }),
});
const deliveryParams = endpointParams.extend({
  delivery_id: publicId('whd').openapi({ param: { name: 'delivery_id', in: 'path' } }),
});
const tags = ['Webhooks'];
const base = '/workspaces/{slug}/webhook-endpoints';

const listRoute = defineRoute('member', {
  method: 'get',
  path: base,
  operationId: 'listWebhookEndpoints',
  summary: "A workspace's webhook endpoints",
  tags,
  request: { params: slugParams },
  responses: { 200: jsonContent('Every endpoint, newest first.', pageOf(endpoint, 'WebhookEndpointList')) },
});
const createRoute = defineRoute(
  'member',
  {
    method: 'post',
    path: base,
    operationId: 'createWebhookEndpoint',
    summary: 'Create a webhook endpoint',
    description:
      "Owners and admins (or a key scoped `webhook.manage`). The URL's host is resolved and refused (400 naming `url`) when it is private, loopback, link-local, multicast or a metadata address. 402 past the plan's endpoint cap. The secret is in this response only.",
    tags,
    request: { params: slugParams, body: jsonBody(createBody) },
    responses: { 201: jsonContent('Created; the secret is shown once.', withSecret) },
  },
  ['payment_required'],
  { idempotency: 'refuse-replay' },
);
const getRoute = defineRoute('member', {
  method: 'get',
  path: `${base}/{endpoint_id}`,
  operationId: 'getWebhookEndpoint',
  summary: 'A webhook endpoint',
  tags,
  request: { params: endpointParams },
  responses: { 200: jsonContent('The endpoint.', endpoint) },
});
const updateRoute = defineRoute('member', {
  method: 'patch',
  path: `${base}/{endpoint_id}`,
  operationId: 'updateWebhookEndpoint',
  summary: 'Update a webhook endpoint',
  description:
    'Send only the fields to change. `enabled: true` re-enables an endpoint the platform disabled.',
  tags,
  request: { params: endpointParams, body: jsonBody(updateBody) },
  responses: { 200: jsonContent('The updated endpoint.', endpoint) },
});
const deleteRoute = defineRoute('member', {
  method: 'delete',
  path: `${base}/{endpoint_id}`,
  operationId: 'deleteWebhookEndpoint',
  summary: 'Delete a webhook endpoint',
  description: 'Its delivery log goes with it.',
  tags,
  request: { params: endpointParams },
  responses: { 204: { description: 'Deleted.' } },
});
const rotateRoute = defineRoute(
  'member',
  {
    method: 'post',
    path: `${base}/{endpoint_id}/rotate-secret`,
    operationId: 'rotateWebhookSecret',
    summary: "Rotate an endpoint's signing secret",
    description:
      'A new secret, shown once. For `overlap_seconds` (default 86400, at most 7 days) deliveries carry signatures by both the old and the new secret.',
    tags,
    request: { params: endpointParams, body: jsonBody(rotateBody) },
    responses: { 200: jsonContent('The endpoint and its new secret.', withSecret) },
  },
  [],
  { idempotency: 'refuse-replay' },
);
const testRoute = defineRoute('member', {
  method: 'post',
  path: `${base}/{endpoint_id}/test`,
  operationId: 'sendWebhookTestEvent',
  summary: 'Send a test event',
  description: 'Queues a `ping` for this endpoint only; follow it in the delivery log.',
  tags,
  request: { params: endpointParams },
  responses: {
    202: jsonContent('Queued.', z.object({ delivery_id: publicId('whd') }).openapi('WebhookTestEventQueued')),
  },
});
const deliveriesRoute = defineRoute('member', {
  method: 'get',
  path: `${base}/{endpoint_id}/deliveries`,
  operationId: 'listWebhookDeliveries',
  summary: "An endpoint's delivery log",
  description: 'Newest first, cursor-paginated: status, attempts, the last answer, the next attempt.',
  tags,
  request: { params: endpointParams, query: z.strictObject(pageQuery('whd')) },
  responses: { 200: jsonContent('A page of deliveries.', pageOf(delivery, 'WebhookDeliveryList')) },
});
const retryRoute = defineRoute('member', {
  method: 'post',
  path: `${base}/{endpoint_id}/deliveries/{delivery_id}/retry`,
  operationId: 'retryWebhookDelivery',
  summary: 'Retry a delivery now',
  description: 'Sends it again with the same `webhook-id` (receivers dedupe on it), whatever its status.',
  tags,
  request: { params: deliveryParams },
  responses: { 202: jsonContent('Queued.', delivery) },
});

/** /api/v1/workspaces/{slug}/webhook-endpoints: glue over @plinth/core/webhooks. */
export function webhookEndpointRoutes(app: V1App, chain: V1Chain, deps: { webhooks: WebhookDeps }): void {
  const core = () => deps.webhooks;
  const endpointId = (value: string) => decodeId('we', value);
  addRoute(app, chain, listRoute, async (c) => {
    return c.json(wholeList(await listWebhookEndpoints(core(), c.get('member')), toEndpoint), 200);
  });
  addRoute(app, chain, createRoute, async (c) => {
    const { event_types, ...rest } = c.req.valid('json');
    const { endpoint: created, secret } = await withPublicFieldNames(fieldNames, () =>
      createWebhookEndpoint(core(), c.get('member'), { ...rest, eventTypes: event_types }, auditOrigin(c)),
    );
    return c.json({ ...toEndpoint(created), secret }, 201);
  });
  addRoute(app, chain, getRoute, async (c) => {
    const id = endpointId(c.req.valid('param').endpoint_id);
    return c.json(toEndpoint(await getWebhookEndpoint(core(), c.get('member'), id)), 200);
  });
  addRoute(app, chain, updateRoute, async (c) => {
    const id = endpointId(c.req.valid('param').endpoint_id);
    const { event_types, ...rest } = c.req.valid('json');
    const updated = await withPublicFieldNames(fieldNames, () =>
      updateWebhookEndpoint(
        core(),
        c.get('member'),
        id,
        { ...rest, eventTypes: event_types },
        auditOrigin(c),
      ),
    );
    return c.json(toEndpoint(updated), 200);
  });
  addRoute(app, chain, deleteRoute, async (c) => {
    const id = endpointId(c.req.valid('param').endpoint_id);
    await deleteWebhookEndpoint(core(), c.get('member'), id, auditOrigin(c));
    return c.body(null, 204);
  });
  addRoute(app, chain, rotateRoute, async (c) => {
    const id = endpointId(c.req.valid('param').endpoint_id);
    const { overlap_seconds } = c.req.valid('json');
    const input = overlap_seconds === undefined ? {} : { overlapSeconds: overlap_seconds };
    const { endpoint: rotated, secret } = await withPublicFieldNames(fieldNames, () =>
      rotateWebhookSecret(core(), c.get('member'), id, input, auditOrigin(c)),
    );
    return c.json({ ...toEndpoint(rotated), secret }, 200);
  });
  addRoute(app, chain, testRoute, async (c) => {
    const id = endpointId(c.req.valid('param').endpoint_id);
    const { deliveryId } = await sendTestEvent(core(), c.get('member'), id, auditOrigin(c));
    return c.json({ delivery_id: encodeId('whd', deliveryId) }, 202);
  });
  addRoute(app, chain, deliveriesRoute, async (c) => {
    const id = endpointId(c.req.valid('param').endpoint_id);
    const { limit, cursor } = c.req.valid('query');
    const page = await listDeliveries(core(), c.get('member'), id, {
      limit,
      cursor: decodeCursor('whd', cursor),
    });
    return c.json(toPage(page, 'whd', toDelivery), 200);
  });
  addRoute(app, chain, retryRoute, async (c) => {
    const params = c.req.valid('param');
    const row = await retryDelivery(
      core(),
      c.get('member'),
      endpointId(params.endpoint_id),
      decodeId('whd', params.delivery_id),
      auditOrigin(c),
    );
    return c.json(toDelivery(row), 202);
  });
}
