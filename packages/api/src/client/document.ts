import type { MiddlewareHandler } from 'hono';
import { createV1App, openApiDocument, type V1Chain } from '../openapi/index';
import { registerV1Operations, type V1Deps } from '../routes/v1';

/** The server URL the committed document and client are generated with (a running server uses its APP_URL). */
export const DOCUMENT_SERVER_URL = 'http://localhost:3000/api/v1';

const pass: MiddlewareHandler = async (_c, next) => {
  await next();
};

/**
 * The /api/v1 document without a running server: the operations are registered on an app whose
 * middleware and dependencies are never called (generating a document runs no handler).
 */
export function buildV1Document(serverUrl = DOCUMENT_SERVER_URL) {
  const chain = { actor: pass, tenant: pass } as unknown as V1Chain;
  return openApiDocument(registerV1Operations(createV1App(), chain, {} as V1Deps), serverUrl);
}
