import { createMiddleware } from 'hono/factory';
import { addToLogContext } from '@plinth/core/logger';
import type { Actor } from '@plinth/core/actor';
import { AppError } from '@plinth/core/errors';
import type { SessionInfo, SessionReader } from '@plinth/core/identity';
import { assertImpersonationMayWrite } from '@plinth/core/staff';
import type { Database } from '@plinth/db';
import type { ApiEnv } from '../types';

export type SessionActor = Actor & {
  type: 'user';
  sessionId: string;
  sessionCreatedAt: Date;
  email: string;
  emailVerified: boolean;
};

/** Routes behind requireSession() see `c.get('actor')`. */
export interface SessionEnv {
  Variables: ApiEnv['Variables'] & { actor: SessionActor };
}

/**
 * Resolves the signed-in person from the session cookie into an Actor (docs/architecture.md §2), or answers
 * 401. The session is read from Postgres on every request, so a revoked session stops at once. A
 * write (any method but GET/HEAD/OPTIONS) by an impersonation session is refused unless elevated
 * (impersonationGuard).
 */
export function requireSession(
  readSession: SessionReader,
  database: Database,
  trustedOrigins?: readonly string[],
) {
  const checkOrigin = originCheck(trustedOrigins);
  const checkImpersonation = impersonationGuard(database);
  return createMiddleware<SessionEnv>(async (c, next) => {
    checkOrigin(c.req.method, c.req.header('origin'));
    const session = await readSession(c.req.header('cookie'));
    if (!session) throw new AppError('unauthenticated');
    await checkImpersonation(c.req.method, session);
    c.set('actor', sessionActor(session));
    addToLogContext({ user_id: session.userId });
    await next();
  });
}

/**
 * A cookie-authenticated change must come from our own pages (CSRF): browsers send Origin on every
 * non-GET fetch and form post. Without trusted origins, no check.
 */
export function originCheck(trustedOrigins?: readonly string[]) {
  const trusted = trustedOrigins
    ? new Set(trustedOrigins.map((origin) => new URL(origin).origin))
    : undefined;
  return (method: string, origin: string | undefined): void => {
    if (trusted && !['GET', 'HEAD', 'OPTIONS'].includes(method)) {
      if (!origin || !trusted.has(origin))
        throw new AppError('forbidden', 'This request did not come from a trusted origin.');
    }
  };
}

/**
 * Impersonation is read-only (docs/decisions/0031-staff-guard-and-read-only-impersonation.md): a
 * session that is one may read, and write only while the staff member's elevation lasts (403
 * `impersonation_read_only` otherwise). Costs a query only for impersonation sessions' writes.
 */
export function impersonationGuard(database: Database) {
  return async (method: string, session: SessionInfo): Promise<void> => {
    if (!session.impersonatedBy || SAFE_METHODS.has(method)) return;
    await assertImpersonationMayWrite(database, session);
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionActor(session: SessionInfo): SessionActor {
  return {
    type: 'user',
    id: session.userId,
    sessionId: session.sessionId,
    email: session.email,
    emailVerified: session.emailVerified,
    sessionCreatedAt: session.createdAt,
    ...(session.impersonatedBy ? { impersonatorId: session.impersonatedBy } : {}),
  };
}
