import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { addToLogContext } from '@plinth/core/logger';
import type { Database } from '@plinth/db';
import { resolveApiKey, type ApiKeyUsageRecorder, type ResolvedApiKey } from '@plinth/core/api-keys';
import { AppError } from '@plinth/core/errors';
import type { SessionReader } from '@plinth/core/identity';
import {
  memberOf,
  resolveMembership,
  slugPattern,
  type MemberActor,
  type WorkspaceSummary,
} from '@plinth/core/tenancy';
import type { ApiEnv } from '../types';
import {
  impersonationGuard,
  originCheck,
  requireSession,
  sessionActor,
  type SessionActor,
} from './session-actor';

/** An API key acting inside its workspace: `role` is its creator's current role, `permissions` its scopes. */
export type ApiKeyActor = MemberActor & { type: 'api_key'; createdBy: string };

/** Who is calling: a signed-in person (session cookie) or an API key (Authorization: Bearer). */
export type RequestActor = SessionActor | ApiKeyActor;

/** Routes behind requireActor() see `c.get('actor')`, and `c.get('apiKey')` for key requests. */
export interface ActorEnv {
  Variables: ApiEnv['Variables'] & { actor: RequestActor; apiKey?: ResolvedApiKey };
}

/** Routes behind requireWorkspaceMember() also see the workspace and the actor inside it. */
export interface MemberEnv {
  Variables: ActorEnv['Variables'] & { member: MemberActor; workspace: WorkspaceSummary };
}

const bearerChallenge = { 'WWW-Authenticate': 'Bearer realm="plinth", error="invalid_token"' };
const bearer = /^Bearer +(\S+) *$/i;

/**
 * The actor step of docs/architecture.md §2, for sessions and API keys alike. An Authorization header
 * means a key and only a key: cookies are ignored (no session can ride along) and there is no
 * Origin check (a bearer token is not sent by browsers on their own, so there is no CSRF). A
 * header that is not a live key is a 401 with `WWW-Authenticate: Bearer`. The key lookup is one
 * prepared query that also settles the workspace and the creator's role, so a key request needs
 * no separate membership query. Without the header: the session path, exactly as requireSession.
 */
export function requireActor(deps: {
  database: Database;
  readSession: SessionReader;
  trustedOrigins?: readonly string[];
  apiKeyUsage?: ApiKeyUsageRecorder;
}): MiddlewareHandler<ActorEnv> {
  const session = requireSession(
    deps.readSession,
    deps.database,
    deps.trustedOrigins,
  ) as unknown as MiddlewareHandler<ActorEnv>;
  return createMiddleware<ActorEnv>(async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization === undefined) return session(c, next);
    await keyActor(deps, c, authorization);
    await next();
  });
}

/**
 * The key step of requireActor: the key named by `authorization`, or a 401 with the Bearer
 * challenge; a suspended workspace's key is a 403. Sets `actor` and `apiKey`, notes the use and
 * adds the key and its workspace to the log context.
 */
async function keyActor(
  deps: { database: Database; apiKeyUsage?: ApiKeyUsageRecorder },
  c: Context<ActorEnv>,
  authorization: string,
): Promise<ResolvedApiKey> {
  const token = bearer.exec(authorization)?.[1];
  const key = token ? await resolveApiKey(deps.database, token) : null;
  if (!key) {
    throw new AppError('unauthenticated', 'The API key is missing, malformed, unknown, revoked or expired.', {
      headers: bearerChallenge,
    });
  }
  // A suspended workspace's key is known (no 401), and refused for everything it could do.
  if (key.suspended) throw new AppError('workspace_suspended');
  c.set('actor', key.actor as ApiKeyActor);
  c.set('apiKey', key);
  deps.apiKeyUsage?.record(key.keyId, c.get('clientIp'));
  addToLogContext({ api_key_id: key.keyId, workspace_id: key.workspaceId });
  return key;
}

/** A key enters only its own workspace, already resolved with the key; any other slug is a 404. */
function enterKeyWorkspace(c: Context<MemberEnv>, key: ResolvedApiKey, slug: string): void {
  if (key.workspaceSlug !== slug) throw new AppError('not_found');
  c.set('member', key.actor);
  c.set('workspace', key.workspace);
}

/**
 * The tenant step: the workspace named by `:slug`. A person enters through a live membership
 * (resolveMembership); a key only into its own workspace, already resolved with the key. Anything
 * else — no such workspace, not a member, a key of another workspace — is the same 404.
 */
export function requireWorkspaceMember(database: Database): MiddlewareHandler<MemberEnv> {
  return createMiddleware<MemberEnv>(async (c, next) => {
    const actor = c.get('actor');
    const slug = c.req.param('slug') ?? '';
    const key = c.get('apiKey');
    if (actor.type === 'api_key') {
      if (!key) throw new AppError('not_found');
      enterKeyWorkspace(c, key, slug);
    } else {
      const { workspace, actor: member } = await resolveMembership(database, actor.id, slug, {
        ...(actor.impersonatorId ? { impersonatorId: actor.impersonatorId } : {}),
      });
      c.set('member', member);
      c.set('workspace', workspace);
      addToLogContext({ workspace_id: workspace.id });
    }
    await next();
  });
}

/**
 * requireActor and requireWorkspaceMember in one step, for the operations inside a workspace: the
 * same answers in the same order (a CSRF refusal, then 401, then 404), but a session request reads
 * its session and its membership of `:slug` with one statement (the session reader's inWorkspace)
 * instead of two round trips. A key request is unchanged: its one lookup already settles both.
 * A suspended workspace is refused by memberOf() (workspace_suspended), from the column both
 * lookups read in their select lists; a key of a suspended workspace, in requireActor.
 */
export function requireMemberActor(deps: {
  database: Database;
  readSession: SessionReader;
  trustedOrigins?: readonly string[];
  apiKeyUsage?: ApiKeyUsageRecorder;
}): MiddlewareHandler<MemberEnv> {
  const checkOrigin = originCheck(deps.trustedOrigins);
  const checkImpersonation = impersonationGuard(deps.database);
  return createMiddleware<MemberEnv>(async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      // requireActor's key step, then requireWorkspaceMember's, in one function: a key enters
      // only its own workspace, already resolved with it.
      const key = await keyActor(deps, c as unknown as Context<ActorEnv>, authorization);
      enterKeyWorkspace(c, key, c.req.param('slug') ?? '');
      await next();
      return;
    }
    checkOrigin(c.req.method, c.req.header('origin'));
    const cookie = c.req.header('cookie');
    const slug = c.req.param('slug') ?? '';
    // What cannot be a slug names no workspace: the session alone decides between 401 and 404.
    if (!slugPattern.test(slug)) {
      if (!(await deps.readSession(cookie))) throw new AppError('unauthenticated');
      throw new AppError('not_found');
    }
    const found = await deps.readSession.inWorkspace(cookie, slug);
    if (!found) throw new AppError('unauthenticated');
    const actor = sessionActor(found.session);
    await checkImpersonation(c.req.method, found.session);
    c.set('actor', actor);
    addToLogContext({ user_id: actor.id });
    const { workspace, actor: member } = memberOf(actor.id, found.membership, {
      ...(actor.impersonatorId ? { impersonatorId: actor.impersonatorId } : {}),
    });
    c.set('member', member);
    c.set('workspace', workspace);
    addToLogContext({ workspace_id: workspace.id });
    await next();
  });
}

/**
 * For what only a person may do (their own account, creating a workspace, accepting an
 * invitation): an API key is a workspace credential, not a person, so it gets 403.
 */
export function sessionActorOf<E extends ActorEnv>(c: Context<E>): SessionActor {
  const actor = (c as unknown as Context<ActorEnv>).get('actor');
  if (actor.type !== 'user') {
    throw new AppError('forbidden', 'API keys act for a workspace, not a person: sign in to do this.');
  }
  return actor;
}
