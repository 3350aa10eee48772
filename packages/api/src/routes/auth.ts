import { Hono, type Context } from 'hono';
import type { Database } from '@plinth/db';
import { clientAddressBlock } from '@plinth/core/client-ip';
import { AppError } from '@plinth/core/errors';
import {
  assertSignInNotLocked,
  AUTH_BASE_PATH,
  CLIENT_IP_HEADER,
  passwordProblem,
  recordFailedSignIn,
  type Auth,
} from '@plinth/core/identity';
import type { JobQueue } from '@plinth/core/jobs';
import {
  assertWithinRateLimit,
  hashSubject,
  identityRateLimits,
  type RateLimitRule,
} from '@plinth/core/rate-limit';
import type { ApiEnv } from '../types';

export interface AuthRouteDeps {
  auth: Auth;
  database: Database;
  jobs: JobQueue;
  appUrl: string;
  trustedOrigins: readonly string[];
}

interface AuthRequestRules {
  byIp?: RateLimitRule;
  byEmail?: RateLimitRule;
  /** The body field carrying a new password, checked against our password policy. */
  passwordField?: string;
}

const limits = identityRateLimits;

/** What we check on each better-auth endpoint before it runs. */
const requestRules: Record<string, AuthRequestRules> = {
  '/sign-in/email': { byIp: limits.signInByIp },
  '/sign-up/email': { byIp: limits.signUpByIp, passwordField: 'password' },
  '/request-password-reset': { byIp: limits.passwordResetByIp, byEmail: limits.passwordResetByEmail },
  '/send-verification-email': {
    byIp: limits.verificationEmailByIp,
    byEmail: limits.verificationEmailByEmail,
  },
  '/sign-in/magic-link': { byIp: limits.magicLinkByIp, byEmail: limits.magicLinkByEmail },
  '/reset-password': { passwordField: 'newPassword' },
  '/change-password': { passwordField: 'newPassword' },
  '/set-password': { passwordField: 'newPassword' },
};

/**
 * /api/auth/* is better-auth's handler, behind our own checks: a trusted Origin on every
 * state-changing request, rate limits per client IP and per email (failed sign-ins lock an
 * account for a window and mail its owner), and our password policy. better-auth then sees a copy
 * of the request whose client-IP header is the address we resolved from the socket (or trusted
 * proxies): a value sent by the client is overwritten.
 */
export function authRoutes(deps: AuthRouteDeps) {
  const trusted = new Set(deps.trustedOrigins.map((origin) => new URL(origin).origin));
  return new Hono<ApiEnv>().on(['GET', 'POST'], '/auth/*', async (c) => {
    const path = c.req.path.slice(AUTH_BASE_PATH.length);
    if (c.req.method !== 'GET') {
      // Browsers always send Origin on POST: a missing or foreign one is forged (CSRF, login
      // CSRF) or scripted.
      if (!trusted.has(requestOrigin(c.req.header('origin'), c.req.header('referer')))) {
        throw new AppError('forbidden', 'This request did not come from a trusted origin.');
      }
    }
    const rules = c.req.method === 'POST' ? requestRules[path] : undefined;
    const body = rules ? await readJson(c.req.raw.clone()) : {};
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : undefined;
    if (rules?.byIp)
      await assertWithinRateLimit(deps.database, rules.byIp, clientAddressBlock(c.get('clientIp')));
    if (rules?.byEmail && email)
      await assertWithinRateLimit(deps.database, rules.byEmail, hashSubject(email));
    if (path === '/sign-in/email' && email) await assertSignInNotLocked(deps.database, email);
    if (rules?.passwordField && typeof body[rules.passwordField] === 'string') {
      const problem = passwordProblem(body[rules.passwordField] as string, email);
      if (problem) return c.json(passwordRejected(problem, rules.passwordField, c.get('requestId')), 400);
    }

    const response = await deps.auth.handler(forwardedRequest(c));
    if (path === '/sign-in/email' && email && response.status === 401) {
      await recordFailedSignIn(deps, email);
    }
    return response;
  });
}

function forwardedRequest(c: Context<ApiEnv>): Request {
  const headers = new Headers(c.req.raw.headers);
  headers.set(CLIENT_IP_HEADER, c.get('clientIp') ?? '');
  headers.set('x-request-id', c.get('requestId'));
  const body = c.req.method === 'GET' ? undefined : c.req.raw.body;
  return new Request(c.req.raw.url, {
    method: c.req.method,
    headers,
    body,
    signal: c.req.raw.signal,
    ...(body ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = await request.json();
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {}; // better-auth answers malformed bodies itself
  }
}

/**
 * better-auth's clients read `{ code, message }`; our envelope lives under `error`. /api/auth
 * answers in better-auth's shape, so this one response carries both.
 */
function passwordRejected(message: string, field: string, requestId: string) {
  return {
    code: 'PASSWORD_REJECTED',
    message,
    error: { code: 'invalid_input', message, fields: { [field]: message }, request_id: requestId },
  };
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
