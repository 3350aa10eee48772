import { and, eq, isNull } from 'drizzle-orm';
import { member, workspace, type Database } from '@plinth/db';
import { permissionsFor } from '../access/index';
import { AppError } from '../errors/index';
import type { MemberActor, WorkspaceSummary } from './types';

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
  const [row] = await database.db
    .select({
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      createdAt: workspace.createdAt,
      role: member.role,
    })
    .from(member)
    .innerJoin(workspace, eq(workspace.id, member.workspaceId))
    .where(and(eq(workspace.slug, slug), eq(member.userId, userId), isNull(workspace.deletedAt)))
    .limit(1);
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
