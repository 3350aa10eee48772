import { randomBytes } from 'node:crypto';
import { entitlementForPlan, writeEntitlement, type PlanKey } from '@plinth/core/billing';
import {
  invitation,
  member,
  project,
  user,
  withTenant,
  workspace,
  type Database,
  type Invitation,
  type MemberRole,
  type Project,
  type User,
  type Workspace,
} from '@plinth/db';

const suffix = () => randomBytes(4).toString('hex');

export async function createWorkspace(
  database: Database,
  values: Partial<Workspace> = {},
): Promise<Workspace> {
  const tag = suffix();
  const [row] = await database.db
    .insert(workspace)
    .values({ name: `Workspace ${tag}`, slug: `ws-${tag}`, ...values })
    .returning();
  return row!;
}

export async function createUser(database: Database, values: Partial<User> = {}): Promise<User> {
  const tag = suffix();
  const [row] = await database.db
    .insert(user)
    .values({ name: `Person ${tag}`, email: `person-${tag}@example.test`, emailVerified: true, ...values })
    .returning();
  return row!;
}

export async function addMember(
  database: Database,
  input: { workspace: Workspace; user: User; role: MemberRole },
): Promise<void> {
  await database.db
    .insert(member)
    .values({ workspaceId: input.workspace.id, userId: input.user.id, role: input.role });
}

/** Inserts through withTenant, as the app does, so RLS checks the row on the way in. */
export async function createProject(
  database: Database,
  input: { workspace: Workspace; createdBy: User; name?: string },
): Promise<Project> {
  return withTenant(database, input.workspace.id, { type: 'user', id: input.createdBy.id }, async (tx) => {
    const [row] = await tx
      .insert(project)
      .values({
        workspaceId: input.workspace.id,
        name: input.name ?? `Project ${suffix()}`,
        createdBy: input.createdBy.id,
      })
      .returning();
    return row!;
  });
}

/**
 * A pending invitation (a viewer, a week to run, unless told otherwise), inserted inside the tenant
 * as the app does. `expiresAt` in the past makes an expired one; `email` defaults to one per workspace.
 */
export async function createInvitation(
  database: Database,
  input: {
    workspace: Pick<Workspace, 'id' | 'slug'>;
    invitedBy: Pick<User, 'id'>;
    email?: string;
    role?: MemberRole;
    expiresAt?: Date;
  },
): Promise<Invitation> {
  const tag = input.email ? suffix() : input.workspace.slug;
  return withTenant(database, input.workspace.id, { type: 'system', id: 'test' }, async (tx) => {
    const [row] = await tx
      .insert(invitation)
      .values({
        workspaceId: input.workspace.id,
        email: input.email ?? `pending-${input.workspace.slug}@example.test`,
        role: input.role ?? 'viewer',
        tokenHash: `hash-${tag}`,
        expiresAt: input.expiresAt ?? new Date(Date.now() + 86_400_000),
        invitedBy: input.invitedBy.id,
      })
      .returning();
    return row!;
  });
}

/**
 * Puts a workspace on a plan without Stripe, by writing its entitlement row as syncCustomer() would
 * (seats for the seat-based team plan). For tests about limits, not about billing itself.
 */
export async function grantPlan(
  database: Database,
  input: { workspace: Pick<Workspace, 'id'>; plan: PlanKey; seats?: number },
): Promise<void> {
  await withTenant(database, input.workspace.id, { type: 'system', id: 'test' }, (tx) =>
    writeEntitlement(tx, input.workspace.id, entitlementForPlan(input.plan, { seats: input.seats })),
  );
}
