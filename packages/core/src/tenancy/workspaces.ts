import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { member, withTenant, workspace, type Database } from '@plinth/db';
import { assertCan } from '../access/index';
import type { Actor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError, parseInput } from '../errors/index';
import { emitEvent } from '../events/index';
import { currentRole } from './members';
import { lockOwners } from './owners';
import {
  createWorkspaceInput,
  renameWorkspaceInput,
  transferOwnershipInput,
  type CreateWorkspaceInput,
  type RenameWorkspaceInput,
  type TransferOwnershipInput,
} from './schemas';
import type { MemberActor, WorkspaceSummary } from './types';

/** Days a deleted workspace stays restorable before the hard-delete job may remove it. */
export const RESTORE_WINDOW_DAYS = 30;

/** Creates a workspace with the creator as its owner. A taken slug is a 409 naming `slug`. */
export async function createWorkspace(
  deps: { database: Database },
  actor: Actor,
  input: CreateWorkspaceInput,
  origin: AuditOrigin = {},
): Promise<WorkspaceSummary> {
  if (actor.type !== 'user') throw new AppError('forbidden');
  const { name, slug } = parseInput(createWorkspaceInput, input);
  const [created] = await deps.database.db
    .insert(workspace)
    .values({ name, slug })
    .onConflictDoNothing({ target: workspace.slug })
    .returning();
  if (!created) {
    throw new AppError('conflict', 'That address is taken.', {
      fields: { slug: 'This slug is already in use.' },
    });
  }
  const owner: MemberActor = { type: 'user', id: actor.id, workspaceId: created.id, role: 'owner' };
  await withTenant(deps.database, created.id, owner, async (tx) => {
    await tx.insert(member).values({ workspaceId: created.id, userId: actor.id, role: 'owner' });
    await audit(
      tx,
      owner,
      { action: 'workspace.created', target: { type: 'workspace', id: created.id, name } },
      origin,
    );
  });
  return { id: created.id, name, slug, role: 'owner', createdAt: created.createdAt };
}

// Every signed-in page's shell runs this (the switcher, the sidebar, the palette): a named prepared
// statement (parsed and planned once per connection) with the rows mapped by hand, as the
// membership lookup does — drizzle built and mapped the same select on every call. The text is
// what drizzle generated for it, so the plan is unchanged.
const myWorkspacesQuery = {
  name: 'plinth_list_my_workspaces',
  text:
    'select "workspace"."id", "workspace"."name", "workspace"."slug", "member"."role", ' +
    '"workspace"."created_at", "workspace"."logo" ' +
    'from "member" inner join "workspace" on "workspace"."id" = "member"."workspace_id" ' +
    'where ("member"."user_id" = $1 and "workspace"."deleted_at" is null) order by "workspace"."name" asc',
};

interface MyWorkspaceRow {
  id: string;
  name: string;
  slug: string;
  role: WorkspaceSummary['role'];
  created_at: Date;
  logo: string | null;
}

/** The workspaces a person belongs to (live ones), for the switcher. */
export async function listMyWorkspaces(
  deps: { database: Database },
  userId: string,
): Promise<WorkspaceSummary[]> {
  const { rows } = await deps.database.pool.query<MyWorkspaceRow>({ ...myWorkspacesQuery, values: [userId] });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    role: row.role,
    createdAt: row.created_at,
    logo: row.logo,
  }));
}

export async function renameWorkspace(
  deps: { database: Database },
  actor: MemberActor,
  input: RenameWorkspaceInput,
  origin: AuditOrigin = {},
): Promise<WorkspaceSummary> {
  assertCan(actor, 'workspace.update');
  const { name } = parseInput(renameWorkspaceInput, input);
  return withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const [renamed] = await tx
      .update(workspace)
      .set({ name })
      .where(eq(workspace.id, actor.workspaceId))
      .returning({
        id: workspace.id,
        name: workspace.name,
        slug: workspace.slug,
        createdAt: workspace.createdAt,
      });
    await audit(
      tx,
      actor,
      {
        action: 'workspace.renamed',
        target: { type: 'workspace', id: actor.workspaceId, name },
        metadata: { name },
      },
      origin,
    );
    await emitEvent(tx, actor, 'workspace.updated', { name: renamed!.name, slug: renamed!.slug });
    return { ...renamed!, role: actor.role };
  });
}

/** Soft delete: the workspace disappears for every member at once and stays restorable. */
export async function deleteWorkspace(
  deps: { database: Database },
  actor: MemberActor,
  origin: AuditOrigin = {},
): Promise<{ restorableUntil: Date }> {
  assertCan(actor, 'workspace.delete');
  const deletedAt = new Date();
  await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    await tx.update(workspace).set({ deletedAt }).where(eq(workspace.id, actor.workspaceId));
    await audit(
      tx,
      actor,
      { action: 'workspace.deleted', target: { type: 'workspace', id: actor.workspaceId } },
      origin,
    );
  });
  return { restorableUntil: new Date(deletedAt.getTime() + RESTORE_WINDOW_DAYS * 86_400_000) };
}

/** An owner brings a deleted workspace back within the restore window. */
export async function restoreWorkspace(
  deps: { database: Database },
  actor: Actor,
  slug: string,
  origin: AuditOrigin = {},
): Promise<void> {
  const [row] = await deps.database.db
    .select({ id: workspace.id, deletedAt: workspace.deletedAt })
    .from(workspace)
    .innerJoin(
      member,
      and(eq(member.workspaceId, workspace.id), eq(member.userId, actor.id), eq(member.role, 'owner')),
    )
    .where(and(eq(workspace.slug, slug), isNotNull(workspace.deletedAt)));
  if (!row?.deletedAt) throw new AppError('not_found');
  if (Date.now() - row.deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) {
    throw new AppError('not_found', 'The restore window for this workspace has passed.');
  }
  const owner: MemberActor = { type: 'user', id: actor.id, workspaceId: row.id, role: 'owner' };
  await withTenant(deps.database, row.id, owner, async (tx) => {
    await tx.update(workspace).set({ deletedAt: null }).where(eq(workspace.id, row.id));
    await audit(
      tx,
      owner,
      { action: 'workspace.restored', target: { type: 'workspace', id: row.id } },
      origin,
    );
  });
}

/** Leave a workspace. The last owner cannot: transfer ownership or delete the workspace first. */
export async function leaveWorkspace(
  deps: { database: Database },
  actor: MemberActor,
  origin: AuditOrigin = {},
): Promise<void> {
  if (actor.type !== 'user') throw new AppError('forbidden', 'An API key cannot leave a workspace.');
  await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const owners = await lockOwners(tx, actor.workspaceId);
    if (owners.length === 1 && owners[0] === actor.id) {
      throw new AppError(
        'conflict',
        'You are the last owner. Transfer ownership or delete the workspace first.',
      );
    }
    await tx
      .delete(member)
      .where(and(eq(member.workspaceId, actor.workspaceId), eq(member.userId, actor.id)));
    await audit(tx, actor, { action: 'member.left', target: { type: 'user', id: actor.id } }, origin);
  });
}

/** The owner hands ownership to another member and becomes an admin. */
export async function transferOwnership(
  deps: { database: Database },
  actor: MemberActor,
  input: TransferOwnershipInput,
  origin: AuditOrigin = {},
): Promise<void> {
  assertCan(actor, 'workspace.transfer');
  const { userId } = parseInput(transferOwnershipInput, input);
  if (userId === actor.id)
    throw new AppError('invalid_input', 'You already own this workspace.', {
      fields: { userId: 'Choose another member.' },
    });
  await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    await lockOwners(tx, actor.workspaceId);
    // Still an owner now, under the lock? (A concurrent demotion may have won.)
    await currentRole(tx, actor, 'workspace.transfer');
    const promoted = await tx
      .update(member)
      .set({ role: 'owner' })
      .where(and(eq(member.workspaceId, actor.workspaceId), eq(member.userId, userId)))
      .returning({ id: member.id });
    if (promoted.length === 0)
      throw new AppError('not_found', 'That person is not a member of this workspace.');
    await tx
      .update(member)
      .set({ role: 'admin' })
      .where(and(eq(member.workspaceId, actor.workspaceId), eq(member.userId, actor.id)));
    await audit(
      tx,
      actor,
      { action: 'workspace.ownership_transferred', target: { type: 'user', id: userId } },
      origin,
    );
  });
}

/** Slugs are unique across live and deleted workspaces; this says whether one is free. */
export async function isSlugAvailable(deps: { database: Database }, slug: string): Promise<boolean> {
  const [row] = await deps.database.db
    .select({ taken: sql<number>`1` })
    .from(workspace)
    .where(eq(workspace.slug, slug));
  return !row;
}
