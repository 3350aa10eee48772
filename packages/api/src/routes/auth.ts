import { Hono, type Context } from 'hono';
import type { Database } from '@plinth/db';
import { clientAddressBlock } from '@plinth/core/client-ip';
import { AppError, isAppError, toErrorEnvelope } from '@plinth/core/errors';
import {
  AUTH_BASE_PATH,
  CLIENT_IP_HEADER,
  checkAuthInput,
  createAuthEdgeRules,
  findAuthEndpoint,
  newPasswordField,
  parseAuthBody,
  UNIFORM_SIGN_UP_ANSWER,
  type Auth,
  type AuthEndpoint,
  type AuthOutcome,
} from '@plinth/core/identity';
import type { JobQueue } from '@plinth/core/jobs';
import { requestBodyLimit } from '../middleware/body-limit';
import { handleError } from '../middleware/errors';
import type { ApiEnv } from '../types';

/** The largest /api/auth body: every better-auth request we serve is a small JSON object. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

export interface AuthRouteDeps {
  auth: Auth;
  database: Database;
  jobs: JobQueue;
  appUrl: string;
  trustedOrigins: readonly string[];
  /** better-auth's secret and cookie mode, to read its signed cookies. */
  secret: string;
  production: boolean;
}

/**
 * /api/auth/* is better-auth's handler behind our edge. In order: a 64 KB body limit (413, before
 * anything reads the body); a trusted Origin on every POST; only the endpoints of the product's
 * auth surface (404 otherwise); the body read once, as JSON only (415 for any other encoding); the
 * input checks (control characters, redirect targets, names: a 400 naming the field); the rules of
 * the endpoint (rate limits, lockout, password policy, impersonation, identity confirmation). Then
 * better-auth gets exactly what the rules read — the body re-serialised as JSON, the client-IP
 * header set to the address we resolved — and failures it reports are counted.
 */
export function authRoutes(deps: AuthRouteDeps) {
  const trusted = new Set(deps.trustedOrigins.map((origin) => new URL(origin).origin));
  const rules = createAuthEdgeRules(deps);
  return new Hono<ApiEnv>()
    .use('/auth/*', requestBodyLimit(MAX_AUTH_BODY_BYTES))
    .on(['GET', 'POST'], '/auth/*', async (c) => {
      const url = new URL(c.req.raw.url);
      // The path exactly as better-auth's router will match it (case-sensitive, not decoded).
      const match = findAuthEndpoint(c.req.method, url.pathname.slice(AUTH_BASE_PATH.length));
      try {
        if (c.req.method !== 'GET') {
          // Browsers always send Origin on POST: a missing or foreign one is forged (CSRF, login
          // CSRF) or scripted.
          if (!trusted.has(requestOrigin(c.req.header('origin'), c.req.header('referer')))) {
            throw new AppError('forbidden', 'This request did not come from a trusted origin.');
          }
        }
        if (!match) throw new AppError('not_found');
        const body =
          c.req.method === 'POST'
            ? parseAuthBody(c.req.header('content-type'), await c.req.raw.text())
            : undefined;
        checkAuthInput(match, url.searchParams, body);
        const request = {
          endpoint: match.endpoint,
          body,
          clientAddress: clientAddressBlock(c.get('clientIp')),
          cookie: c.req.header('cookie'),
        };
        const state = await rules.before(request);
        const response = await deps.auth.handler(forwardedRequest(c, body));
        await rules.after(request, state, await outcomeOf(response));
        return match.endpoint.rules.uniformAnswer && response.ok ? uniformAnswer(response) : response;
      } catch (error) {
        if (!isAppError(error)) throw error;
        return authErrorResponse(c, error, match?.endpoint);
      }
    });
}

/** better-auth's answer in brief: the status, and for a refusal its `code` (read from a copy). */
async function outcomeOf(response: Response): Promise<AuthOutcome> {
  if (response.status < 400) return { status: response.status };
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const code = body && typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
  return { status: response.status, ...(typeof code === 'string' ? { code } : {}) };
}

function forwardedRequest(c: Context<ApiEnv>, body: Record<string, unknown> | undefined): Request {
  const headers = new Headers(c.req.raw.headers);
  headers.set(CLIENT_IP_HEADER, c.get('clientIp') ?? '');
  headers.set('x-request-id', c.get('requestId'));
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  if (body === undefined) headers.delete('content-type');
  else headers.set('content-type', 'application/json');
  return new Request(c.req.raw.url, {
    method: c.req.method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: c.req.raw.signal,
  });
}

/**
 * A sign-up answers the same for a new address and a taken one (better-auth's answer would hold a
 * real or a synthetic user, which differ); the inbox's owner learns which from the mail.
 */
function uniformAnswer(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(UNIFORM_SIGN_UP_ANSWER), { status: 200, headers });
}

/**
 * Our refusals in the envelope (the API's one error handler), plus the `{ code, message }`
 * better-auth's clients read, so the pages show them like better-auth's own errors. A password the
 * policy refuses is `PASSWORD_REJECTED`, which the forms put under the password field.
 */
function authErrorResponse(
  c: Context<ApiEnv>,
  error: AppError,
  endpoint: AuthEndpoint | undefined,
): Response {
  const response = handleError(error, c);
  const passwordField = endpoint ? newPasswordField(endpoint.path) : undefined;
  const code =
    passwordField && error.code === 'invalid_input' && error.fields?.[passwordField]
      ? 'PASSWORD_REJECTED'
      : error.code.toUpperCase();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  const { body } = toErrorEnvelope(error, c.get('requestId'));
  return new Response(JSON.stringify({ code, message: error.message, ...body }), {
    status: response.status,
    headers,
  });
}

function requestOrigin(origin: string | undefined, referer: string | undefined): string {
  const source = origin && origin !== 'null' ? origin : referer;
  if (!source) return '';
  try {
    return new URL(source).origin;
  } catch {
    return '';
  }
}
