import { OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { ZodError } from 'zod';
import { AppError, parseJsonBody } from '@plinth/core/errors';
import type { MemberActor, WorkspaceSummary } from '@plinth/core/tenancy';
import type { ActorEnv } from '../middleware/api-key-actor';
import type { IdempotencyMode, V1Route } from './define-route';

/**
 * What a /api/v1 handler sees. `actor` is set for `user` and `member` operations; `member` and
 * `workspace` only for `member` operations (the tenant middleware sets them).
 */
export interface V1Env {
  Variables: ActorEnv['Variables'] & {
    member: MemberActor;
    workspace: WorkspaceSummary;
    /** Set only for an operation that is not `replay` (the idempotency middleware reads it). */
    idempotency?: IdempotencyMode;
  };
}

export type V1App = OpenAPIHono<V1Env>;

/**
 * The per-operation middleware, in docs/architecture.md §2 order, built once in create-api.ts. Request id,
 * logger, security headers and per-IP limits run before this, for all of /api.
 *   actor → tenant → afterTenant → [validation: the route's zod schemas] → beforeHandler → handler
 */
export interface V1Chain {
  /** Resolves `c.get('actor')` or answers 401: a session cookie or an API key (requireActor). */
  actor: MiddlewareHandler<V1Env>;
  /** Resolves `member` and `workspace` from `{slug}`; a non-member gets 404. */
  tenant: MiddlewareHandler<V1Env>;
  /**
   * actor and tenant in one step, for `member` operations when set (requireMemberActor: a session
   * and its membership in one statement); the same answers as the two in a row.
   */
  memberActor?: MiddlewareHandler<V1Env>;
  /** Knows the actor and workspace, before validation: per-key and per-workspace rate limits. */
  afterTenant?: MiddlewareHandler<V1Env>[];
  /** After validation, right before the handler: Idempotency-Key for POST. */
  beforeHandler?: MiddlewareHandler<V1Env>[];
}

/** A validation failure as our envelope: a bad path param is a 404 (like an unknown id), the rest a 400 naming each field. */
export function validationHook(result: { success: boolean; target: string; error?: ZodError }): void {
  if (result.success || !result.error) return;
  if (result.target === 'param') throw new AppError('not_found');
  throw AppError.fromZod(
    result.error,
    result.target === 'query' ? 'Invalid query parameters.' : 'The request body is invalid.',
  );
}

export function createV1App(): V1App {
  return new OpenAPIHono<V1Env>({ defaultHook: validationHook });
}

/** Registers a defined operation with the middleware its access needs and the chain's slots. */
export function addRoute<R extends V1Route>(
  app: V1App,
  chain: V1Chain,
  route: R,
  handler: RouteHandler<R, V1Env>,
): void {
  const middleware: MiddlewareHandler<V1Env>[] = [
    ...(route.access === 'public'
      ? []
      : route.access === 'member'
        ? chain.memberActor
          ? [chain.memberActor]
          : [chain.actor, chain.tenant]
        : [chain.actor]),
    ...(chain.afterTenant ?? []),
    ...(route.request?.body ? [] : [refuseBody]),
  ];
  const beforeHandler =
    route.idempotency === 'refuse-replay'
      ? [refuseReplay, ...(chain.beforeHandler ?? [])]
      : (chain.beforeHandler ?? []);
  app.openapi({ ...route, middleware }, withMiddleware(beforeHandler, handler) as never);
}

const refuseReplay: MiddlewareHandler<V1Env> = (c, next) => {
  c.set('idempotency', 'refuse-replay');
  return next();
};

const jsonContentType = /^application\/([a-z.-]+\+)?json(\s*;.*)?$/i;

/**
 * For operations that take no body: nothing, or `{}`, is fine; anything else is refused like an
 * unknown field, so a client sending `{"role":"admin"}` to the wrong operation learns it at once.
 */
const refuseBody: MiddlewareHandler<V1Env> = (c, next) => {
  // The headers say whether there is a body; touching c.req.raw would build a whole fetch Request
  // on every GET (@hono/node-server makes it lazily), a measurable cost on the hottest lists. Not
  // async when there is none (every GET): an async wrapper would cost each one a promise.
  const announced =
    c.req.header('content-length') !== undefined || c.req.header('transfer-encoding') !== undefined;
  return announced ? refuseAnnouncedBody(c, next) : next();
};

const refuseAnnouncedBody: MiddlewareHandler<V1Env> = async (c, next) => {
  if (c.req.raw.body) {
    const text = await c.req.text();
    if (text.trim() !== '') {
      if (!jsonContentType.test(c.req.header('content-type') ?? '')) {
        throw new AppError('unsupported_media_type', 'Send JSON with Content-Type: application/json.');
      }
      const parsed = parseJsonBody(text);
      const keys =
        parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : null;
      if (!keys || keys.length > 0) {
        const fields = keys
          ? Object.fromEntries(keys.map((key) => [key, 'Unknown field.']))
          : { _: 'Expected no body.' };
        throw new AppError('invalid_input', 'This operation takes no body.', { fields });
      }
    }
  }
  await next();
};

type AnyHandler = (c: Context<V1Env>, next: () => Promise<void>) => unknown;

/** Runs `middleware` around `handler`, after the route's validators (so they see validated input). */
function withMiddleware(middleware: MiddlewareHandler<V1Env>[], handler: unknown): AnyHandler {
  const final = handler as AnyHandler;
  if (middleware.length === 0) return final;
  return async (c, next) => {
    let index = 0;
    const dispatch = async (): Promise<void> => {
      const current = middleware[index++];
      const response = current ? await current(c, dispatch) : await final(c, next);
      if (response instanceof Response) c.res = response;
    };
    await dispatch();
    return c.res;
  };
}
