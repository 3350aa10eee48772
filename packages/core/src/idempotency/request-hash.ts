import { createHash } from 'node:crypto';

export interface IdempotentRequest {
  method: string;
  /** The path with its query string, as the client sent it. */
  path: string;
  contentType: string | undefined;
  body: string;
}

/**
 * SHA-256 of the method, the path and the body in canonical form: a JSON body is re-serialized with
 * its object keys sorted, so `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` are the same request (a client
 * library may reorder keys between retries); any other body is compared byte for byte.
 */
export function idempotentRequestHash(request: IdempotentRequest): string {
  return createHash('sha256')
    .update(`${request.method.toUpperCase()}\n${request.path}\n`)
    .update(canonicalBody(request))
    .digest('hex');
}

function canonicalBody({ contentType, body }: IdempotentRequest): string {
  if (!contentType?.includes('application/json') || body.trim() === '') return body;
  try {
    return JSON.stringify(sortKeys(JSON.parse(body)));
  } catch {
    // Malformed JSON is hashed as sent; the handler answers it with a 400 that is then stored.
    return body;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
