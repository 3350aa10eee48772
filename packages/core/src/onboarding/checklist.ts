import { and, eq, isNull } from 'drizzle-orm';
import { readInTenant, withTenant, workspace, type Database } from '@plinth/db';
import { assertCan, can, type Permission } from '../access/index';
import { audit } from '../audit/index';
import { AppError } from '../errors/index';
import type { MemberActor } from '../tenancy/index';

export type OnboardingStep = 'project' | 'teammate' | 'plan' | 'api_key';

export interface OnboardingItem {
  step: OnboardingStep;
  done: boolean;
  /** May this person take the step (the permission table); the server enforces it again. */
  permitted: boolean;
}

export interface Onboarding {
  items: OnboardingItem[];
  dismissed: boolean;
  /** When the workspace met the activation rule (activation.ts), or null. */
  activatedAt: Date | null;
  /** Not dismissed, something left to do, and something of it this person may do. */
  visible: boolean;
}

/** Who may take each step: the permission that step's page asks for. */
export const stepPermission: Record<OnboardingStep, Permission> = {
  project: 'project.create',
  teammate: 'member.invite',
  plan: 'billing.manage',
  api_key: 'api_key.manage',
};

const steps: readonly OnboardingStep[] = ['project', 'teammate', 'plan', 'api_key'];

interface StateRow {
  project: boolean;
  teammate: boolean;
  plan: boolean;
  api_key: boolean;
  dismissed_at: Date | null;
  activated_at: Date | null;
}

/**
 * The first-run checklist of the actor's workspace, read from the real rows each time (no flags of
 * its own to drift; docs/decisions/0036): a project was ever created (a deleted one still counts),
 * someone else was invited or joined, a plan was chosen (a subscription, or a plan other than
 * free), an API key was created. One statement in the tenant transaction.
 */
export async function onboardingFor(deps: { database: Database }, actor: MemberActor): Promise<Onboarding> {
  assertCan(actor, 'workspace.read');
  const [row] = await readInTenant<StateRow>(deps.database, actor.workspaceId, actor, (literal) => {
    const ws = literal(actor.workspaceId);
    return `select
      exists (select 1 from project where workspace_id = ${ws}) as project,
      (exists (select 1 from invitation where workspace_id = ${ws})
        or (select count(*) from member where workspace_id = ${ws}) > 1) as teammate,
      (exists (select 1 from subscription where workspace_id = ${ws})
        or exists (select 1 from entitlement where workspace_id = ${ws} and plan <> 'free')) as plan,
      exists (select 1 from api_key where workspace_id = ${ws}) as api_key,
      w.onboarding_dismissed_at as dismissed_at, w.activated_at
      from workspace w where w.id = ${ws}`;
  });
  if (!row) throw new AppError('not_found');
  const items = steps.map((step) => ({
    step,
    done: row[step],
    permitted: can(actor, stepPermission[step]),
  }));
  const dismissed = row.dismissed_at !== null;
  return {
    items,
    dismissed,
    activatedAt: row.activated_at,
    visible: !dismissed && items.some((item) => !item.done && item.permitted),
  };
}

/**
 * Hides the checklist for everyone in the workspace (a workspace setting, so `workspace.update`:
 * managers). Idempotent.
 */
export async function dismissOnboarding(deps: { database: Database }, actor: MemberActor): Promise<void> {
  assertCan(actor, 'workspace.update');
  await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const dismissed = await tx
      .update(workspace)
      .set({ onboardingDismissedAt: new Date() })
      .where(and(eq(workspace.id, actor.workspaceId), isNull(workspace.onboardingDismissedAt)))
      .returning({ id: workspace.id });
    // Audited once, when it is hidden: a second dismissal changes nothing.
    if (dismissed.length > 0) await audit(tx, actor, { action: 'workspace.onboarding_dismissed' });
  });
}
