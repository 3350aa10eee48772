import type { Database, MemberRole } from '@plinth/db';
import { permissionsFor } from '../access/index';
import { AppError } from '../errors/index';
import { slugPattern } from './schemas';
import type { MemberActor, WorkspaceSummary } from './types';

// Every tenant request of a signed-in person runs this: a named prepared statement (parsed and
// planned once per connection) with the row mapped by hand, as the projects list does — drizzle's
// per-call mapping was a measurable share of the request (bench/api.ts). The text is what drizzle
// generated for the same query (plus the suspension, read from the row already joined), so the
// plan is unchanged.
const membershipQuery = {
  name: 'plinth_resolve_membership',
  text:
    'select "workspace"."id", "workspace"."name", "workspace"."slug", "workspace"."created_at", "member"."role", ' +
    '"workspace"."suspended_at" is not null as "suspended" ' +
    'from "member" inner join "workspace" on "workspace"."id" = "member"."workspace_id" ' +
    'where ("workspace"."slug" = $1 and "member"."user_id" = $2 and "workspace"."deleted_at" is null) limit $3',
};

interface MembershipRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
  role: MemberRole;
  suspended: boolean;
}

/**
 * Resolves "may this user enter the workspace in the URL?" with one indexed query. Anything but a
 * live membership — unknown slug, deleted workspace, not a member — is the same `not_found`, so a
 * non-member cannot even learn that a workspace exists. Never trust a session's "active workspace"
 * alone: every request runs this for the slug it names.
 */
export async function resolveMembership(
  database: Database,
  userId: string,
  slug: string,
  options: { impersonatorId?: string } = {},
): Promise<{ workspace: WorkspaceSummary; actor: MemberActor }> {
  // A slug from a URL is untrusted: what cannot be a slug (a NUL byte, which Postgres refuses with
  // an error, or anything else) names no workspace, without a query.
  if (!slugPattern.test(slug)) throw new AppError('not_found');
  const { rows } = await database.pool.query<MembershipRow>({
    ...membershipQuery,
    values: [slug, userId, 1],
  });
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return memberOf(
    userId,
    {
      workspaceId: row.id,
      name: row.name,
      slug: row.slug,
      createdAt: row.created_at,
      role: row.role,
      suspended: row.suspended,
    },
    options,
  );
}

/**
 * The workspace and the actor inside it, from a live membership read elsewhere (the session
 * reader's inWorkspace reads it with the session, in one statement); `null` is the same
 * `not_found` as resolveMembership's. A suspended workspace is `workspace_suspended` (403) to its
 * members, and only to them: a non-member still learns nothing (docs/decisions/0032).
 */
export function memberOf(
  userId: string,
  membership: {
    workspaceId: string;
    name: string;
    slug: string;
    createdAt: Date;
    role: MemberRole;
    suspended?: boolean;
  } | null,
  options: { impersonatorId?: string } = {},
): { workspace: WorkspaceSummary; actor: MemberActor } {
  if (!membership) throw new AppError('not_found');
  if (membership.suspended) throw new AppError('workspace_suspended');
  const { workspaceId, role } = membership;
  return {
    workspace: {
      id: workspaceId,
      name: membership.name,
      slug: membership.slug,
      createdAt: membership.createdAt,
      role,
    },
    actor: {
      type: 'user',
      id: userId,
      workspaceId,
      role,
      permissions: permissionsFor(role),
      ...(options.impersonatorId ? { impersonatorId: options.impersonatorId } : {}),
    },
  };
}
