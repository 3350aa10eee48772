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
export { passwordProblem, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './password-policy';
export { hashPassword, verifyPassword } from './password-hashing';
export { requestOrigin } from './audit-auth-events';
export { deleteAccount, deleteAccountInput, type DeleteAccountInput } from './delete-account';
export { assertSignInNotLocked, recordFailedSignIn } from './sign-in-lockout';
export { createSessionReader, type SessionInfo, type SessionReader } from './read-session';
