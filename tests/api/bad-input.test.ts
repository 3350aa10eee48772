import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@plinth/core/api-keys';
import { createSecretBox } from '@plinth/core/secrets';
import { resolveMembership } from '@plinth/core/tenancy';
import { createWebhookEndpoint } from '@plinth/core/webhooks';
import { file, notification, withTenant, webhookDelivery } from '@plinth/db';
import { encodeId, type IdPrefix } from '@plinth/api';
import { buildV1Document } from '@plinth/api/client-generator';
import {
  createInvitation,
  addMember,
  createProject,
  createUser,
  createWorkspace,
  grantPlan,
  useTestDatabase,
} from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';
import {
  createResponseValidator,
  operationsOf,
  resolveRefs,
  type ApiDocument,
  type DocumentOperation,
} from './contract-fixture';

// A bad-input sweep generated from the OpenAPI document: for every operation, every declared
// parameter and body field gets a wrong type, a missing value, an oversized string, an unknown
// sibling and control characters (NUL, other C0 controls, DEL, C1 controls, bidi overrides); lists
// get invalid cursors and limits; bodies get malformed JSON and a wrong content type. Every answer
// must be a 4xx the document declares, in the envelope, naming the field (or a 404 for a bad path
// parameter) — never a 5xx — and no table changes.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

type Json = Record<string, unknown>;
const document = buildV1Document() as unknown as ApiDocument;
const validate = createResponseValidator(document);
const operations = operationsOf(document);

let owner: Person;
let pathValues: Record<string, string>;

beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'sweep-owner');
  const ws = await createWorkspace(testDb.app);
  await grantPlan(testDb.app, { workspace: ws, plan: 'team', seats: 50 });
  await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
  const target = await createUser(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: target, role: 'viewer' });
  const project = await createProject(testDb.app, { workspace: ws, createdBy: { id: owner.id } as never });
  const invite = await createInvitation(testDb.app, { workspace: ws, invitedBy: owner });
  const { actor } = await resolveMembership(testDb.app, owner.id, ws.slug);
  const { key } = await createApiKey({ database: testDb.app }, actor, {
    name: 'sweep',
    scopes: ['project.read'],
  });
  const webhooks = {
    database: testDb.app,
    secrets: createSecretBox(testDb.env.secretsEncryptionKey),
    // A closed loopback port: the endpoint exists for the sweep; nothing is ever sent off the machine.
    egress: { requireHttps: false, allowPrivate: 'loopback' as const },
  };
  const { endpoint } = await createWebhookEndpoint(webhooks, actor, { url: 'http://127.0.0.1:9/webhooks' });
  const [delivery] = await testDb.owner.db
    .insert(webhookDelivery)
    .values({
      workspaceId: ws.id,
      endpointId: endpoint.id,
      eventId: endpoint.id,
      eventType: 'ping',
      body: '{}',
      eventCreatedAt: new Date(),
      status: 'failed',
    })
    .returning();
  const [notice] = await testDb.owner.db
    .insert(notification)
    .values({
      recipientId: owner.id,
      workspaceId: ws.id,
      type: 'workspace.removed',
      category: 'workspace',
      data: { workspaceName: 'Sweep' },
    })
    .returning();
  const [stored] = await withTenant(testDb.app, ws.id, actor, (tx) =>
    tx
      .insert(file)
      .values({
        workspaceId: ws.id,
        purpose: 'attachment',
        status: 'ready',
        name: 'sweep.pdf',
        contentType: 'application/pdf',
        size: 10,
        storageKey: `workspaces/${ws.id}/attachment/sweep`,
        finalKey: `workspaces/${ws.id}/attachment/sweep-final`,
        projectId: project.id,
        createdBy: owner.id,
      })
      .returning(),
  );
  pathValues = {
    notification_id: encodeId('ntf', notice!.id),
    file_id: encodeId('file', stored!.id),
    slug: ws.slug,
    endpoint_id: encodeId('we', endpoint.id),
    delivery_id: encodeId('whd', delivery!.id),
    project_id: encodeId('proj', project.id),
    user_id: encodeId('user', target.id),
    invitation_id: encodeId('inv', invite.id),
    key_id: encodeId('key', key.id),
    avatar_id: encodeId('avt', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'),
    scope: 'avatar',
    owner_id: owner.id,
    image_id: '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e',
    size: 'small',
  };
});

/** Row counts and contents of every table a request could write, read as the owner (no RLS). */
async function tableChecksum(): Promise<Record<string, string>> {
  const tables = [
    'workspace',
    'member',
    'project',
    'invitation',
    'api_key',
    '"user"',
    'account',
    'audit_log',
    'idempotency_key',
    'webhook_endpoint',
    'notification',
    'notification_preference',
    'file',
    'avatar',
  ];
  const sums: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await testDb.owner.pool.query<{ n: string; sum: string | null }>(
      `select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as sum from ${table} t`,
    );
    sums[table] = `${rows[0]!.n}:${rows[0]!.sum ?? ''}`;
  }
  // The outbox relay marks rows published in the background: count only.
  const { rows } = await testDb.owner.pool.query<{ n: string }>('select count(*) as n from outbox');
  sums.outbox = rows[0]!.n;
  // The worker records attempts of queued deliveries in the background: which deliveries exist.
  const deliveries = await testDb.owner.pool.query<{ ids: string | null }>(
    "select md5(string_agg(id::text, '|' order by id)) as ids from webhook_delivery",
  );
  sums.webhook_delivery = deliveries.rows[0]!.ids ?? '';
  return sums;
}

interface BadRequest {
  label: string;
  path?: Record<string, string>;
  /** Path values sent as they are, not percent-encoded: malformed escapes. */
  rawPath?: boolean;
  query?: string;
  body?: string;
  contentType?: string;
  /** The status when not 400. */
  status?: number;
  /** The field `error.fields` must name. */
  field?: string;
}

const wrongTypeFor = (schema: Json): unknown => {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  return type === 'string' ? 12345 : 'not-a-' + String(type ?? 'value');
};

/** A value that satisfies the schema where it is easy to (only a backdrop for the one bad field). */
function plausible(schema: Json): unknown {
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.format === 'email') return `sweep-${Date.now()}@example.test`;
  if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array') return [plausible((schema.items as Json | undefined) ?? {})];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return 'x'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
}

/**
 * Characters no field of the API accepts (tab, LF and CR are left out: a description may hold
 * them). NUL is what Postgres refuses outright (SQLSTATE 22021, a 500 before the schemas refused
 * it); the others corrupt logs, mail headers and exports, or reorder what a person reads.
 */
const controlCharacters: Record<string, string> = {
  NUL: '\u0000',
  BEL: '\u0007',
  ESC: '\u001b',
  DEL: '\u007f',
  NEL: '\u0085',
  CSI: '\u009b',
  RLO: '\u202e',
  RLI: '\u2067',
};

/** `value` with `control` inside it (after the first character, so a prefix check still sees it). */
const withControl = (value: string, control: string) => `${value.slice(0, 1)}${control}${value.slice(1)}`;

const otherPrefix: Record<string, IdPrefix> = {
  proj: 'ws',
  ws: 'proj',
  user: 'inv',
  inv: 'user',
  key: 'proj',
  evt: 'proj',
  we: 'whd',
  whd: 'we',
  ntf: 'evt',
  file: 'proj',
  avt: 'file',
};

/** The generated bad requests for one operation. */
function badRequests(entry: DocumentOperation): BadRequest[] {
  const requests: BadRequest[] = [
    { label: 'unknown query parameter', query: 'unexpected_param=1', field: 'unexpected_param' },
  ];
  const parameters = (entry.operation.parameters as Json[] | undefined) ?? [];
  for (const parameter of parameters) {
    const name = String(parameter.name);
    const schema = resolveRefs(parameter.schema, document) as Json;
    // Idempotency-Key is read after validation, just before the handler, so a bad one needs an
    // otherwise valid request: tests/api/idempotency.test.ts sends those (a 400 naming the header).
    if (parameter.in === 'header') continue;
    if (parameter.in === 'path') {
      const prefix = /^\^([a-z]+)_/.exec(String(schema.pattern ?? ''))?.[1];
      const bad = [
        '!!',
        'x'.repeat(Number(schema.maxLength ?? 64) + 1),
        ...(prefix
          ? [encodeId(otherPrefix[prefix]!, '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'), `${prefix}_`]
          : []),
      ];
      for (const value of bad)
        requests.push({ label: `path ${name}=${value.slice(0, 20)}`, path: { [name]: value }, status: 404 });
      for (const [what, control] of Object.entries(controlCharacters)) {
        requests.push({
          label: `path ${name} with ${what}`,
          path: { [name]: withControl(pathValues[name]!, control) },
          status: 404,
        });
      }
      // Escapes that do not decode (a truncated sequence, invalid UTF-8, an overlong NUL).
      for (const escape of ['%E0%A4%A', '%FF', '%C0%80', '%00'])
        requests.push({
          label: `path ${name} with raw ${escape}`,
          path: { [name]: `${pathValues[name]!}${escape}` },
          rawPath: true,
          status: 404,
        });
      continue;
    }
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    const values: string[] = [];
    if (type === 'integer')
      values.push(
        'abc',
        '1.5',
        String(Number(schema.minimum ?? 1) - 1),
        String(Number(schema.maximum ?? 100) + 1),
      );
    if (type === 'string') {
      values.push('x'.repeat(Number(schema.maxLength) + 1));
      if (schema.pattern) values.push('!! not valid !!');
      const prefix = /^\^([a-z]+)_/.exec(String(schema.pattern ?? ''))?.[1];
      if (prefix) values.push(encodeId(otherPrefix[prefix]!, '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'));
    }
    const base = String(schema.example ?? plausible(schema));
    for (const control of Object.values(controlCharacters)) values.push(withControl(base, control));
    for (const value of values) {
      requests.push({
        label: `query ${name}=${JSON.stringify(value.slice(0, 20))}`,
        query: `${name}=${encodeURIComponent(value)}`,
        field: name,
      });
    }
    requests.push({ label: `query ${name} twice`, query: `${name}=1&${name}=2`, field: name });
  }
  const media = ((entry.operation.requestBody as Json | undefined)?.content as Json | undefined)?.[
    'application/json'
  ] as Json | undefined;
  if (!media) {
    if (entry.method !== 'get') {
      requests.push({
        label: 'a body where none is taken',
        body: '{"unexpected_field":1}',
        field: 'unexpected_field',
      });
      requests.push({ label: 'malformed JSON where no body is taken', body: '{"a":', field: '_' });
    }
    return requests;
  }
  const body = resolveRefs(media.schema, document) as Json;
  const properties = (body.properties ?? {}) as Record<string, Json>;
  const required = new Set((body.required as string[] | undefined) ?? []);
  const valid = Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => [name, plausible(schema)]),
  );
  const json = (value: unknown) => JSON.stringify(value);
  requests.push(
    { label: 'malformed JSON', body: '{"name": "unterminated', field: '_' },
    { label: 'JSON that is not an object', body: '[1,2]', field: '_' },
    { label: 'null body', body: 'null', field: '_' },
    { label: 'text/plain body', body: json(valid), contentType: 'text/plain', status: 415 },
    { label: 'form body', body: 'name=x', contentType: 'application/x-www-form-urlencoded', status: 415 },
    { label: 'unknown field', body: json({ ...valid, unexpected_field: 'x' }), field: 'unexpected_field' },
  );
  for (const [name, schema] of Object.entries(properties)) {
    const { [name]: _omitted, ...without } = valid;
    if (required.has(name)) requests.push({ label: `missing ${name}`, body: json(without), field: name });
    requests.push({
      label: `${name} of the wrong type`,
      body: json({ ...valid, [name]: wrongTypeFor(schema) }),
      field: name,
    });
    if (schema.maxLength !== undefined) {
      requests.push({
        label: `${name} oversized`,
        body: json({ ...valid, [name]: 'x'.repeat(Number(schema.maxLength) + 1) }),
        field: name,
      });
    }
    const value = valid[name];
    const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    for (const [what, control] of Object.entries(controlCharacters)) {
      if (typeof value === 'string') {
        requests.push({
          label: `${name} with ${what}`,
          body: json({ ...valid, [name]: withControl(value, control) }),
          field: name,
        });
      } else if (typeof strings[0] === 'string') {
        requests.push({
          label: `${name}[0] with ${what}`,
          body: json({ ...valid, [name]: [withControl(strings[0], control)] }),
          field: `${name}.0`,
        });
      }
    }
  }
  return requests;
}

async function send(entry: DocumentOperation, request: BadRequest) {
  const values = { ...pathValues, ...request.path };
  const path = entry.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    request.rawPath && request.path?.[name] ? values[name]! : encodeURIComponent(values[name]!),
  );
  const cookie = [...owner.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const headers: Record<string, string> = { origin: app.url, cookie };
  if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
  const response = await fetch(`${app.url}/api/v1${path}${request.query ? `?${request.query}` : ''}`, {
    method: entry.method.toUpperCase(),
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : undefined };
}

describe('the document declares bounds for every input', () => {
  it('every string a client sends (path, query, body) has a maxLength, an enum or a date-time format', () => {
    const unbounded: string[] = [];
    const visit = (schema: Json, where: string) => {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (
        types.includes('string') &&
        schema.maxLength === undefined &&
        !schema.enum &&
        schema.format !== 'date-time'
      ) {
        unbounded.push(where);
      }
      for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>))
        visit(property, `${where}.${name}`);
      if (schema.items) visit(schema.items as Json, `${where}[]`);
      for (const option of (schema.anyOf ?? schema.oneOf ?? []) as Json[]) visit(option, where);
    };
    for (const entry of operations) {
      for (const parameter of (entry.operation.parameters as Json[] | undefined) ?? []) {
        visit(
          resolveRefs(parameter.schema, document) as Json,
          `${entry.operationId} ${String(parameter.in)} ${String(parameter.name)}`,
        );
      }
      const media = ((entry.operation.requestBody as Json | undefined)?.content as Json | undefined)?.[
        'application/json'
      ] as Json | undefined;
      if (media) visit(resolveRefs(media.schema, document) as Json, `${entry.operationId} body`);
    }
    expect(unbounded).toEqual([]);
  });
});

describe.each(operations.map((entry) => [entry.operationId, entry] as const))(
  '%s with bad input',
  (_id, entry) => {
    it('answers each bad request with a declared 4xx envelope naming the field, and writes nothing', async () => {
      const requests = badRequests(entry);
      expect(requests.length).toBeGreaterThan(0);
      const before = await tableChecksum();
      for (const request of requests) {
        const { status, body } = await send(entry, request);
        const label = `${entry.operationId}: ${request.label} → ${status} ${JSON.stringify(body)}`;
        expect(status, label).toBe(request.status ?? 400);
        validate(entry.method, entry.path, status, body);
        if (request.field)
          expect((body?.error as Json | undefined)?.fields, label).toHaveProperty([request.field]);
      }
      expect(await tableChecksum()).toEqual(before);
    });
  },
);

describe('an oversized body', () => {
  // Over the 1 MB /api/v1 limit: refused before anything reads it (refuseBody, the idempotency
  // hash, the validators), announced by Content-Length or streamed without one.
  const oversized = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1) });
  const writes = operations.filter((entry) => entry.method !== 'get');

  it('is a 413 payload_too_large in the envelope for every operation but GET, and writes nothing', async () => {
    expect(writes.length).toBeGreaterThan(0);
    const before = await tableChecksum();
    for (const entry of writes) {
      const { status, body } = await send(entry, { label: 'oversized', body: oversized });
      const label = `${entry.operationId}: oversized body → ${status} ${JSON.stringify(body).slice(0, 200)}`;
      expect(status, label).toBe(413);
      expect(body, label).toMatchObject({ error: { code: 'payload_too_large' } });
      validate(entry.method, entry.path, status, body);
    }
    expect(await tableChecksum()).toEqual(before);
  });

  it('is a 413 when the body is streamed without a Content-Length, with an Idempotency-Key', async () => {
    const before = await tableChecksum();
    const cookie = [...owner.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const bytes = new TextEncoder().encode(oversized);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 64 * 1024)
          controller.enqueue(bytes.slice(at, at + 64 * 1024));
        controller.close();
      },
    });
    const response = await fetch(`${app.url}/api/v1/workspaces/${pathValues.slug}/projects`, {
      method: 'POST',
      headers: { origin: app.url, cookie, 'content-type': 'application/json', 'idempotency-key': 'big-1' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await tableChecksum()).toEqual(before);
  });
});
