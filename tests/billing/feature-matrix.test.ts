import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditLog } from '@plinth/core/audit';
import {
  catalog,
  ensureCustomer,
  entitlementForPlan,
  featureKeys,
  lowestPlanWith,
  openSeatsPortal,
  planKeys,
  syncCatalog,
  writeEntitlement,
  type FeatureKey,
  type PlanKey,
} from '@plinth/core/billing';
import { prioritySupport } from '@plinth/core/entitlements';
import { AppError } from '@plinth/core/errors';
import type { JobQueue } from '@plinth/core/jobs';
import { createProject } from '@plinth/core/projects';
import { createInvitation, type MemberActor } from '@plinth/core/tenancy';
import { withTenant, type Workspace } from '@plinth/db';
import { grantPlan, useTestDatabase } from '@plinth/testing';
import { APP_URL, useCoreBilling, workspaceWith } from './core-setup';

// The plan × feature matrix, generated from the catalog like the role × route matrix: every feature
// the catalog declares needs a probe here (the first test fails for one without), and each probe runs
// the server path that enforces the feature, on a workspace of every plan. A plan that includes the
// feature gets through; one that does not gets 402 payment_required naming the plan that includes it.

const testDb = useTestDatabase();
const billing = useCoreBilling(testDb);

beforeAll(async () => {
  // The seats portal needs the portal configuration billing:sync creates.
  await syncCatalog(billing.deps);
});

type Probe = (owner: MemberActor, workspace: Workspace) => Promise<unknown>;

const probes: Record<FeatureKey, Probe> = {
  projects: (owner) => createProject({ database: testDb.app }, owner, { name: 'Probe' }),
  invitations: (owner) =>
    createInvitation({ database: testDb.app, jobs: {} as JobQueue, appUrl: APP_URL }, owner, {
      email: `invitee-${randomUUID()}@example.com`,
      role: 'member',
    }),
  audit_log: (owner) => listAuditLog({ database: testDb.app }, owner),
  priority_support: (owner) =>
    prioritySupport({ database: testDb.app, supportAddress: 'support@example.com' }, owner),
  seat_billing: async (owner) => {
    await ensureCustomer(billing.deps, owner);
    return openSeatsPortal(billing.deps, owner);
  },
};

async function outcome(run: () => Promise<unknown>): Promise<'allowed' | AppError> {
  try {
    await run();
    return 'allowed';
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

function expectRefusal(result: 'allowed' | AppError, feature: FeatureKey, planName: string): void {
  expect(result).toBeInstanceOf(AppError);
  const error = result as AppError;
  expect(error.code).toBe('payment_required');
  expect(error.status).toBe(402);
  expect(error.message).toContain(`${lowestPlanWith(feature)!.name} plan`);
  expect(error.message).toContain(`on ${planName}`);
}

it('every feature the catalog declares has a probe, and every probe a feature', () => {
  expect(Object.keys(probes).sort()).toEqual([...featureKeys].sort());
  // A feature no plan sells would be unreachable: the catalog is wrong, not the matrix.
  for (const feature of featureKeys) expect(lowestPlanWith(feature), feature).toBeDefined();
});

describe.each(planKeys.map((plan) => [plan] as [PlanKey]))('on %s', (plan) => {
  it.each(featureKeys.map((feature) => [feature] as [FeatureKey]))('%s', async (feature) => {
    const { workspace, actors } = await workspaceWith(testDb);
    await grantPlan(testDb.app, { workspace, plan });
    const result = await outcome(() => probes[feature](actors[0]!, workspace));
    if (catalog.plans[plan].features.includes(feature)) expect(result).toBe('allowed');
    else expectRefusal(result, feature, catalog.plans[plan].name);
  });
});

// Features every plan includes (projects, invitations) are never refused by the real catalog; this
// proves their gate exists: the team plan's entitlement with just that feature removed is refused.
describe('the gate bites for each feature on its own', () => {
  it.each(featureKeys.map((feature) => [feature] as [FeatureKey]))('%s', async (feature) => {
    const { workspace, actors } = await workspaceWith(testDb);
    const without = entitlementForPlan('team');
    without.features = without.features.filter((key) => key !== feature);
    await withTenant(testDb.app, workspace.id, { type: 'system', id: 'test' }, (tx) =>
      writeEntitlement(tx, workspace.id, without),
    );
    expectRefusal(await outcome(() => probes[feature](actors[0]!, workspace)), feature, 'Team');
  });
});
