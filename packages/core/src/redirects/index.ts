// Redirects: the one rule for where Plinth may send a browser after a step (?next=, better-auth's
// callbackURL, errorCallbackURL, newUserCallbackURL, redirectTo). Pure, so pages and the edge share it.
export { safeRedirectPath, isSafeRedirectPath, MAX_REDIRECT_PATH_LENGTH } from './safe-redirect-path';
