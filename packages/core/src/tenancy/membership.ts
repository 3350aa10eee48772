import { and, eq, isNull, sql } from 'drizzle-orm';
import { member, workspace, type Database } from '@plinth/db';
import { permissionsFor } from '../access/index';
import { AppError } from '../errors/index';
import type { MemberActor, WorkspaceSummary } from './types';

/** Built once per database and run as a named prepared statement: every tenant request runs it. */
function buildMembershipQuery(database: Database) {
  return database.db
    .select({
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      createdAt: workspace.createdAt,
      role: member.role,
    })
    .from(member)
    .innerJoin(workspace, eq(workspace.id, member.workspaceId))
    .where(
      and(
        eq(workspace.slug, sql.placeholder('slug')),
        eq(member.userId, sql.placeholder('userId')),
        isNull(workspace.deletedAt),
      ),
    )
    .limit(1)
    .prepare('plinth_resolve_membership');
}

const preparedQueries = new WeakMap<Database, ReturnType<typeof buildMembershipQuery>>();

function membershipQuery(database: Database) {
  let query = preparedQueries.get(database);
  if (!query) {
    query = buildMembershipQuery(database);
    preparedQueries.set(database, query);
  }
  return query;
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
  const [row] = await membershipQuery(database).execute({ slug, userId });
  if (!row) throw new AppError('not_found');
  return {
    workspace: row,
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
