import type { FileDeps } from '@plinth/core/storage';
import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { AuditOrigin } from '@plinth/core/audit';
import { entitlements, type Entitlements } from '@plinth/core/entitlements';
import { AppError, isAppError } from '@plinth/core/errors';
import type { SessionInfo } from '@plinth/core/identity';
import { createSecretBox } from '@plinth/core/secrets';
import { serverContext } from '@plinth/core/server-context';
import { requireStaffActor } from '@plinth/core/staff';
import { readRequestPerson } from './session';
import type { Actor } from '@plinth/core/actor';
import { egressPolicyFromEnv, type WebhookDeps } from '@plinth/core/webhooks';
import {
  resolveMembership,
  type MemberActor,
  type TenancyDeps,
  type WorkspaceSummary,
} from '@plinth/core/tenancy';

// The request path of docs/architecture.md §2 for pages and server actions: session → actor → the
// membership for the slug in the URL (non-members get 404). Core decides everything else.

export interface Membership {
  actor: MemberActor;
  workspace: WorkspaceSummary;
  session: SessionInfo;
}

/** The wiring the tenancy and project services take, from the process serving this request. */
export function tenancyDeps(): TenancyDeps {
  const { database, jobs, env } = serverContext();
  return { database, jobs, appUrl: env.appUrl };
}

/** The wiring the file services take; 503 when this process has no object storage configured. */
export function fileDeps(): FileDeps {
  const { database, jobs, storage, logger } = serverContext();
  if (!storage) throw new AppError('unavailable', 'File storage is not configured on this server.');
  return { database, jobs, storage, logger };
}

/** The wiring the webhook services take: the sealed-secret box and where endpoints may point. */
export function webhookDeps(): WebhookDeps {
  const { database, env } = serverContext();
  return { database, secrets: createSecretBox(env.secretsEncryptionKey), egress: egressPolicyFromEnv(env) };
}

/**
 * The signed-in person from the session cookie (signature checked, one prepared query), or null:
 * the same read as getSession (lib/session.ts), shared with it once per request.
 */
export const readRequestSession = cache(
  async (): Promise<SessionInfo | null> => (await readRequestPerson())?.info ?? null,
);

/** The membership for `slug` in this request, or why there is none. Once per request and slug. */
export const findMembership = cache(
  async (slug: string): Promise<Membership | 'signed-out' | 'not-member' | 'suspended'> => {
    const session = await readRequestSession();
    if (!session) return 'signed-out';
    try {
      const { actor, workspace } = await resolveMembership(
        serverContext().database,
        session.userId,
        slug,
        session.impersonatedBy ? { impersonatorId: session.impersonatedBy } : {},
      );
      return { actor, workspace, session };
    } catch (error) {
      if (isAppError(error) && error.code === 'not_found') return 'not-member';
      // Only a member learns of a suspension (a non-member still gets not_found).
      if (isAppError(error) && error.code === 'workspace_suspended') return 'suspended';
      throw error;
    }
  },
);

/**
 * The entitlements of the workspace `workspaceId` (a membership's, already resolved), once per
 * request: the /w/[slug] layout reads them for the past-due banner and the projects page for the
 * templates flag's plan rule, and React's cache() shares the one read between them within this
 * request's render only (nothing is kept across requests or people; a server action reads anew).
 */
export const workspaceEntitlements = cache((workspaceId: string): Promise<Entitlements> =>
  entitlements(serverContext(), workspaceId),
);

/**
 * For pages under /w/[slug]: the member's actor and workspace. Signed out → sign in and come back
 * to `returnTo`; not a member (or no such workspace, or deleted) → 404, the same for all three;
 * suspended by staff → the suspended page (the layout shows it on a full load; a client
 * navigation re-runs only the page, which lands here).
 */
export async function requireMember(slug: string, returnTo = `/w/${slug}`): Promise<Membership> {
  const membership = await findMembership(slug);
  if (membership === 'signed-out') redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (membership === 'not-member') notFound();
  if (membership === 'suspended') redirect(`/w/${encodeURIComponent(slug)}/suspended`);
  return membership;
}

/** For server actions: the same resolution, failing with AppErrors that runAction turns into results. */
export async function actionMember(slug: unknown): Promise<Membership> {
  if (typeof slug !== 'string') throw new AppError('not_found');
  const membership = await findMembership(slug);
  if (membership === 'signed-out') throw new AppError('unauthenticated');
  if (membership === 'not-member') throw new AppError('not_found');
  if (membership === 'suspended') throw new AppError('workspace_suspended');
  return membership;
}

/** For server actions outside a workspace (create one, accept an invitation): the signed-in person. */
export async function actionPerson(): Promise<SessionInfo> {
  const session = await readRequestSession();
  if (!session) throw new AppError('unauthenticated');
  return session;
}

/**
 * For staff server actions (apps/web/app/(signed-in)/admin/**): the staff member, through the staff
 * guard (role read from the database, 2FA on, a sign-in within 12 hours, never an impersonation),
 * or an AppError (404 / staff_2fa_required / staff_reauth_required) that runAction returns.
 */
export async function actionStaff(): Promise<Actor> {
  return requireStaffActor(serverContext().database, await readRequestSession());
}

/**
 * What the audit log records about a server action's request. Only the user agent is known here:
 * the socket address is not visible to Next behind our node:http server (and x-forwarded-for is
 * whatever the client says), and Next requests carry no Plinth request id yet.
 */
export async function actionOrigin(): Promise<AuditOrigin> {
  // apps/server sets both headers on every page request, replacing any a client sent.
  const incoming = await headers();
  const userAgent = incoming.get('user-agent');
  return {
    userAgent: userAgent ? userAgent.slice(0, 512) : null,
    requestId: incoming.get('x-request-id'),
    ip: incoming.get('x-plinth-client-ip') || null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * An id an action received from the browser, checked for shape: a malformed id names nothing, so
 * it is the same not_found as an id from another workspace (rather than a database error).
 */
export function idFromClient(value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new AppError('not_found');
  return value;
}
