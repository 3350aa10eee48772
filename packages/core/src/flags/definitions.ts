import type { PlanKey } from '../billing/index';

/** Where the process runs (NODE_ENV): the last step of a flag's resolution may differ per environment. */
export type FlagEnvironment = 'development' | 'test' | 'production';

export type FlagValue = boolean | string;

interface FlagBase<V extends FlagValue> {
  description: string;
  /** Who answers for it (a team or a person): the one to ask before removing it. */
  owner: string;
  /** YYYY-MM-DD. After it, CI warns (scripts/check-flags.ts): a flag is temporary by default. */
  expires: string;
  /** The environment default: the value when nothing above it decided. */
  default: V;
  /** A different default in some environments (e.g. on in development while it is built). */
  environments?: Partial<Record<FlagEnvironment, V>>;
  /** Plan rule: workspaces on these plans get this value (after overrides, before the rollout). */
  plans?: Partial<Record<PlanKey, V>>;
  /**
   * Percentage rollout by workspace: a workspace whose stable bucket (a hash of the flag key and the
   * workspace id, 0–99.99) is below `percent` gets `value`. Raising the percentage only adds
   * workspaces: one that had the value keeps it.
   */
  rollout?: { percent: number; value: V };
  /** Whether GET /api/v1/workspaces/{slug}/flags shows it to clients (SPAs, mobile). */
  clientVisible: boolean;
}

export interface BooleanFlag extends FlagBase<boolean> {
  type: 'boolean';
}

export interface StringFlag extends FlagBase<string> {
  type: 'string';
  /** Every value the flag may take; overrides are checked against it. */
  variants: readonly string[];
}

export type FlagDefinition = BooleanFlag | StringFlag;

/** Keys are snake_case, like feature keys, so they read the same in code, URLs and the API. */
export const flagKeyPattern = /^[a-z][a-z0-9_]{1,62}$/;

/** Declares the flags, checked once at load: bad keys, dates, percentages or variants fail fast. */
export function defineFlags<T extends Record<string, FlagDefinition>>(
  definitions: T,
): { [K in keyof T]: T[K] extends BooleanFlag ? BooleanFlag : StringFlag } {
  for (const [key, definition] of Object.entries(definitions)) {
    const problem = definitionProblem(key, definition);
    if (problem) throw new Error(`flag ${key}: ${problem}`);
  }
  // Widened per flag (a boolean flag's value is boolean, not its default's literal type).
  return definitions as { [K in keyof T]: T[K] extends BooleanFlag ? BooleanFlag : StringFlag };
}

export function definitionProblem(key: string, definition: FlagDefinition): string | null {
  if (!flagKeyPattern.test(key)) return 'key must be snake_case';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(definition.expires) || Number.isNaN(Date.parse(definition.expires)))
    return 'expires must be a YYYY-MM-DD date';
  const rollout = definition.rollout;
  if (rollout && !(rollout.percent >= 0 && rollout.percent <= 100)) return 'rollout percent must be 0–100';
  const values = [
    definition.default,
    ...Object.values(definition.environments ?? {}),
    ...Object.values(definition.plans ?? {}),
    ...(rollout ? [rollout.value] : []),
  ];
  for (const value of values) {
    const problem = valueProblem(definition, value);
    if (problem) return problem;
  }
  return null;
}

/** Why `value` cannot be this flag's value, or null when it can. */
export function valueProblem(definition: FlagDefinition, value: unknown): string | null {
  if (definition.type === 'boolean') return typeof value === 'boolean' ? null : 'must be true or false';
  if (typeof value !== 'string' || !definition.variants.includes(value))
    return `must be one of ${definition.variants.join(', ')}`;
  return null;
}

/** Flags whose expiry date has passed on `today` (YYYY-MM-DD, UTC). */
export function expiredFlags(
  definitions: Record<string, FlagDefinition>,
  today: Date = new Date(),
): { key: string; owner: string; expires: string }[] {
  const day = today.toISOString().slice(0, 10);
  return Object.entries(definitions)
    .filter(([, definition]) => definition.expires < day)
    .map(([key, definition]) => ({ key, owner: definition.owner, expires: definition.expires }));
}
