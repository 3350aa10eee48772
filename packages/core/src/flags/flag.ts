import type { Database } from '@plinth/db';
import type { Actor } from '../actor/index';
import { actingUserId } from '../actor/index';
import { entitlements, type PlanName } from '../entitlements/index';
import { flagCatalog, type FlagKey } from './catalog';
import type { FlagValue } from './definitions';
import { evaluateFlag, type FlagEvaluation, type FlagSubject } from './evaluate';
import type { FlagStore } from './store';

/** What flag() needs: the node's flag store and who is asking. */
export interface FlagContext extends FlagSubject {
  flags: FlagStore;
  /** For tests of expiry; the present otherwise. */
  now?: Date;
}

type CatalogValue<K extends FlagKey> = (typeof flagCatalog)[K]['default'];

/**
 * A flag's value for this context, server-side only: kill switch → user override → workspace
 * override → plan rule → percentage rollout → environment default. Reads the node's cache (no
 * query); an unknown key is a programming error and throws.
 */
export async function flag<K extends FlagKey>(ctx: FlagContext, key: K): Promise<CatalogValue<K>>;
export async function flag(ctx: FlagContext, key: string): Promise<FlagValue>;
export async function flag(ctx: FlagContext, key: string): Promise<FlagValue> {
  return (await explainFlag(ctx, key)).value;
}

/** flag() with the step that decided it (for the staff console and the OpenFeature provider). */
export async function explainFlag(ctx: FlagContext, key: string): Promise<FlagEvaluation> {
  await ctx.flags.ready();
  const definition = ctx.flags.definitions[key];
  if (!definition) throw new Error(`unknown flag: ${key}`);
  return evaluateFlag(key, definition, ctx.flags.overridesOf(key), ctx, ctx.flags.environment, ctx.now);
}

/**
 * The flag context of a member acting in its workspace: the workspace, its plan and the person.
 * The plan is read from the workspace's entitlements unless the caller passes the one it has
 * already read for this request (`knownPlan`).
 */
export async function memberFlagContext(
  deps: { database: Database; flags: FlagStore },
  actor: Actor & { workspaceId: string },
  knownPlan?: PlanName,
): Promise<FlagContext> {
  const plan = knownPlan ?? (await entitlements(deps, actor.workspaceId)).plan;
  return { flags: deps.flags, workspaceId: actor.workspaceId, userId: actingUserId(actor), plan };
}

/** Every flag declared client-visible, evaluated for this context: what GET …/flags answers. */
export async function clientFlags(ctx: FlagContext): Promise<Record<string, FlagValue>> {
  const values: Record<string, FlagValue> = {};
  for (const [key, definition] of Object.entries(ctx.flags.definitions)) {
    if (definition.clientVisible) values[key] = (await explainFlag(ctx, key)).value;
  }
  return values;
}
