import { Hono } from 'hono';
import { type Database } from '@plinth/db';
import { listWebhookEvents, replayStripeEvent } from '@plinth/core/billing-events';
import type { Env } from '@plinth/core/env';
import { createSessionReader } from '@plinth/core/identity';
import type { JobQueue } from '@plinth/core/jobs';
import type { SessionEnv } from '../middleware/session-actor';
import { staffChain } from '../middleware/staff';
import { parseQuery } from '../validation/parse-body';
import { auditOrigin } from './origin';

/**
 * /api/admin/billing/events: the webhook inbox and its dead letters, with replay. Staff only
 * (middleware/staff.ts: role, 2FA, a sign-in within 12 hours); everyone else gets 404.
 */
export function billingAdminRoutes(deps: { database: Database; jobs: JobQueue; env: Env }) {
  const readSession = createSessionReader({
    database: deps.database,
    secret: deps.env.auth.secret,
    production: deps.env.isProduction,
  });
  const trustedOrigins = [deps.env.appUrl, ...deps.env.auth.trustedOrigins];
  return new Hono<SessionEnv>()
    .use('/admin/billing/*', ...staffChain({ database: deps.database, readSession, trustedOrigins }))
    .get('/admin/billing/events', async (c) => c.json(await listWebhookEvents(deps, parseQuery(c))))
    .post('/admin/billing/events/:id/replay', async (c) => {
      const replayed = await replayStripeEvent(
        { ...deps, logger: c.get('logger') },
        c.req.param('id'),
        c.get('actor'),
        auditOrigin(c),
      );
      return c.json(replayed, 202);
    });
}
