import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { ErrorCode } from '@plinth/core/errors';
import { errorResponses } from './errors';

/**
 * Who may call an operation: anyone (`public`), a signed-in person or API key (`user`), or a
 * member of the workspace named by `{slug}` (`member`; everyone else gets 404).
 */
export type Access = 'public' | 'user' | 'member';

/**
 * What a repeated Idempotency-Key gets once the first request has answered: `replay` sends the
 * stored response back; `refuse-replay` stores only the status and the created resource's `id`
 * (for a response that must not be kept, like a secret shown once) and answers a repeat with a
 * 409 `conflict` naming that id.
 */
export type IdempotencyMode = 'replay' | 'refuse-replay';

export interface RouteOptions {
  idempotency?: IdempotencyMode;
}

export type V1Route<C extends RouteConfig = RouteConfig> = C & {
  readonly access: Access;
  readonly idempotency?: IdempotencyMode;
};

export const sessionCookieScheme = 'sessionCookie';
export const apiKeyScheme = 'bearerAuth';

// Every operation can meet a database that is down or frozen: 503 `unavailable` with Retry-After.
const baseErrors: Record<Access, ErrorCode[]> = {
  public: ['invalid_input', 'rate_limited', 'internal', 'unavailable'],
  user: ['invalid_input', 'unauthenticated', 'forbidden', 'rate_limited', 'internal', 'unavailable'],
  member: [
    'invalid_input',
    'unauthenticated',
    'forbidden',
    'workspace_suspended',
    'not_found',
    'rate_limited',
    'internal',
    'unavailable',
  ],
};

/**
 * Declares a /api/v1 operation with the conventions applied in one place:
 * - body, query and path params are strict zod objects (an unknown field is a 400 naming it); an
 *   operation without a query schema gets an empty strict one, so `?anything` is refused too;
 * - `operationId`, `summary` and a tag are required (the client and the reference page use them);
 * - security follows `access`; the standard error responses (all the one envelope) are added,
 *   plus `errors` for this operation (`conflict`, `payment_required`…).
 * Register it with `addRoute` (app.ts), which adds the actor/tenant middleware `access` names.
 */
export function defineRoute<const C extends RouteConfig>(
  access: Access,
  config: C,
  errors: readonly ErrorCode[] = [],
  options: RouteOptions = {},
): V1Route<C> {
  const name = `${config.method.toUpperCase()} ${config.path}`;
  if (!config.operationId || !config.summary || !config.tags?.length) {
    throw new Error(`${name}: declare operationId, summary and tags`);
  }
  const request = { ...config.request, query: config.request?.query ?? z.strictObject({}) };
  assertStrict(request.query, `${name} query`);
  if (request.params) assertStrict(request.params, `${name} params`);
  else if (config.path.includes('{')) throw new Error(`${name}: declare its path params`);
  const media = request.body?.content['application/json'];
  const body = media && 'schema' in media ? media.schema : undefined;
  if (request.body && !body) throw new Error(`${name}: a body is application/json`);
  if (body) assertStrict(body, `${name} body`);
  const codes = [...baseErrors[access], ...errors, ...(body ? (['unsupported_media_type'] as const) : [])];
  // Any body over the /api/v1 limit is a 413 (create-api.ts); a GET is not expected to send one.
  if (config.method !== 'get') codes.push('payload_too_large');
  if (config.path.includes('{')) codes.push('not_found');
  // The idempotency middleware serves every POST with a sender (middleware/idempotency.ts).
  const idempotent = config.method === 'post' && access !== 'public';
  if (idempotent) codes.push('conflict', 'idempotency_key_reused');
  const idempotency = options.idempotency ?? 'replay';
  const route = createRoute({
    ...config,
    ...(idempotent
      ? { parameters: [...(config.parameters ?? []), idempotencyKeyParameter(idempotency)] }
      : {}),
    request,
    security: access === 'public' ? [] : [{ [sessionCookieScheme]: [] }, { [apiKeyScheme]: [] }],
    responses: { ...errorResponses(codes), ...config.responses },
  });
  // Not enumerable: createRoute's config becomes the document's operation, and these are ours.
  return Object.defineProperties(route, {
    access: { value: access, enumerable: false },
    idempotency: { value: idempotency, enumerable: false },
  }) as unknown as V1Route<C>;
}

/**
 * The Idempotency-Key header, documented only: the middleware parses it (a 400 naming it), so no
 * zod header validator runs on every POST.
 */
function idempotencyKeyParameter(mode: IdempotencyMode) {
  const repeat =
    mode === 'replay'
      ? 'The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again'
      : 'Its response is never stored: the same key with the same request within 24 h, once the first succeeded, is a 409 `conflict` naming what it created (an error is replayed)';
  return {
    name: 'Idempotency-Key',
    in: 'header' as const,
    required: false,
    description: `Makes the request safe to retry. ${repeat}; the same key with another request is a 422 \`idempotency_key_reused\`; while the first is still running, a 409 \`conflict\` with Retry-After. Keys belong to their sender.`,
    schema: { type: 'string' as const, minLength: 1, maxLength: 255 },
  };
}

interface ZodInternals {
  _zod?: { def?: { type?: string; catchall?: ZodInternals } };
}

/** Strict means `z.strictObject` (catchall never): unknown keys fail validation. */
function assertStrict(schema: unknown, where: string): void {
  const def = (schema as ZodInternals)._zod?.def;
  if (def?.type !== 'object' || def.catchall?._zod?.def?.type !== 'never') {
    throw new Error(`${where}: use z.strictObject so unknown fields are refused`);
  }
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/** A JSON response. */
export function jsonContent<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/**
 * Names a schema built outside this package (core's `schemas.ts`) as a document component, or adds
 * documentation to it. Use this, not `.openapi()`: zod's `.meta()` is native, while `.openapi()`
 * exists only on the zod instance @hono/zod-openapi patched, which core's schemas may not share.
 */
export function documented<T extends z.ZodType>(schema: T, meta: string | Record<string, unknown>): T {
  return schema.meta(typeof meta === 'string' ? { id: meta } : meta) as T;
}
