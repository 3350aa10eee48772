import { createMiddleware } from 'hono/factory';
import { addToLogContext } from '@plinth/core/logger';
import type { Actor } from '@plinth/core/actor';
import { AppError } from '@plinth/core/errors';
import type { SessionReader } from '@plinth/core/identity';
import type { ApiEnv } from '../types';

export type SessionActor = Actor & {
  type: 'user';
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
 * 401. The session is read from Postgres on every request, so a revoked session stops at once.
 */
export function requireSession(readSession: SessionReader, trustedOrigins?: readonly string[]) {
  const trusted = trustedOrigins
    ? new Set(trustedOrigins.map((origin) => new URL(origin).origin))
    : undefined;
  return createMiddleware<SessionEnv>(async (c, next) => {
    // A cookie-authenticated change must come from our own pages (CSRF): browsers send Origin on
    // every non-GET fetch and form post.
    if (trusted && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const origin = c.req.header('origin');
      if (!origin || !trusted.has(origin))
        throw new AppError('forbidden', 'This request did not come from a trusted origin.');
    }
    const session = await readSession(c.req.header('cookie'));
    if (!session) throw new AppError('unauthenticated');
    c.set('actor', {
      type: 'user',
      id: session.userId,
      email: session.email,
      emailVerified: session.emailVerified,
      sessionCreatedAt: session.createdAt,
      ...(session.impersonatedBy ? { impersonatorId: session.impersonatedBy } : {}),
    });
    addToLogContext({ user_id: session.userId });
    await next();
  });
}
