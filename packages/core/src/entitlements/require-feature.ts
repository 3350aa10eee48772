import type { Executor } from '@plinth/db';
import type { Actor } from '../actor/index';
import { featureInfo, lowestPlanWith, type FeatureKey } from '../billing/index';
import { AppError } from '../errors/index';
import { entitlementsIn, hasFeature, type Entitlements } from './index';

/**
 * `payment_required` (402) unless the plan in `current` includes `feature`, with a message naming
 * the plan that does ("The audit log is part of the Pro plan; this workspace is on Free."). The pure
 * half of requireFeature(), for callers that already read the entitlement in their transaction.
 */
export function assertFeature(
  current: Pick<Entitlements, 'features' | 'planName'>,
  feature: FeatureKey,
): void {
  if (hasFeature(current, feature)) return;
  const { name } = featureInfo[feature];
  const includedIn = lowestPlanWith(feature);
  throw new AppError(
    'payment_required',
    includedIn
      ? `${name} is part of the ${includedIn.name} plan${includedIn.key === 'team' ? '' : ' and above'}; this workspace is on ${current.planName}. Upgrade in Billing.`
      : `${name} is not part of any plan.`,
  );
}

/**
 * Beside assertCan(): refuses with `payment_required`, naming the plan that includes it, when the
 * actor's workspace plan lacks `feature`. Reads the entitlement in `tx` (already in the tenant), so
 * the check and the work it guards see the same plan.
 */
export async function requireFeature(
  tx: Executor,
  actor: Actor & { workspaceId: string },
  feature: FeatureKey,
): Promise<Entitlements> {
  const current = await entitlementsIn(tx, actor.workspaceId);
  assertFeature(current, feature);
  return current;
}
