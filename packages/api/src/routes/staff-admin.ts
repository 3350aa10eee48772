import { Hono } from 'hono';
import type { Env } from '@plinth/core/env';
import { AppError, parseJsonBody } from '@plinth/core/errors';
import { createSessionReader } from '@plinth/core/identity';
import type { JobQueue } from '@plinth/core/jobs';
import {
  elevateImpersonation,
  forceVerifyEmail,
  reauthenticateStaff,
  resendVerificationEmail,
  revokeAllSessions,
} from '@plinth/core/staff';
import type { Database } from '@plinth/db';
import { requestBodyLimit } from '../middleware/body-limit';
import { originCheck, type SessionEnv } from '../middleware/session-actor';
import { staffChain } from '../middleware/staff';
import { auditOrigin } from './origin';

/**
 * The staff console's own API (docs/decisions/0031-staff-guard-and-read-only-impersonation.md):
 * - /api/admin/users/:id/{verify-email,verification-email,revoke-sessions}: staff actions on a
 *   person, behind the staff guard, each audited with the staff member as actor;
 * - /api/admin/reauthenticate: password + TOTP to restart the 12 hours (staff with 2FA, no guard:
 *   a stale sign-in is what it fixes);
 * - /api/admin/impersonation/elevate: the staff member behind an impersonation session makes it
 *   writable for 15 minutes with a written reason (the one write an un-elevated impersonation may
 *   make, so it is outside the session middleware's read-only rule).
 */
export function staffAdminRoutes(deps: { database: Database; jobs: JobQueue; env: Env }) {
  const readSession = createSessionReader({
    database: deps.database,
    secret: deps.env.auth.secret,
    production: deps.env.isProduction,
  });
  const trustedOrigins = [deps.env.appUrl, ...deps.env.auth.trustedOrigins];
  const checkOrigin = originCheck(trustedOrigins);
  const userDeps = {
    database: deps.database,
    jobs: deps.jobs,
    appUrl: deps.env.appUrl,
    authSecret: deps.env.auth.secret,
  };
  // First, before the session is read: a body over 8 KB is refused unread (413), whoever sends it.
  const limit = requestBodyLimit(MAX_BODY_BYTES);
  return new Hono<SessionEnv>()
    .use('/admin/users/*', limit, ...staffChain({ database: deps.database, readSession, trustedOrigins }))
    .use('/admin/reauthenticate', limit)
    .use('/admin/impersonation/elevate', limit)
    .post('/admin/users/:id/verify-email', async (c) =>
      c.json(await forceVerifyEmail(deps.database, c.get('actor'), c.req.param('id'), auditOrigin(c))),
    )
    .post('/admin/users/:id/verification-email', async (c) =>
      c.json(await resendVerificationEmail(userDeps, c.get('actor'), c.req.param('id'), auditOrigin(c)), 202),
    )
    .post('/admin/users/:id/revoke-sessions', async (c) =>
      c.json(await revokeAllSessions(deps.database, c.get('actor'), c.req.param('id'), auditOrigin(c))),
    )
    .post('/admin/reauthenticate', async (c) => {
      checkOrigin(c.req.method, c.req.header('origin'));
      const session = await readSession(c.req.header('cookie'));
      if (!session) throw new AppError('unauthenticated');
      const result = await reauthenticateStaff(
        userDeps,
        session,
        await smallJsonBody(c.req.raw),
        auditOrigin(c),
      );
      return c.json({ reauthenticatedAt: result.reauthenticatedAt.toISOString() });
    })
    .post('/admin/impersonation/elevate', async (c) => {
      checkOrigin(c.req.method, c.req.header('origin'));
      const session = await readSession(c.req.header('cookie'));
      if (!session) throw new AppError('unauthenticated');
      const result = await elevateImpersonation(
        deps.database,
        session,
        await smallJsonBody(c.req.raw),
        auditOrigin(c),
      );
      return c.json({ expiresAt: result.expiresAt.toISOString() });
    });
}

/** These routes take a password, a code or a reason: a few hundred bytes. */
const MAX_BODY_BYTES = 8 * 1024;

/** The JSON body, read after requestBodyLimit has bounded it (counted as it streams in). */
async function smallJsonBody(request: Request): Promise<unknown> {
  return parseJsonBody(await request.text());
}
