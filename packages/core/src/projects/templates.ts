import type { Database } from '@plinth/db';
import type { PlanName } from '../entitlements/index';
import { flag, memberFlagContext, type FlagStore } from '../flags/index';
import type { MemberActor } from '../tenancy/index';

export interface ProjectTemplate {
  key: string;
  name: string;
  description: string;
}

const templates: readonly ProjectTemplate[] = [
  { key: 'launch', name: 'Product launch', description: 'Plan, announce and follow up a release.' },
  { key: 'site', name: 'Marketing site', description: 'Pages, copy and a publishing checklist.' },
  { key: 'research', name: 'User research', description: 'Interviews, notes and findings in one place.' },
];

/**
 * The project templates this member may start from: the `project_templates` beta, behind a flag
 * (on for Team by plan rule, in development by default, and by staff override or rollout for the
 * rest). The flagged-feature pattern: the server decides, the page only shows what it is given.
 * `plan`: the workspace's plan when the caller has already read its entitlements for this request
 * (a page's layout does), so they are not read again; without it they are read here.
 */
export async function projectTemplatesFor(
  deps: { database: Database; flags: FlagStore },
  actor: MemberActor,
  plan?: PlanName,
): Promise<readonly ProjectTemplate[]> {
  const enabled = await flag(await memberFlagContext(deps, actor, plan), 'project_templates');
  return enabled ? templates : [];
}
