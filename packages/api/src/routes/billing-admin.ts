import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { user, type Database } from '@plinth/db';
import { listWebhookEvents, replayStripeEvent } from '@plinth/core/billing-events';
import type { Env } from '@plinth/core/env';
import { AppError } from '@plinth/core/errors';
import { createSessionReader } from '@plinth/core/identity';
import type { JobQueue } from '@plinth/core/jobs';
import { requireSession, type SessionEnv } from '../middleware/session-actor';
import { parseQuery } from '../validation/parse-body';

/**
 * Platform staff only (better-auth's `admin` role, as the /admin pages check it), never while
 * impersonating. Everyone else gets 404: the route's existence is not advertised.
 */
function requireStaff(database: Database) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const actor = c.get('actor');
    const [row] = await database.db.select({ role: user.role }).from(user).where(eq(user.id, actor.id));
    const roles = (row?.role ?? '').split(',').map((role) => role.trim());
    if (actor.impersonatorId || !roles.includes('admin')) throw new AppError('not_found');
    await next();
  });
}

/** /api/admin/billing/events: the webhook inbox and its dead letters, with replay. */
export function billingAdminRoutes(deps: { database: Database; jobs: JobQueue; env: Env }) {
  const readSession = createSessionReader({
    database: deps.database,
    secret: deps.env.auth.secret,
    production: deps.env.isProduction,
  });
  const trustedOrigins = [deps.env.appUrl, ...deps.env.auth.trustedOrigins];
  return new Hono<SessionEnv>()
    .use('/admin/billing/*', requireSession(readSession, trustedOrigins), requireStaff(deps.database))
    .get('/admin/billing/events', async (c) => c.json(await listWebhookEvents(deps, parseQuery(c))))
    .post('/admin/billing/events/:id/replay', async (c) => {
      const replayed = await replayStripeEvent({ ...deps, logger: c.get('logger') }, c.req.param('id'));
      return c.json(replayed, 202);
    });
}
