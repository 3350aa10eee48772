// Entitlements: "may this workspace do X now?" — plan features and limits. STUB until the billing
// issue lands: the plan comes from workspace metadata (set by the seed), not from a subscription.
import { and, eq, isNull } from 'drizzle-orm';
import { workspace, type Database } from '@plinth/db';

export const planLimits = {
  free: { members: 3, projects: 3 },
  pro: { members: 10, projects: 50 },
  team: { members: 50, projects: 500 },
} as const;

export type PlanName = keyof typeof planLimits;

export interface Entitlements {
  plan: PlanName;
  limits: { members: number; projects: number };
}

/**
 * The workspace's current plan and limits. Billing will replace the body with a read of the
 * synced subscription state; callers (seat and project limits) stay as they are.
 */
export async function entitlements(deps: { database: Database }, workspaceId: string): Promise<Entitlements> {
  const [row] = await deps.database.db
    .select({ metadata: workspace.metadata })
    .from(workspace)
    .where(and(eq(workspace.id, workspaceId), isNull(workspace.deletedAt)));
  const declared = row?.metadata?.plan;
  const plan: PlanName = declared === 'pro' || declared === 'team' ? declared : 'free';
  return { plan, limits: { ...planLimits[plan] } };
}
