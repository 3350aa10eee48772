import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { AuditOrigin } from '@plinth/core/audit';
import { AppError, isAppError } from '@plinth/core/errors';
import type { SessionInfo } from '@plinth/core/identity';
import { createSecretBox } from '@plinth/core/secrets';
import { serverContext } from '@plinth/core/server-context';
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

/** The wiring the webhook services take: the sealed-secret box and where endpoints may point. */
export function webhookDeps(): WebhookDeps {
  const { database, env } = serverContext();
  return { database, secrets: createSecretBox(env.secretsEncryptionKey), egress: egressPolicyFromEnv(env) };
}

/**
 * The signed-in person from the session cookie (signature checked, one prepared query), or null.
 * Cheaper than better-auth's get-session and the same answer; once per request.
 */
export const readRequestSession = cache(async (): Promise<SessionInfo | null> => {
  const cookie = (await headers()).get('cookie');
  return serverContext().readSession(cookie);
});

/** The membership for `slug` in this request, or why there is none. Once per request and slug. */
export const findMembership = cache(
  async (slug: string): Promise<Membership | 'signed-out' | 'not-member'> => {
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
      throw error;
    }
  },
);

/**
 * For pages under /w/[slug]: the member's actor and workspace. Signed out → sign in and come back
 * to `returnTo`; not a member (or no such workspace, or deleted) → 404, the same for all three.
 */
export async function requireMember(slug: string, returnTo = `/w/${slug}`): Promise<Membership> {
  const membership = await findMembership(slug);
  if (membership === 'signed-out') redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (membership === 'not-member') notFound();
  return membership;
}

/** For server actions: the same resolution, failing with AppErrors that runAction turns into results. */
export async function actionMember(slug: unknown): Promise<Membership> {
  if (typeof slug !== 'string') throw new AppError('not_found');
  const membership = await findMembership(slug);
  if (membership === 'signed-out') throw new AppError('unauthenticated');
  if (membership === 'not-member') throw new AppError('not_found');
  return membership;
}

/** For server actions outside a workspace (create one, accept an invitation): the signed-in person. */
export async function actionPerson(): Promise<SessionInfo> {
  const session = await readRequestSession();
  if (!session) throw new AppError('unauthenticated');
  return session;
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
