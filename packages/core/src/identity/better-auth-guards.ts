import { APIError } from 'better-auth/api';
import type { AuthHookContext } from './audit-auth-events';
import { isOnAuthSurface } from './auth-surface';
import { newPasswordField, passwordProblem } from './password-policy';
import { cleanUserName } from './user-name';

/**
 * The second line behind our edge, inside better-auth (a before hook), for anything that reaches
 * it another way: an HTTP request to an endpoint off the product's auth surface is refused (404),
 * and a new password that fails the policy is refused on every endpoint that sets one — also on
 * server-side `auth.api` calls, which no edge sees. The policy is not checked in the hash function:
 * better-auth also hashes the password of a sign-in for an unknown email (to even out timing), where
 * a policy error would tell which emails exist.
 */
export function guardAuthEndpoint(ctx: AuthHookContext): void {
  const method = ctx.request?.method;
  if (method && !isOnAuthSurface(method, ctx.path)) {
    throw new APIError('NOT_FOUND', { message: 'Not found.', code: 'NOT_FOUND' });
  }
  const field = newPasswordField(ctx.path);
  const body = ctx.body as Record<string, unknown> | undefined;
  const password = field ? body?.[field] : undefined;
  if (typeof password === 'string') {
    const email = typeof body?.email === 'string' ? body.email : undefined;
    const problem = passwordProblem(password, email);
    if (problem) throw new APIError('BAD_REQUEST', { message: problem, code: 'PASSWORD_REJECTED' });
  }
}

/**
 * better-auth's user writes (sign-up, an identity provider's profile on first sign-in, a magic-link
 * sign-up, update-user): the name stored is always one clean line of at most 100 characters. Our
 * edge already refused a bad name a person typed; a provider's name is cleaned, never refused, so
 * the sign-in goes through. On create the name is always set; on update only when it changes.
 */
export function cleanUserWrite<T extends Record<string, unknown>>(
  data: T,
  write: 'create' | 'update',
): { data: T } | undefined {
  if (write === 'update' && typeof data.name !== 'string') return undefined;
  const email = typeof data.email === 'string' ? data.email : '';
  return { data: { ...data, name: cleanUserName(data.name, email) } };
}
