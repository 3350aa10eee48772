import { expect } from 'vitest';
import { z } from 'zod';
import { createApiClient, type ApiClient } from '@plinth/api/client';
import type { IdentityApp } from '../identity/identity-app';
import type { Person } from '../tenancy/people';

// Shared by tests/api/contract*.test.ts and bad-input*.test.ts: the served OpenAPI document, its
// operations, a validator of any response against what the document declares for its status, and
// the typed client (generated from the document) signed in as a person.

type Json = Record<string, unknown>;

export interface ApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes?: Record<string, Json> };
  [key: string]: unknown;
}

export interface DocumentOperation {
  method: string;
  path: string;
  operationId: string;
  operation: Json;
}

export const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;

export async function fetchDocument(app: IdentityApp): Promise<ApiDocument> {
  const response = await fetch(`${app.url}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as ApiDocument;
}

/** Every operation in the document: `paths` × methods. */
export function operationsOf(document: ApiDocument): DocumentOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    httpMethods
      .filter((method) => item[method])
      .map((method) => {
        const operation = item[method] as Json;
        return { method, path, operationId: String(operation.operationId), operation };
      }),
  );
}

/** A schema with every `$ref` replaced by the component it names (our components are acyclic). */
export function resolveRefs(schema: unknown, document: ApiDocument): unknown {
  if (Array.isArray(schema)) return schema.map((entry) => resolveRefs(entry, document));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as Json).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    const component = document.components.schemas[name];
    if (!component) throw new Error(`unresolved ${ref}`);
    return resolveRefs(component, document);
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, resolveRefs(value, document)]),
  );
}

/** Keys in `body` that its schema does not declare (responses must not leak undocumented fields). */
function undeclaredKeys(body: unknown, schema: Json, at = ''): string[] {
  if (Array.isArray(body)) {
    const items = schema.items as Json | undefined;
    return items ? body.flatMap((entry, index) => undeclaredKeys(entry, items, `${at}[${index}]`)) : [];
  }
  if (!body || typeof body !== 'object') return [];
  const properties = schema.properties as Record<string, Json> | undefined;
  if (!properties) return [];
  return Object.entries(body).flatMap(([key, value]) =>
    properties[key] ? undeclaredKeys(value, properties[key], `${at}.${key}`) : [`${at}.${key}`],
  );
}

export interface ResponseCheck {
  operationId: string;
  status: number;
}

/**
 * Checks a response against the document: its status must be declared for the operation, and
 * its JSON body must validate against the declared schema (converted from the document's JSON
 * Schema, not taken from the server's zod objects) with no undeclared fields.
 */
export function createResponseValidator(document: ApiDocument) {
  const compiled = new Map<string, { schema: z.ZodType; json: Json } | null>();
  const operations = new Map(operationsOf(document).map((entry) => [`${entry.method} ${entry.path}`, entry]));
  return function validateResponse(
    method: string,
    path: string,
    status: number,
    body: unknown,
  ): ResponseCheck {
    const entry = operations.get(`${method.toLowerCase()} ${path}`);
    if (!entry) throw new Error(`${method} ${path} is not in the document`);
    const key = `${entry.operationId} ${status}`;
    if (!compiled.has(key)) {
      const response = (entry.operation.responses as Record<string, Json>)[String(status)];
      if (!response)
        throw new Error(
          `${entry.operationId} answered ${status}, which the document does not declare: ${JSON.stringify(body)}`,
        );
      const content = (response.content as Json | undefined)?.['application/json'] as Json | undefined;
      const json = content ? (resolveRefs(content.schema, document) as Json) : null;
      compiled.set(key, json ? { json, schema: z.fromJSONSchema(json as never) } : null);
    }
    const expected = compiled.get(key);
    if (!expected) {
      expect(body, `${key} declares no body`).toBeUndefined();
    } else {
      const parsed = expected.schema.safeParse(body);
      expect(parsed.success, `${key}: ${JSON.stringify(parsed.error?.issues)}\n${JSON.stringify(body)}`).toBe(
        true,
      );
      expect(undeclaredKeys(body, expected.json), `${key}: undeclared fields`).toEqual([]);
    }
    return { operationId: entry.operationId, status };
  };
}

export type ResponseValidator = ReturnType<typeof createResponseValidator>;

/**
 * The typed client as `person` (their session cookie and our Origin, like the browser), checking
 * every response it receives against the document and recording which operations answered 2xx.
 */
export function clientAs(
  app: IdentityApp,
  person: Person | null,
  validate: ResponseValidator,
  exercised?: Set<string>,
): ApiClient {
  const cookie = person
    ? [...person.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    : '';
  const client = createApiClient({
    baseUrl: `${app.url}/api/v1`,
    headers: { origin: app.url, ...(cookie ? { cookie } : {}) },
  });
  client.use({
    async onResponse({ request, response, schemaPath }) {
      const text = await response.clone().text();
      const check = validate(
        request.method,
        schemaPath,
        response.status,
        text ? JSON.parse(text) : undefined,
      );
      expect(response.headers.get('x-request-id')).toBeTruthy();
      if (response.status < 300) exercised?.add(check.operationId);
      return undefined;
    },
  });
  return client;
}
