// @plinth/api/client: a typed fetch client for /api/v1, generated from the OpenAPI document
// (openapi-typescript types + openapi-fetch). Used by the tests; a product may ship it as its SDK.
import createClient from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
export type ApiSchemas = components['schemas'];

export interface ApiClientOptions {
  /** The server's /api/v1 URL, e.g. http://localhost:3000/api/v1. */
  baseUrl: string;
  /** An API key (`plk_…`), sent as `Authorization: Bearer`. */
  apiKey?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

export function createApiClient(options: ApiClientOptions) {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers: {
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      ...options.headers,
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
