// Identity: better-auth configured safely over our tables — passwords (argon2id), verification,
// reset, magic links, OAuth/OIDC, TOTP 2FA, sessions, staff admin — and the audit of each event.
export {
  createAuth,
  AUTH_BASE_PATH,
  CLIENT_IP_HEADER,
  type Auth,
  type IdentityDeps,
  type IdentityMail,
} from './create-auth';
export {
  passwordProblem,
  newPasswordField,
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
} from './password-policy';
export { hashPassword, setPasswordHashingForTests, verifyPassword } from './password-hashing';
export { requestOrigin } from './audit-auth-events';
export { deleteAccount, deleteAccountInput, type DeleteAccountInput } from './delete-account';
export { assertSignInNotLocked, recordFailedSignIn } from './sign-in-lockout';
export { assertSecondFactorAllowed, recordFailedSecondFactor } from './second-factor-limits';
export { consumeTotpCode } from './totp-replay';
export {
  createSessionReader,
  liveSessionIds,
  IMPERSONATION_SECONDS,
  SESSION_EXPIRES_IN_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
  type SessionInfo,
  type SessionPerson,
  type SessionReader,
} from './read-session';
export {
  authSurface,
  findAuthEndpoint,
  isOnAuthSurface,
  UNIFORM_SIGN_UP_ANSWER,
  type AuthEndpoint,
  type AuthEndpointMatch,
  type AuthEndpointRules,
  type AuthMethod,
} from './auth-surface';
export { checkAuthInput, parseAuthBody, REDIRECT_FIELDS } from './auth-input';
export {
  createAuthEdgeRules,
  type AuthEdgeDeps,
  type AuthEdgeRequest,
  type AuthEdgeRules,
  type AuthEdgeState,
  type AuthOutcome,
} from './auth-edge-rules';
export { confirmIdentity, RECENT_SIGN_IN_MS, type IdentityCheck } from './confirm-identity';
export { userName, cleanUserName, MAX_USER_NAME_LENGTH } from './user-name';
export { getTheme, isTheme, setTheme, themeInput, THEMES, type Theme, type ThemeInput } from './theme';
export { getLocale, localeInput, localeOfEmail, setLocale, type LocaleInput } from './locale';
