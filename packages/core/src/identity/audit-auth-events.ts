import { eq } from 'drizzle-orm';
import { getSessionFromCtx, isAPIError, type createAuthMiddleware } from 'better-auth/api';
import { user, type Database } from '@plinth/db';
import type { Actor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { authSurface } from './auth-surface';

export interface AuthAuditDeps {
  database: Database;
}

// better-auth does not export its hook context type; take it from createAuthMiddleware's handler.
type AuthHandler = Extract<Parameters<typeof createAuthMiddleware>[0], (...args: never[]) => unknown>;
export type AuthHookContext = Parameters<AuthHandler>[0];

interface SessionLike {
  session: { id: string; userId: string; impersonatedBy?: string | null };
  user: { id: string; email: string; twoFactorEnabled?: boolean | null };
}

/** Paths that create a session, and the sign-in method each stands for. */
const signInMethods: Record<string, string> = {
  '/sign-in/email': 'password',
  '/two-factor/verify-totp': 'totp',
  '/two-factor/verify-backup-code': 'backup_code',
  '/magic-link/verify': 'magic_link',
  '/verify-email': 'email_verification',
  '/sign-up/email': 'sign_up',
};

/** Paths where the signed-in person acts on their own account. */
const accountActions: Record<string, string> = {
  '/change-password': 'auth.password_changed',
  '/two-factor/disable': 'auth.2fa_disabled',
  '/revoke-session': 'auth.session_revoked',
  '/revoke-sessions': 'auth.sessions_revoked',
  '/revoke-other-sessions': 'auth.other_sessions_revoked',
  '/change-email': 'auth.email_change_requested',
  '/delete-user': 'auth.account_deleted',
};

/** Staff actions (the surface's `staffAudit`); the actor is the staff member (for stop, the impersonator). */
const staffActions: Record<string, string> = Object.fromEntries(
  authSurface.flatMap((endpoint) =>
    endpoint.rules.staffAudit ? [[endpoint.path, endpoint.rules.staffAudit]] : [],
  ),
);

export function requestOrigin(request: Request | undefined): AuditOrigin {
  return {
    ip: request?.headers.get('x-plinth-client-ip') ?? null,
    userAgent: request?.headers.get('user-agent')?.slice(0, 512) ?? null,
    requestId: request?.headers.get('x-request-id') ?? null,
  };
}

function userActor(session: SessionLike): Actor {
  return {
    type: 'user',
    id: session.user.id,
    ...(session.session.impersonatedBy ? { impersonatorId: session.session.impersonatedBy } : {}),
  };
}

/**
 * One audit row per security-relevant auth event (docs/architecture.md §6), written after better-auth has
 * answered. Runs in better-auth's after-hook, so it sees the outcome (success or APIError).
 */
export async function auditAuthEvents(deps: AuthAuditDeps, ctx: AuthHookContext): Promise<void> {
  const db = deps.database.db;
  const origin = requestOrigin(ctx.request);
  const failed = isAPIError(ctx.context.returned);
  const current = ctx.context.session as SessionLike | null;
  const body = (ctx.body ?? {}) as Record<string, unknown>;

  if (ctx.path === '/sign-in/email' && failed) {
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    const [known] = email ? await db.select({ id: user.id }).from(user).where(eq(user.email, email)) : [];
    await audit(
      db,
      known ? { type: 'user', id: known.id } : { type: 'system', id: 'anonymous' },
      { action: 'auth.sign_in_failed', metadata: { reason: errorCode(ctx.context.returned) } },
      origin,
    );
    return;
  }
  if (failed) return;

  if (ctx.path === '/two-factor/verify-totp' && current && !current.user.twoFactorEnabled) {
    await audit(db, userActor(current), { action: 'auth.2fa_enabled' }, origin);
    return;
  }
  const accountAction = accountActions[ctx.path];
  if (accountAction && current) {
    await audit(db, userActor(current), { action: accountAction }, origin);
    return;
  }
  const staffAction = staffActions[ctx.path];
  if (staffAction && current) {
    const staffId = current.session.impersonatedBy ?? current.user.id;
    // Stopping an impersonation acts on the person who was impersonated; listing acts on no one.
    const targetId =
      typeof body.userId === 'string' ? body.userId : staffId === current.user.id ? null : current.user.id;
    const query = (ctx.query ?? {}) as Record<string, unknown>;
    const metadata =
      typeof body.banReason === 'string'
        ? { reason: body.banReason }
        : typeof query.searchValue === 'string'
          ? { search: query.searchValue.slice(0, 200) }
          : undefined;
    await audit(
      db,
      { type: 'user', id: staffId },
      {
        action: staffAction,
        ...(targetId ? { target: { type: 'user', id: targetId } } : {}),
        ...(metadata ? { metadata } : {}),
      },
      origin,
    );
  }
}

function isOAuthCallback(path: string): boolean {
  return path.startsWith('/callback/') || path.startsWith('/oauth2/callback/');
}

function errorCode(error: unknown): string {
  if (isAPIError(error)) {
    const body = error.body as { code?: string } | undefined;
    return body?.code ?? String(error.status);
  }
  return 'unknown';
}

/** Sign-out deletes the session, so it is recorded before better-auth runs. */
export async function auditSignOut(deps: AuthAuditDeps, ctx: AuthHookContext): Promise<void> {
  const current = (await getSessionFromCtx(ctx).catch(() => null)) as SessionLike | null;
  if (!current) return;
  await audit(
    deps.database.db,
    userActor(current),
    {
      action: 'auth.sign_out',
      target: { type: 'session', id: current.session.id },
    },
    requestOrigin(ctx.request),
  );
}

/** A completed password reset (the token holder is not signed in, so the user comes from better-auth). */
export async function auditPasswordReset(
  deps: AuthAuditDeps,
  userId: string,
  request?: Request,
): Promise<void> {
  await audit(
    deps.database.db,
    { type: 'user', id: userId },
    { action: 'auth.password_reset' },
    requestOrigin(request),
  );
}

/**
 * Every new session is a sign-in (better-auth's session-create hook sees them all: password,
 * TOTP, magic link, verification link, OAuth). Impersonation sessions are audited as staff actions.
 */
export async function auditSessionCreated(
  deps: AuthAuditDeps,
  created: { id: string; userId: string; impersonatedBy?: unknown },
  ctx: { path?: string; request?: Request } | null,
): Promise<void> {
  if (created.impersonatedBy) return;
  const path = ctx?.path ?? '';
  const method = signInMethods[path] ?? (isOAuthCallback(path) ? 'oauth' : 'other');
  await audit(
    deps.database.db,
    { type: 'user', id: created.userId },
    { action: 'auth.sign_in', target: { type: 'session', id: created.id }, metadata: { method } },
    requestOrigin(ctx?.request),
  );
}
