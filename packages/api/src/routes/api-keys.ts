import { z } from '@hono/zod-openapi';
import {
  apiKeyScope,
  createApiKey,
  createApiKeyInput,
  listApiKeys,
  revokeApiKey,
  type ApiKeyView,
} from '@plinth/core/api-keys';
import type { Database } from '@plinth/db';
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
  type V1App,
  type V1Chain,
  withPublicFieldNames,
} from '../openapi/index';
import { auditOrigin } from './origin';
import { slugParams } from './workspaces';

const apiKey = z
  .object({
    id: publicId('key'),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the secret, to tell keys apart.' }),
    scopes: z.array(apiKeyScope),
    created_by: publicId('user'),
    created_at: timestamp(),
    expires_at: timestamp().nullable(),
    revoked_at: timestamp().nullable(),
    last_used_at: timestamp()
      .nullable()
      .openapi({ description: 'Written in batches: may lag real use by up to a minute.' }),
    last_used_ip: z.string().nullable(),
  })
  .openapi('ApiKey');

const createdApiKey = apiKey
  .extend({
    secret: z.string().openapi({
      description: 'The key itself (`plk_…`). Shown in this response only: store it now.',
    }),
  })
  .openapi('CreatedApiKey');

const toApiKey = (row: ApiKeyView) => ({
  id: encodeId('key', row.id),
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  created_by: encodeId('user', row.createdBy),
  created_at: iso(row.createdAt),
  expires_at: isoOrNull(row.expiresAt),
  revoked_at: isoOrNull(row.revokedAt),
  last_used_at: isoOrNull(row.lastUsedAt),
  last_used_ip: row.lastUsedIp,
});

const createApiKeyBody = z
  .strictObject({
    name: createApiKeyInput.shape.name,
    scopes: documented(createApiKeyInput.shape.scopes, {
      description: "Permissions from the permission table, each within your own (or this key's own).",
    }),
    expires_at: z.iso
      .datetime({ offset: true })
      .refine((value) => Date.parse(value) > Date.now(), 'Choose a time in the future.')
      .refine((value) => Date.parse(value) < Date.now() + 5 * 366 * 86_400_000, 'At most five years ahead.')
      .nullish()
      .openapi({
        description:
          'When the key stops working; none means it lasts until revoked. Required when an API key creates the key, and then no later than its own expiry.',
      }),
  })
  .openapi('CreateApiKeyInput');

const keyParams = slugParams.extend({
  key_id: publicId('key').openapi({ param: { name: 'key_id', in: 'path' } }),
});

const tags = ['API keys'];

const listApiKeysRoute = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/api-keys',
  operationId: 'listApiKeys',
  summary: "A workspace's API keys",
  description: 'Newest first, revoked ones included; never the secrets.',
  tags,
  request: { params: slugParams, query: z.strictObject(pageQuery('key')) },
  responses: { 200: jsonContent('A page of API keys.', pageOf(apiKey, 'ApiKeyList')) },
});

const createApiKeyRoute = defineRoute(
  'member',
  {
    method: 'post',
    path: '/workspaces/{slug}/api-keys',
    operationId: 'createApiKey',
    summary: 'Create an API key',
    description:
      'Owners and admins (or a key scoped `api_key.manage`). Every scope must be one the caller holds; a scope beyond is a 403 naming `scopes`. The secret is in this response only: with an `Idempotency-Key`, a repeat is not replayed (the secret is never stored) but answered 409 `conflict` naming the key created — list keys to see it.',
    tags,
    request: { params: slugParams, body: jsonBody(createApiKeyBody) },
    responses: { 201: jsonContent('Created; the secret is shown once.', createdApiKey) },
  },
  ['conflict'],
  { idempotency: 'refuse-replay' },
);

const revokeApiKeyRoute = defineRoute('member', {
  method: 'delete',
  path: '/workspaces/{slug}/api-keys/{key_id}',
  operationId: 'revokeApiKey',
  summary: 'Revoke an API key',
  description: 'The key stops working on its next request. Revoking a revoked key changes nothing.',
  tags,
  request: { params: keyParams },
  responses: { 204: { description: 'Revoked.' } },
});

/** /api/v1/workspaces/{slug}/api-keys: glue over @plinth/core/api-keys. */
export function apiKeyRoutes(app: V1App, chain: V1Chain, deps: { database: Database }): void {
  addRoute(app, chain, listApiKeysRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listApiKeys(deps, c.get('member'), { limit, cursor: decodeCursor('key', cursor) });
    return c.json(toPage(page, 'key', toApiKey), 200);
  });
  addRoute(app, chain, createApiKeyRoute, async (c) => {
    const { name, scopes, expires_at } = c.req.valid('json');
    const input = { name, scopes, expiresAt: expires_at ?? null };
    const { key, secret } = await withPublicFieldNames({ expiresAt: 'expires_at' }, () =>
      createApiKey(deps, c.get('member'), input, auditOrigin(c)),
    );
    return c.json({ ...toApiKey(key), secret }, 201);
  });
  addRoute(app, chain, revokeApiKeyRoute, async (c) => {
    const id = decodeId('key', c.req.valid('param').key_id);
    await revokeApiKey(deps, c.get('member'), id, auditOrigin(c));
    return c.body(null, 204);
  });
}
