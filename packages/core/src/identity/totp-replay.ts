import { APIError, isAPIError } from 'better-auth/api';
import type { Database } from '@plinth/db';
import { consumeRateLimit, defineRateLimit, hashSubject } from '../rate-limit/index';
import type { AuthHookContext } from './audit-auth-events';

/** A TOTP code is good for one use: better-auth accepts it again within its ±1 step window. */
const usedTotpCodes = defineRateLimit({ name: 'totp-used', limit: 1, windowSeconds: 120 });

/**
 * Marks (person, code) as used; false when it already was within the code's lifetime (a replay).
 * Every place that accepts a TOTP code calls this: better-auth's verify endpoint (below) and the
 * staff re-authentication (packages/core/src/staff).
 */
export async function consumeTotpCode(database: Database, userId: string, code: string): Promise<boolean> {
  const use = await consumeRateLimit(database, usedTotpCodes, hashSubject(`${userId}:${code}`));
  return use.allowed;
}

interface SessionLike {
  session: { token: string };
  user: { id: string };
}

/**
 * After a successful TOTP check, remember (person, code) for longer than the code can be valid; a
 * second success with the same code is a replay (a shoulder-surfed or phished code used again), so
 * the session it just created is deleted and the request fails as an invalid code would.
 */
export async function refuseReplayedTotp(deps: { database: Database }, ctx: AuthHookContext): Promise<void> {
  if (ctx.path !== '/two-factor/verify-totp' || isAPIError(ctx.context.returned)) return;
  const code = (ctx.body as { code?: unknown } | undefined)?.code;
  const created = ctx.context.newSession as SessionLike | null;
  const person = created ?? (ctx.context.session as SessionLike | null);
  if (typeof code !== 'string' || !person) return;
  if (await consumeTotpCode(deps.database, person.user.id, code)) return;
  if (created) await ctx.context.internalAdapter.deleteSession(created.session.token);
  throw new APIError('UNAUTHORIZED', {
    message: 'This code was already used. Wait for the next one.',
    code: 'TOTP_CODE_REUSED',
  });
}
