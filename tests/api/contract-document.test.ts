import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createApi } from '@plinth/api';
import { buildV1Document, generateClientTypes, SCHEMA_FILE } from '@plinth/api/client-generator';
import { createLogger } from '@plinth/core/logger';
import { useTestDatabase } from '@plinth/testing';

// The document is the contract: the server serves it, the typed client is generated from it, and
// the reference page renders it. These fail when one of them drifts from the others.

const testDb = useTestDatabase();

function api() {
  return createApi({
    env: testDb.env,
    database: testDb.app,
    logger: createLogger({ level: 'silent' }),
    version: 'test',
    auth: {} as never,
    jobs: {} as never,
  });
}

describe('the OpenAPI document', () => {
  it('is served at /api/v1/openapi.json exactly as the client is generated from', async () => {
    const response = await api().request('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.json()).toEqual(buildV1Document(`${testDb.env.appUrl}/api/v1`));
  });

  it('matches the committed client types (run `npm run api:client` after changing an operation)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await generateClientTypes());
  });

  it('declares every operation with an id, a summary, a tag the document lists, and the envelope for errors', () => {
    const document = buildV1Document();
    const tags = new Set(document.tags?.map((tag) => tag.name));
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, Record<string, unknown>>)) {
        const name = `${method} ${path}`;
        expect(operation.operationId, name).toBeTruthy();
        expect(operation.summary, name).toBeTruthy();
        expect(tags.has((operation.tags as string[])[0]!), name).toBe(true);
        for (const [status, response] of Object.entries(
          operation.responses as Record<string, Record<string, unknown>>,
        )) {
          if (Number(status) < 400) continue;
          expect(JSON.stringify(response.content), `${name} ${status}`).toContain(
            '#/components/schemas/Error',
          );
        }
      }
    }
  });
  it('declares Idempotency-Key on every POST, with its 422 and 409, and the 429 of the rate limits', () => {
    const document = buildV1Document();
    let posts = 0;
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, Record<string, unknown>>)) {
        const responses = operation.responses as Record<string, { content?: unknown }>;
        expect(responses['429'], `${method} ${path} 429`).toBeDefined();
        if (method !== 'post') continue;
        posts += 1;
        const parameters = (operation.parameters ?? []) as { name: string; in: string; schema?: unknown }[];
        expect(
          parameters.find((parameter) => parameter.name === 'Idempotency-Key'),
          `${path}`,
        ).toMatchObject({
          in: 'header',
          required: false,
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        });
        for (const status of ['409', '422']) {
          expect(JSON.stringify(responses[status]?.content), `${method} ${path} ${status}`).toContain(
            '#/components/schemas/Error',
          );
        }
      }
    }
    expect(posts).toBeGreaterThan(3);
  });
});

describe('the reference page', () => {
  it('renders every operation from the document, offline, under a strict CSP', async () => {
    const response = await api().request('/api/v1/reference');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await response.text();
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost|127\.0\.0\.1)[a-z]/i);
    const document = buildV1Document();
    for (const item of Object.values(document.paths ?? {})) {
      for (const operation of Object.values(item as Record<string, { operationId: string }>)) {
        expect(html).toContain(`id="${operation.operationId.toLowerCase()}"`);
      }
    }
    expect(html).toContain('curl -X GET &#39;');
    expect(html).toContain('Authorization: Bearer plk_…');
  });
});
