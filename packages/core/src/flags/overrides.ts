import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  flagOverride,
  flagOverrideScopes,
  publishNotification,
  user,
  workspace,
  type Database,
  type Executor,
  type FlagOverrideRow,
} from '@plinth/db';
import type { Actor } from '../actor/index';
import { auditStaffAction, type AuditOrigin } from '../audit/index';
import { AppError, parseInput } from '../errors/index';
import { valueProblem, type FlagDefinition } from './definitions';
import { FLAGS_CHANNEL, type FlagStore } from './store';

export interface FlagAdminDeps {
  database: Database;
  definitions: Readonly<Record<string, FlagDefinition>>;
  /**
   * This node's flag cache: reloaded once a change commits, before the change answers, so the
   * next read on this node already sees it (other nodes reload on the NOTIFY).
   */
  store?: Pick<FlagStore, 'reload'>;
  now?: () => Date;
}

/**
 * After a committed change: this node's cache reads it before the change answers. A failed reload
 * is not the change's failure (it is committed); the NOTIFY's reload tries again and reports it.
 */
async function reloadOwnCache(deps: FlagAdminDeps): Promise<void> {
  await deps.store?.reload().catch(() => undefined);
}

const target = {
  key: z.string().min(1).max(63),
  scope: z.enum(flagOverrideScopes),
  workspaceId: z.uuid('Choose a workspace.').optional(),
  userId: z.uuid('Choose a person.').optional(),
};

export const setFlagOverrideInput = z.strictObject({
  ...target,
  value: z.union([z.boolean(), z.string().max(100)]),
  reason: z.string().trim().min(3, 'Say why (at least 3 characters).').max(500),
  /** When the override stops applying; none: until cleared. */
  expiresAt: z.coerce.date().optional(),
});
export type SetFlagOverrideInput = z.input<typeof setFlagOverrideInput>;

export const clearFlagOverrideInput = z.strictObject({
  ...target,
  reason: z.string().trim().min(3, 'Say why (at least 3 characters).').max(500),
});
export type ClearFlagOverrideInput = z.input<typeof clearFlagOverrideInput>;

type Target = { key: string; scope: FlagOverrideRow['scope']; workspaceId?: string; userId?: string };

function checkTarget(deps: FlagAdminDeps, input: Target): FlagDefinition {
  // Own keys only: `constructor` or `__proto__` are no flag, not a property of every object.
  const definition = Object.hasOwn(deps.definitions, input.key) ? deps.definitions[input.key] : undefined;
  if (!definition) throw new AppError('invalid_input', 'No such flag.', { fields: { key: 'No such flag.' } });
  const needs: readonly string[] = { kill: [], workspace: ['workspaceId'], user: ['userId'] }[input.scope];
  for (const field of ['workspaceId', 'userId'] as const) {
    if (needs.includes(field) && !input[field])
      throw new AppError('invalid_input', `A ${input.scope} override names its target.`, {
        fields: { [field]: 'Required for this scope.' },
      });
    if (!needs.includes(field) && input[field])
      throw new AppError('invalid_input', `A ${input.scope} override has no ${field}.`, {
        fields: { [field]: 'Not allowed for this scope.' },
      });
  }
  return definition;
}

const noSuchWorkspace = () =>
  new AppError('invalid_input', 'No such workspace.', { fields: { workspaceId: 'No such workspace.' } });
const noSuchPerson = () =>
  new AppError('invalid_input', 'No such person.', { fields: { userId: 'No such person.' } });

/** The workspace or person an override names exists (else a 400 naming the field, not an FK error). */
async function assertTargetExists(tx: Executor, input: Target): Promise<void> {
  if (input.workspaceId) {
    const [row] = await tx
      .select({ id: workspace.id })
      .from(workspace)
      .where(and(eq(workspace.id, input.workspaceId), isNull(workspace.deletedAt)));
    if (!row) throw noSuchWorkspace();
  }
  if (input.userId) {
    const [row] = await tx
      .select({ id: user.id })
      .from(user)
      .where(and(eq(user.id, input.userId), isNull(user.deletedAt)));
    if (!row) throw noSuchPerson();
  }
}

/** Postgres' SQLSTATE of a failed statement (drizzle wraps the driver's error as `cause`). */
function sqlState(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

const sameTarget = (input: Target): SQL =>
  and(
    eq(flagOverride.key, input.key),
    eq(flagOverride.scope, input.scope),
    input.workspaceId ? eq(flagOverride.workspaceId, input.workspaceId) : isNull(flagOverride.workspaceId),
    input.userId ? eq(flagOverride.userId, input.userId) : isNull(flagOverride.userId),
  )!;

/** Staff only, checked here too: the role is read now, not trusted from the caller. */
async function assertStaff(database: Database, actor: Actor): Promise<void> {
  const [row] =
    actor.type === 'user' && !actor.impersonatorId
      ? await database.db.select({ role: user.role }).from(user).where(eq(user.id, actor.id))
      : [];
  if (
    !(row?.role ?? '')
      .split(',')
      .map((role) => role.trim())
      .includes('admin')
  ) {
    throw new AppError('not_found');
  }
}

/**
 * Sets a kill switch (scope `kill`: one value for everyone, beating every other rule) or a value
 * for one workspace or person, replacing any override of the same target. Audited with the staff
 * member as actor and the reason, and NOTIFYed at commit so every node reloads its cache (this
 * node's before it answers, when `deps.store` is given).
 */
export async function setFlagOverride(
  deps: FlagAdminDeps,
  actor: Actor,
  input: SetFlagOverrideInput,
  origin: AuditOrigin = {},
): Promise<FlagOverrideRow> {
  await assertStaff(deps.database, actor);
  const values = parseInput(setFlagOverrideInput, input);
  const definition = checkTarget(deps, values);
  const problem = valueProblem(definition, values.value);
  if (problem) throw new AppError('invalid_input', `The value ${problem}.`, { fields: { value: problem } });
  const now = deps.now?.() ?? new Date();
  if (values.expiresAt && values.expiresAt.getTime() <= now.getTime()) {
    throw new AppError('invalid_input', 'The expiry is in the past.', {
      fields: { expiresAt: 'Choose a moment in the future.' },
    });
  }
  const settings = {
    value: values.value,
    reason: values.reason,
    createdBy: actor.id,
    expiresAt: values.expiresAt ?? null,
  };
  const saved = await deps.database.db.transaction(async (tx) => {
    await assertTargetExists(tx, values);
    // One statement replaces the target's override: two staff setting it at once both succeed
    // (the later wins), where a delete then an insert had the second fail on the unique key.
    const [row] = await tx
      .insert(flagOverride)
      .values({
        key: values.key,
        scope: values.scope,
        workspaceId: values.workspaceId ?? null,
        userId: values.userId ?? null,
        ...settings,
      })
      .onConflictDoUpdate({
        target: [flagOverride.key, flagOverride.scope, flagOverride.workspaceId, flagOverride.userId],
        set: { ...settings, createdAt: sql`now()` },
      })
      .returning()
      .catch((error: unknown) => {
        // Deleted between the check and the insert.
        if (sqlState(error) === '23503') throw values.workspaceId ? noSuchWorkspace() : noSuchPerson();
        throw error;
      });
    await auditStaffAction(
      tx,
      actor,
      {
        action: values.scope === 'kill' ? 'flag.kill_switch_set' : 'flag.override_set',
        workspaceId: values.workspaceId ?? null,
        target: { type: 'flag', id: values.key },
        metadata: {
          scope: values.scope,
          ...(values.userId ? { userId: values.userId } : {}),
          value: values.value,
          reason: values.reason,
          expiresAt: values.expiresAt?.toISOString() ?? null,
        },
        customerMetadata: { value: values.value },
      },
      origin,
    );
    await publishNotification(tx, FLAGS_CHANNEL, values.key);
    return row!;
  });
  await reloadOwnCache(deps);
  return saved;
}

/** Removes an override (a kill switch: the flag resolves by its rules again). Audited, NOTIFYed. */
export async function clearFlagOverride(
  deps: FlagAdminDeps,
  actor: Actor,
  input: ClearFlagOverrideInput,
  origin: AuditOrigin = {},
): Promise<void> {
  await assertStaff(deps.database, actor);
  const values = parseInput(clearFlagOverrideInput, input);
  checkTarget(deps, values);
  await deps.database.db.transaction(async (tx) => {
    const removed = await tx
      .delete(flagOverride)
      .where(sameTarget(values))
      .returning({ id: flagOverride.id });
    if (removed.length === 0) throw new AppError('not_found', 'There is no such override.');
    await auditStaffAction(
      tx,
      actor,
      {
        action: values.scope === 'kill' ? 'flag.kill_switch_cleared' : 'flag.override_cleared',
        workspaceId: values.workspaceId ?? null,
        target: { type: 'flag', id: values.key },
        metadata: {
          scope: values.scope,
          ...(values.userId ? { userId: values.userId } : {}),
          reason: values.reason,
        },
      },
      origin,
    );
    await publishNotification(tx, FLAGS_CHANNEL, values.key);
  });
  await reloadOwnCache(deps);
}

/** Every override (live and expired), for the staff console. Staff only. */
export async function listFlagOverrides(deps: FlagAdminDeps, actor: Actor): Promise<FlagOverrideRow[]> {
  await assertStaff(deps.database, actor);
  return deps.database.db
    .select()
    .from(flagOverride)
    .orderBy(asc(flagOverride.key), sql`${flagOverride.scope} = 'kill' desc`, asc(flagOverride.createdAt));
}
