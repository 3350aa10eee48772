import {
  FlagNotFoundError,
  StandardResolutionReasons,
  TypeMismatchError,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import { isPlanKey } from '../billing/index';
import type { FlagValue } from './definitions';
import { evaluateFlag, type FlagReason } from './evaluate';
import type { FlagStore } from './store';

const reasons: Record<FlagReason, string> = {
  kill_switch: StandardResolutionReasons.DISABLED,
  user_override: StandardResolutionReasons.TARGETING_MATCH,
  workspace_override: StandardResolutionReasons.TARGETING_MATCH,
  plan: StandardResolutionReasons.TARGETING_MATCH,
  rollout: StandardResolutionReasons.SPLIT,
  environment_default: StandardResolutionReasons.DEFAULT,
};

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * An OpenFeature server provider over the same evaluation as flag(): call sites written against
 * OpenFeature's client keep working when a team swaps this for LaunchDarkly, Unleash or flagd.
 * The evaluation context maps `targetingKey` to the person, `workspaceId` and `plan` to the rest.
 */
export class PlinthFlagProvider implements Provider {
  readonly metadata = { name: 'plinth' } as const;
  readonly runsOn = 'server' as const;

  constructor(private readonly store: FlagStore) {}

  async initialize(): Promise<void> {
    await this.store.ready();
  }

  private resolve<T extends FlagValue>(
    flagKey: string,
    type: 'boolean' | 'string',
    context: EvaluationContext,
  ): ResolutionDetails<T> {
    const definition = this.store.definitions[flagKey];
    if (!definition) throw new FlagNotFoundError(`No flag named ${flagKey}.`);
    if (definition.type !== type) throw new TypeMismatchError(`${flagKey} is a ${definition.type} flag.`);
    const plan = context.plan;
    const { value, reason } = evaluateFlag(
      flagKey,
      definition,
      this.store.overridesOf(flagKey),
      {
        userId: text(context.targetingKey),
        workspaceId: text(context.workspaceId),
        plan: isPlanKey(plan) ? plan : undefined,
      },
      this.store.environment,
    );
    return {
      value: value as T,
      variant: String(value),
      reason: reasons[reason],
      flagMetadata: { plinthReason: reason },
    };
  }

  async resolveBooleanEvaluation(
    flagKey: string,
    _defaultValue: boolean,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<boolean>> {
    return this.resolve<boolean>(flagKey, 'boolean', context);
  }

  async resolveStringEvaluation(
    flagKey: string,
    _defaultValue: string,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<string>> {
    return this.resolve<string>(flagKey, 'string', context);
  }

  async resolveNumberEvaluation(flagKey: string): Promise<ResolutionDetails<number>> {
    throw this.store.definitions[flagKey]
      ? new TypeMismatchError(`${flagKey} is not a number flag.`)
      : new FlagNotFoundError(`No flag named ${flagKey}.`);
  }

  async resolveObjectEvaluation<T extends JsonValue>(flagKey: string): Promise<ResolutionDetails<T>> {
    throw this.store.definitions[flagKey]
      ? new TypeMismatchError(`${flagKey} is not an object flag.`)
      : new FlagNotFoundError(`No flag named ${flagKey}.`);
  }
}
