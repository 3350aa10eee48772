import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { planOverride, withTenant, workspace, type PlanOverrideRow } from '@plinth/db';
import type { Actor } from '../actor/index';
import { auditStaffAction, type AuditOrigin } from '../audit/index';
import { planKeys } from '../billing/index';
import { AppError, parseInput } from '../errors/index';
import { lockWorkspaceLimits } from '../limits/index';
import { assertStaff, type StaffDeps } from './staff';

const reason = z
  .string({ error: 'Say why (at least 3 characters).' })
  .trim()
  .min(3, 'Say why (at least 3 characters).')
  .max(500, 'At most 500 characters.');
const workspaceId = z.uuid('Choose a workspace.');

export const suspendWorkspaceInput = z.strictObject({ workspaceId, reason });
export type SuspendWorkspaceInput = z.input<typeof suspendWorkspaceInput>;

export const unsuspendWorkspaceInput = z.strictObject({ workspaceId, reason });
export type UnsuspendWorkspaceInput = z.input<typeof unsuspendWorkspaceInput>;

/**
 * Suspends a workspace: its members see the suspended page and the API answers 403
 * workspace_suspended for it (session and key); nothing is deleted, Stripe's webhooks are still
 * applied. Audited with the staff member as actor and the reason. A suspended one is a conflict.
 */
export async function suspendWorkspace(
  deps: StaffDeps,
  actor: Actor,
  input: SuspendWorkspaceInput,
  origin: AuditOrigin = {},
): Promise<{ suspendedAt: Date }> {
  await assertStaff(deps.database, actor);
  const values = parseInput(suspendWorkspaceInput, input);
  const now = deps.now?.() ?? new Date();
  await setSuspension(deps, actor, values, origin, now);
  return { suspendedAt: now };
}

/** Lifts a suspension: members and keys work again at once. Audited with the reason. */
export async function unsuspendWorkspace(
  deps: StaffDeps,
  actor: Actor,
  input: UnsuspendWorkspaceInput,
  origin: AuditOrigin = {},
): Promise<void> {
  await assertStaff(deps.database, actor);
  const values = parseInput(unsuspendWorkspaceInput, input);
  await setSuspension(deps, actor, values, origin, null);
}

/**
 * Suspends (`at`) or lifts (`null`) in one conditional UPDATE, audited in its transaction; a
 * workspace already in that state is a conflict, a missing one not found.
 */
async function setSuspension(
  deps: StaffDeps,
  actor: Actor,
  values: { workspaceId: string; reason: string },
  origin: AuditOrigin,
  at: Date | null,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(workspace)
      .set({ suspendedAt: at, suspendedReason: at ? values.reason : null })
      .where(
        and(
          eq(workspace.id, values.workspaceId),
          at ? isNull(workspace.suspendedAt) : isNotNull(workspace.suspendedAt),
        ),
      )
      .returning({ id: workspace.id });
    if (!row) {
      const [exists] = await tx
        .select({ id: workspace.id })
        .from(workspace)
        .where(eq(workspace.id, values.workspaceId));
      if (!exists) throw new AppError('not_found', 'No such workspace.');
      throw new AppError(
        'conflict',
        at ? 'This workspace is already suspended.' : 'This workspace is not suspended.',
      );
    }
    await auditStaffAction(
      tx,
      actor,
      {
        action: at ? 'workspace.suspended' : 'workspace.unsuspended',
        workspaceId: values.workspaceId,
        target: { type: 'workspace', id: values.workspaceId },
        metadata: { reason: values.reason },
      },
      origin,
    );
  });
}

/**
 * A limit beyond the plan's, or none: `null` and an empty form field mean "the plan's own" (coerced,
 * they were 0: a grant with `"members": null` allowed no members at all).
 */
const optionalLimit = (max: number) =>
  z.preprocess(
    (value) => (value === null || value === '' ? undefined : value),
    z.coerce.number().int().min(0).max(max).optional(),
  );

export const setPlanOverrideInput = z.strictObject({
  workspaceId,
  plan: z.enum(planKeys.filter((key) => key !== 'free') as ['pro', 'team'], {
    error: 'Choose Pro or Team.',
  }),
  /** Until when the grant applies; after it, Stripe's state decides again. At most two years. */
  expiresAt: z.coerce.date({ error: 'Choose an end date.' }),
  reason,
  /** Limits beyond the plan's (empty: the plan's own). */
  members: optionalLimit(100_000),
  projects: optionalLimit(1_000_000),
  storageBytes: optionalLimit(100 * 1024 ** 4),
});
export type SetPlanOverrideInput = z.input<typeof setPlanOverrideInput>;

export const clearPlanOverrideInput = z.strictObject({ workspaceId, reason });
export type ClearPlanOverrideInput = z.input<typeof clearPlanOverrideInput>;

const MAX_OVERRIDE_MS = 2 * 366 * 24 * 3600 * 1000;

/**
 * Grants a plan (and optionally limits) until a date, replacing any earlier grant: entitlements
 * take it over Stripe's state until it expires (docs/decisions/0032). Audited with the reason.
 */
export async function setPlanOverride(
  deps: StaffDeps,
  actor: Actor,
  input: SetPlanOverrideInput,
  origin: AuditOrigin = {},
): Promise<PlanOverrideRow> {
  await assertStaff(deps.database, actor);
  const values = parseInput(setPlanOverrideInput, input);
  const now = deps.now?.() ?? new Date();
  if (values.expiresAt.getTime() <= now.getTime()) {
    throw new AppError('invalid_input', 'The end date is in the past.', {
      fields: { expiresAt: 'Choose a moment in the future.' },
    });
  }
  if (values.expiresAt.getTime() - now.getTime() > MAX_OVERRIDE_MS) {
    throw new AppError('invalid_input', 'A grant lasts at most two years.', {
      fields: { expiresAt: 'Choose a date within two years.' },
    });
  }
  await assertWorkspace(deps, values.workspaceId);
  return withTenant(deps.database, values.workspaceId, actor, async (tx) => {
    // The grant changes the workspace's limits: it waits for (and is waited for by) the checks that
    // count against them, and two grants at once run one after the other, the second replacing the
    // first (a delete then an insert side by side had the second fail on the unique key: a 500).
    await lockWorkspaceLimits(tx, values.workspaceId);
    const [previous] = await tx
      .delete(planOverride)
      .where(eq(planOverride.workspaceId, values.workspaceId))
      .returning();
    const [row] = await tx
      .insert(planOverride)
      .values({
        workspaceId: values.workspaceId,
        plan: values.plan,
        members: values.members ?? null,
        projects: values.projects ?? null,
        storageBytes: values.storageBytes ?? null,
        reason: values.reason,
        expiresAt: values.expiresAt,
        createdBy: actor.id,
      })
      .returning();
    await auditStaffAction(
      tx,
      actor,
      {
        action: 'workspace.plan_override_set',
        workspaceId: values.workspaceId,
        target: { type: 'workspace', id: values.workspaceId },
        metadata: {
          plan: values.plan,
          expiresAt: values.expiresAt.toISOString(),
          members: values.members ?? null,
          projects: values.projects ?? null,
          storageBytes: values.storageBytes ?? null,
          reason: values.reason,
          replaced: previous ? { plan: previous.plan, expiresAt: previous.expiresAt.toISOString() } : null,
        },
        customerMetadata: { plan: values.plan, expiresAt: values.expiresAt.toISOString() },
      },
      origin,
    );
    return row!;
  });
}

/** Ends a grant now: Stripe's state decides again. Audited with the reason. */
export async function clearPlanOverride(
  deps: StaffDeps,
  actor: Actor,
  input: ClearPlanOverrideInput,
  origin: AuditOrigin = {},
): Promise<void> {
  await assertStaff(deps.database, actor);
  const values = parseInput(clearPlanOverrideInput, input);
  await assertWorkspace(deps, values.workspaceId);
  await withTenant(deps.database, values.workspaceId, actor, async (tx) => {
    await lockWorkspaceLimits(tx, values.workspaceId);
    const [removed] = await tx
      .delete(planOverride)
      .where(eq(planOverride.workspaceId, values.workspaceId))
      .returning();
    if (!removed) throw new AppError('not_found', 'This workspace has no plan override.');
    await auditStaffAction(
      tx,
      actor,
      {
        action: 'workspace.plan_override_cleared',
        workspaceId: values.workspaceId,
        target: { type: 'workspace', id: values.workspaceId },
        metadata: { plan: removed.plan, expiresAt: removed.expiresAt.toISOString(), reason: values.reason },
        customerMetadata: { plan: removed.plan },
      },
      origin,
    );
  });
}

async function assertWorkspace(deps: StaffDeps, id: string): Promise<void> {
  const [row] = await deps.database.db
    .select({ id: workspace.id })
    .from(workspace)
    .where(eq(workspace.id, id));
  if (!row) throw new AppError('not_found', 'No such workspace.');
}
