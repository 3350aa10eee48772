// Onboarding: the first-run checklist read from real state, its dismissal, and the activation rule
// that sets workspace.activated_at (docs/decisions/0036).
export {
  dismissOnboarding,
  onboardingFor,
  stepPermission,
  type Onboarding,
  type OnboardingItem,
  type OnboardingStep,
} from './checklist';
export { activateIfRuleMet } from './activation';
