import type { Database, MemberRole } from '@plinth/db';
import { permissionsFor } from '../access/index';
import { AppError } from '../errors/index';
import { slugPattern } from './schemas';
import type { MemberActor, WorkspaceSummary } from './types';

// Every tenant request of a signed-in person runs this: a named prepared statement (parsed and
// planned once per connection) with the row mapped by hand, as the projects list does — drizzle's
// per-call mapping was a measurable share of the request (bench/api.ts). The text is what drizzle
// generated for the same query, so the statement and its plan are unchanged.
const membershipQuery = {
  name: 'plinth_resolve_membership',
  text:
    'select "workspace"."id", "workspace"."name", "workspace"."slug", "workspace"."created_at", "member"."role" ' +
    'from "member" inner join "workspace" on "workspace"."id" = "member"."workspace_id" ' +
    'where ("workspace"."slug" = $1 and "member"."user_id" = $2 and "workspace"."deleted_at" is null) limit $3',
};

interface MembershipRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
  role: MemberRole;
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
  return {
    workspace: { id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at, role: row.role },
    actor: {
      type: 'user',
      id: userId,
      workspaceId: row.id,
      role: row.role,
      permissions: permissionsFor(row.role),
      ...(options.impersonatorId ? { impersonatorId: options.impersonatorId } : {}),
    },
  };
}
