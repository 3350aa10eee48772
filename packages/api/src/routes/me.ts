import { Hono } from 'hono';
import { deleteAccount, deleteAccountInput, type SessionReader } from '@plinth/core/identity';
import { requireSession, type SessionEnv } from '../middleware/session-actor';
import type { ApiDeps } from '../types';
import { parseJsonBody } from '../validation/parse-body';

/** /api/v1/me: the signed-in person's own account. */
export function meRoutes(deps: ApiDeps & { readSession: SessionReader; trustedOrigins: readonly string[] }) {
  return new Hono<SessionEnv>()
    .use('/v1/me', requireSession(deps.readSession, deps.trustedOrigins))
    .get('/v1/me', (c) => {
      const actor = c.get('actor');
      return c.json({ id: actor.id, email: actor.email });
    })
    .delete('/v1/me', async (c) => {
      const input = await parseJsonBody(c, deleteAccountInput);
      await deleteAccount(deps, c.get('actor'), input, {
        ip: c.get('clientIp') ?? null,
        userAgent: c.req.header('user-agent') ?? null,
        requestId: c.get('requestId'),
      });
      c.header('Set-Cookie', 'plinth.session_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax');
      return c.body(null, 204);
    });
}
