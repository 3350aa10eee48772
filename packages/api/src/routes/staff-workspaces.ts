import { Hono, type Context } from 'hono';
import type { Database } from '@plinth/db';
import type { Env } from '@plinth/core/env';
import { AppError, parseJsonBody } from '@plinth/core/errors';
import { clearFlagOverride, listFlagOverrides, setFlagOverride, type FlagStore } from '@plinth/core/flags';
import { createSessionReader } from '@plinth/core/identity';
import {
  clearPlanOverride,
  searchWorkspaces,
  setPlanOverride,
  staffNumbers,
  suspendWorkspace,
  unsuspendWorkspace,
  workspaceDetail,
} from '@plinth/core/staff-console';
import { requestBodyLimit } from '../middleware/body-limit';
import type { SessionEnv } from '../middleware/session-actor';
import { staffChain } from '../middleware/staff';
import { parseQuery } from '../validation/parse-body';
import { auditOrigin } from './origin';

/** Staff bodies are small: a reason, a date, a few numbers. */
const MAX_STAFF_BODY_BYTES = 16 * 1024;
const jsonContentType = /^application\/([a-z.-]+\+)?json(\s*;.*)?$/i;

/** The JSON object a staff write sent (an empty body is an empty object). */
async function jsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  if (!jsonContentType.test(c.req.header('content-type') ?? '')) {
    throw new AppError('unsupported_media_type', 'Send JSON with Content-Type: application/json.');
  }
  const parsed = parseJsonBody(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppError('invalid_input', 'Send a JSON object.', { fields: { _: 'Expected an object.' } });
  }
  return parsed as Record<string, unknown>;
}

/**
 * The staff console's workspace side over REST, the same core services the /admin pages call:
 * /api/admin/workspaces (search, one workspace, suspend, unsuspend, plan override),
 * /api/admin/numbers, /api/admin/flags (overrides and kill switches). Every write is audited by
 * its service with the staff member as actor.
 */
export function staffWorkspaceRoutes(deps: { database: Database; env: Env; flags: FlagStore }) {
  const readSession = createSessionReader({
    database: deps.database,
    secret: deps.env.auth.secret,
    production: deps.env.isProduction,
  });
  const trustedOrigins = [deps.env.appUrl, ...deps.env.auth.trustedOrigins];
  // The staff guard of every /api/admin route (role, 2FA, a sign-in within 12 hours; decision 0031).
  const guard = [
    requestBodyLimit(MAX_STAFF_BODY_BYTES),
    ...staffChain({ database: deps.database, readSession, trustedOrigins }),
  ] as const;
  const flagDeps = { database: deps.database, definitions: deps.flags.definitions, store: deps.flags };
  return (
    new Hono<SessionEnv>()
      // `/x/*` also matches `/x` itself.
      .use('/admin/workspaces/*', ...guard)
      .use('/admin/numbers', ...guard)
      .use('/admin/flags/*', ...guard)
      .get('/admin/workspaces', async (c) =>
        c.json(await searchWorkspaces(deps, c.get('actor'), parseQuery(c))),
      )
      .get('/admin/workspaces/:id', async (c) =>
        c.json(await workspaceDetail(deps, c.get('actor'), c.req.param('id'))),
      )
      .post('/admin/workspaces/:id/suspend', async (c) => {
        const body = await jsonObject(c);
        const result = await suspendWorkspace(
          deps,
          c.get('actor'),
          { ...body, workspaceId: c.req.param('id') } as never,
          auditOrigin(c),
        );
        return c.json(result);
      })
      .post('/admin/workspaces/:id/unsuspend', async (c) => {
        const body = await jsonObject(c);
        await unsuspendWorkspace(
          deps,
          c.get('actor'),
          { ...body, workspaceId: c.req.param('id') } as never,
          auditOrigin(c),
        );
        return c.body(null, 204);
      })
      .put('/admin/workspaces/:id/plan-override', async (c) => {
        const body = await jsonObject(c);
        const row = await setPlanOverride(
          deps,
          c.get('actor'),
          { ...body, workspaceId: c.req.param('id') } as never,
          auditOrigin(c),
        );
        return c.json(row);
      })
      .delete('/admin/workspaces/:id/plan-override', async (c) => {
        const body = await jsonObject(c);
        await clearPlanOverride(
          deps,
          c.get('actor'),
          { ...body, workspaceId: c.req.param('id') } as never,
          auditOrigin(c),
        );
        return c.body(null, 204);
      })
      .get('/admin/numbers', async (c) => c.json(await staffNumbers(deps, c.get('actor'))))
      .get('/admin/flags', async (c) => c.json({ items: await listFlagOverrides(flagDeps, c.get('actor')) }))
      .put('/admin/flags/overrides', async (c) => {
        const row = await setFlagOverride(
          flagDeps,
          c.get('actor'),
          (await jsonObject(c)) as never,
          auditOrigin(c),
        );
        return c.json(row);
      })
      .delete('/admin/flags/overrides', async (c) => {
        await clearFlagOverride(flagDeps, c.get('actor'), (await jsonObject(c)) as never, auditOrigin(c));
        return c.body(null, 204);
      })
  );
}
