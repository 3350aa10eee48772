import { createHash } from 'node:crypto';
import type { PlanKey } from '../billing/index';
import type { FlagDefinition, FlagEnvironment, FlagValue } from './definitions';

/** An override as the cache holds it (see the flag_override table). */
export interface CachedOverride {
  scope: 'kill' | 'workspace' | 'user';
  workspaceId: string | null;
  userId: string | null;
  value: FlagValue;
  expiresAt: Date | null;
}

/** Who is asking: the workspace (and its plan) and the person, when known. */
export interface FlagSubject {
  workspaceId?: string | undefined;
  userId?: string | undefined;
  plan?: PlanKey | undefined;
}

export type FlagReason =
  'kill_switch' | 'user_override' | 'workspace_override' | 'plan' | 'rollout' | 'environment_default';

export interface FlagEvaluation<V extends FlagValue = FlagValue> {
  value: V;
  reason: FlagReason;
}

/**
 * The workspace's bucket for a flag, 0 ≤ b < 100 in steps of 0.01: the first 32 bits of
 * SHA-256("<flag key>:<workspace id>"). Stable across nodes and restarts; the key is part of it so
 * one workspace is not first in line for every flag.
 */
export function rolloutBucket(flagKey: string, workspaceId: string): number {
  const digest = createHash('sha256').update(`${flagKey}:${workspaceId}`).digest();
  return (digest.readUInt32BE(0) % 10_000) / 100;
}

const applies = (override: CachedOverride, now: Date) =>
  override.expiresAt === null || override.expiresAt.getTime() > now.getTime();

/**
 * The one resolution order: kill switch → user override → workspace override → plan rule →
 * percentage rollout (by workspace) → environment default. Pure: the overrides come from the cache.
 */
export function evaluateFlag(
  key: string,
  definition: FlagDefinition,
  overrides: readonly CachedOverride[],
  subject: FlagSubject,
  environment: FlagEnvironment,
  now: Date = new Date(),
): FlagEvaluation {
  const live = overrides.filter((override) => applies(override, now));
  const kill = live.find((override) => override.scope === 'kill');
  if (kill) return { value: kill.value, reason: 'kill_switch' };
  if (subject.userId) {
    const mine = live.find((override) => override.scope === 'user' && override.userId === subject.userId);
    if (mine) return { value: mine.value, reason: 'user_override' };
  }
  if (subject.workspaceId) {
    const ours = live.find(
      (override) => override.scope === 'workspace' && override.workspaceId === subject.workspaceId,
    );
    if (ours) return { value: ours.value, reason: 'workspace_override' };
  }
  const planValue = subject.plan ? definition.plans?.[subject.plan] : undefined;
  if (planValue !== undefined) return { value: planValue, reason: 'plan' };
  if (definition.rollout && subject.workspaceId) {
    if (rolloutBucket(key, subject.workspaceId) < definition.rollout.percent) {
      return { value: definition.rollout.value, reason: 'rollout' };
    }
  }
  return {
    value: definition.environments?.[environment] ?? definition.default,
    reason: 'environment_default',
  };
}
