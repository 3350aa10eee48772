// Staff: the guard every staff page, action and API route goes through (staff role, 2FA, a sign-in
// or re-authentication within 12 hours), read-only impersonation with audited, time-boxed
// elevation, and what staff do to one person's account. docs/decisions/0031.
export {
  hasStaffRole,
  requireStaffActor,
  staffAccess,
  STAFF_SIGN_IN_MAX_AGE_MS,
  type StaffAccess,
  type StaffSessionRef,
} from './guard';
export {
  reauthenticateStaff,
  reauthenticateInput,
  type ReauthDeps,
  type ReauthenticateInput,
} from './reauthenticate';
export {
  assertImpersonationMayWrite,
  elevateImpersonation,
  elevateInput,
  elevatedUntil,
  ELEVATION_MINUTES,
  MAX_ELEVATION_REASON_LENGTH,
  MIN_ELEVATION_REASON_LENGTH,
  type ElevateInput,
  type ImpersonationSessionRef,
} from './impersonation';
export {
  forceVerifyEmail,
  resendVerificationEmail,
  revokeAllSessions,
  type StaffUserDeps,
} from './user-actions';
export { currentTotpCode, enrollTotpForTesting, verifyStoredTotp } from './totp';
