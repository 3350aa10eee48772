import { and, count, eq, isNull, lt } from 'drizzle-orm';
import { project, withTenant, type Database, type Project } from '@plinth/db';
import { assertCan } from '../access/index';
import { actingUserId } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { assertFeature, entitlementsIn, type Entitlements } from '../entitlements/index';
import { emitEvent } from '../events/index';
import { encodeId } from '../public-ids/index';
import { AppError, parseInput } from '../errors/index';
import { lockWorkspaceLimits } from '../limits/index';
import { activateIfRuleMet } from '../onboarding/index';
import type { MemberActor } from '../tenancy/index';
import {
  createProjectInput,
  listProjectsInput,
  projectId,
  updateProjectInput,
  type CreateProjectInput,
  type ListProjectsInput,
  type UpdateProjectInput,
} from './schemas';
import { selectProjectsPage } from './list-projects-query';

export type ProjectView = Pick<
  Project,
  'id' | 'name' | 'description' | 'createdBy' | 'createdAt' | 'updatedAt'
>;

const view = {
  id: project.id,
  name: project.name,
  description: project.description,
  createdBy: project.createdBy,
  createdAt: project.createdAt,
  updatedAt: project.updatedAt,
};

/** A project as webhook payloads show it: the public API's shape. */
const projectEvent = (row: ProjectView) => ({
  project: {
    id: encodeId('proj', row.id),
    name: row.name,
    description: row.description,
    created_by: encodeId('user', row.createdBy),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  },
});

/** Live projects of the actor's workspace: the WHERE a forgetful query would leave out (RLS too). */
const live = (actor: MemberActor) =>
  and(eq(project.workspaceId, actor.workspaceId), isNull(project.deletedAt));

export async function createProject(
  deps: { database: Database },
  actor: MemberActor,
  input: CreateProjectInput,
  origin: AuditOrigin = {},
): Promise<ProjectView> {
  assertCan(actor, 'project.create');
  const values = parseInput(createProjectInput, input);
  return withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    // Count and insert under the workspace's limits lock: creates at once see each other's rows.
    await lockWorkspaceLimits(tx, actor.workspaceId);
    const current = await entitlementsIn(tx, actor.workspaceId);
    assertFeature(current, 'projects');
    const { limits, planName } = current;
    const [existing] = await tx.select({ n: count() }).from(project).where(live(actor));
    if ((existing?.n ?? 0) >= limits.projects) {
      throw new AppError(
        'payment_required',
        `The ${planName} plan includes ${limits.projects} projects. Upgrade for more.`,
      );
    }
    const [created] = await tx
      .insert(project)
      .values({
        workspaceId: actor.workspaceId,
        name: values.name,
        description: values.description ?? null,
        // The person answerable (an API key's creator); the audit row names the key itself.
        createdBy: actingUserId(actor),
      })
      .returning(view);
    await audit(
      tx,
      actor,
      { action: 'project.created', target: { type: 'project', id: created!.id, name: created!.name } },
      origin,
    );
    await emitEvent(tx, actor, 'project.created', projectEvent(created!));
    // The activation rule may have just become true (docs/decisions/0036): judged in this transaction.
    await activateIfRuleMet(tx, actor.workspaceId);
    return created!;
  });
}

/** Newest first, keyset-paginated on the uuid v7 id (time-ordered): stable under inserts. */
export async function listProjects(
  deps: { database: Database },
  actor: MemberActor,
  input: ListProjectsInput = {},
): Promise<{ items: ProjectView[]; nextCursor: string | null }> {
  assertCan(actor, 'project.read');
  const { limit, cursor } = parseInput(listProjectsInput, input);
  const rows = await selectProjectsPage(deps.database, actor, limit + 1, cursor);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export async function getProject(
  deps: { database: Database },
  actor: MemberActor,
  id: string,
): Promise<ProjectView> {
  assertCan(actor, 'project.read');
  const parsedId = parseInput(projectId, id);
  const [row] = await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    tx
      .select(view)
      .from(project)
      .where(and(live(actor), eq(project.id, parsedId))),
  );
  if (!row) throw new AppError('not_found');
  return row;
}

export async function updateProject(
  deps: { database: Database },
  actor: MemberActor,
  id: string,
  input: UpdateProjectInput,
  origin: AuditOrigin = {},
): Promise<ProjectView> {
  assertCan(actor, 'project.update');
  const parsedId = parseInput(projectId, id);
  const changes = parseInput(updateProjectInput, input);
  return withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const [target] = await tx
      .select({ id: project.id })
      .from(project)
      .where(and(live(actor), eq(project.id, parsedId)));
    if (!target) throw new AppError('not_found');
    await assertProjectWritable(tx, actor, parsedId, await entitlementsIn(tx, actor.workspaceId));
    const [row] = await tx
      .update(project)
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
      })
      .where(and(live(actor), eq(project.id, parsedId)))
      .returning(view);
    if (!row) throw new AppError('not_found');
    await audit(
      tx,
      actor,
      { action: 'project.updated', target: { type: 'project', id: row.id, name: row.name } },
      origin,
    );
    await emitEvent(tx, actor, 'project.updated', projectEvent(row));
    return row;
  });
}

/**
 * After a downgrade nothing is deleted: the oldest projects up to the plan's limit stay editable and
 * the newer ones (by id, which is time-ordered) become read-only until the workspace upgrades or
 * deletes enough of them. Deleting is always allowed, so a workspace can get back under its limit.
 */
async function assertProjectWritable(
  tx: Parameters<Parameters<typeof withTenant>[3]>[0],
  actor: MemberActor,
  id: string,
  current: Entitlements,
): Promise<void> {
  const [older] = await tx
    .select({ n: count() })
    .from(project)
    .where(and(live(actor), lt(project.id, id)));
  if ((older?.n ?? 0) >= current.limits.projects) {
    throw new AppError(
      'payment_required',
      `This project is read-only: the ${current.planName} plan includes ${current.limits.projects} projects and this workspace has more. Upgrade, or delete projects, to edit it again.`,
    );
  }
}

/** Soft delete; audited as a privileged action. */
export async function deleteProject(
  deps: { database: Database },
  actor: MemberActor,
  id: string,
  origin: AuditOrigin = {},
): Promise<void> {
  assertCan(actor, 'project.delete');
  const parsedId = parseInput(projectId, id);
  await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const [row] = await tx
      .update(project)
      .set({ deletedAt: new Date() })
      .where(and(live(actor), eq(project.id, parsedId)))
      .returning({ id: project.id, name: project.name });
    if (!row) throw new AppError('not_found');
    await audit(
      tx,
      actor,
      {
        action: 'project.deleted',
        target: { type: 'project', id: row.id, name: row.name },
        metadata: { name: row.name },
      },
      origin,
    );
    await emitEvent(tx, actor, 'project.deleted', {
      project: { id: encodeId('proj', row.id), name: row.name },
    });
  });
}
