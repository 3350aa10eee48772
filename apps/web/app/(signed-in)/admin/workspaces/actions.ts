'use server';

import { revalidatePath } from 'next/cache';
import { clearFlagOverride, setFlagOverride } from '@plinth/core/flags';
import { serverContext } from '@plinth/core/server-context';
import {
  clearPlanOverride,
  setPlanOverride,
  suspendWorkspace,
  unsuspendWorkspace,
} from '@plinth/core/staff-console';
import { runAction, type ActionResult } from '../../../../lib/action-result';
import { actionOrigin, actionStaff } from '../../../../lib/workspace-context';

// Glue only: the staff member through the staff guard (actionStaff: role from the database, 2FA,
// a sign-in within 12 hours, never while impersonating), then one core call, which checks the role
// again, validates, changes and audits.
// The form sends strings; core's zod schemas coerce and refuse by field.

type Form = Record<string, unknown>;

/** Empty inputs are absent, not "" (an empty optional limit means the plan's own). */
function present(form: unknown): Form {
  if (typeof form !== 'object' || form === null || Array.isArray(form)) return {};
  return Object.fromEntries(Object.entries(form).filter(([, value]) => value !== '' && value !== undefined));
}

async function staffCall(work: (actor: Awaited<ReturnType<typeof actionStaff>>) => Promise<unknown>) {
  return runAction(async () => {
    const actor = await actionStaff();
    await work(actor);
    revalidatePath('/admin/workspaces', 'layout');
    return null;
  });
}

export async function suspendWorkspaceAction(workspaceId: unknown, form: unknown): Promise<ActionResult> {
  return staffCall(async (actor) =>
    suspendWorkspace(
      serverContext(),
      actor,
      { ...present(form), workspaceId } as never,
      await actionOrigin(),
    ),
  );
}

export async function unsuspendWorkspaceAction(workspaceId: unknown, form: unknown): Promise<ActionResult> {
  return staffCall(async (actor) =>
    unsuspendWorkspace(
      serverContext(),
      actor,
      { ...present(form), workspaceId } as never,
      await actionOrigin(),
    ),
  );
}

export async function setPlanOverrideAction(workspaceId: unknown, form: unknown): Promise<ActionResult> {
  return staffCall(async (actor) =>
    setPlanOverride(serverContext(), actor, { ...present(form), workspaceId } as never, await actionOrigin()),
  );
}

export async function clearPlanOverrideAction(workspaceId: unknown, form: unknown): Promise<ActionResult> {
  return staffCall(async (actor) =>
    clearPlanOverride(
      serverContext(),
      actor,
      { ...present(form), workspaceId } as never,
      await actionOrigin(),
    ),
  );
}

/** A flag override for a workspace or person, or a kill switch: `value` arrives as text. */
export async function setFlagOverrideAction(form: unknown): Promise<ActionResult> {
  return staffCall(async (actor) => {
    const { database, flags } = serverContext();
    const values = present(form);
    const value = values.value === 'true' ? true : values.value === 'false' ? false : values.value;
    await setFlagOverride(
      { database, definitions: flags.definitions, store: flags },
      actor,
      { ...values, value } as never,
      await actionOrigin(),
    );
  });
}

export async function clearFlagOverrideAction(form: unknown): Promise<ActionResult> {
  return staffCall(async (actor) => {
    const { database, flags } = serverContext();
    await clearFlagOverride(
      { database, definitions: flags.definitions, store: flags },
      actor,
      present(form) as never,
      await actionOrigin(),
    );
  });
}
