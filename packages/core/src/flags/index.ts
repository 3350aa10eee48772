// Flags: feature flags declared as code (catalog.ts), evaluated server-side by one flag(ctx, key)
// in a fixed order (kill switch → user override → workspace override → plan rule → percentage
// rollout → environment default), with staff overrides in Postgres cached on each node and
// invalidated through LISTEN/NOTIFY, and an OpenFeature provider over the same evaluation.
export { flagCatalog, type FlagKey } from './catalog';
export {
  defineFlags,
  definitionProblem,
  expiredFlags,
  flagKeyPattern,
  valueProblem,
  type BooleanFlag,
  type FlagDefinition,
  type FlagEnvironment,
  type FlagValue,
  type StringFlag,
} from './definitions';
export {
  evaluateFlag,
  rolloutBucket,
  type CachedOverride,
  type FlagEvaluation,
  type FlagReason,
  type FlagSubject,
} from './evaluate';
export { createFlagStore, FLAGS_CHANNEL, type FlagStore, type FlagStoreOptions } from './store';
export { clientFlags, explainFlag, flag, memberFlagContext, type FlagContext } from './flag';
export {
  clearFlagOverride,
  clearFlagOverrideInput,
  listFlagOverrides,
  setFlagOverride,
  setFlagOverrideInput,
  type ClearFlagOverrideInput,
  type FlagAdminDeps,
  type SetFlagOverrideInput,
} from './overrides';
export { PlinthFlagProvider } from './openfeature';
