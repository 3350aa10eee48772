/**
 * Turning what better-auth (or our Hono error envelope) answers into a sentence for a form. The
 * server's message is shown as-is unless a code has a clearer wording for this UI.
 */

export const NETWORK_ERROR_MESSAGE = 'We could not reach the server. Check your connection and try again.';
export const RATE_LIMIT_MESSAGE = 'Too many attempts. Wait a few minutes, then try again.';

/** better-auth's error body is { code, message }; ours is { error: { code, message } }. */
export type AuthErrorLike = {
  status?: number;
  code?: string;
  message?: string;
  error?: { code?: string; message?: string; fields?: Record<string, string> } | null;
};

const friendlyMessages: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'Incorrect email or password.',
  INVALID_PASSWORD: 'That password is not right.',
  INVALID_CODE: 'That code is not right. Check your authenticator app and try again.',
  INVALID_BACKUP_CODE: 'That backup code is not valid, or it was already used.',
  INVALID_TWO_FACTOR_COOKIE: 'This sign-in attempt has expired. Sign in again to get a new challenge.',
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: 'Too many wrong codes. Sign in again to get a new challenge.',
  INVALID_TOKEN: 'This link is invalid or has expired.',
  TOKEN_EXPIRED: 'This link has expired.',
  EMAIL_NOT_VERIFIED: 'Confirm your email address before signing in.',
  FAILED_TO_GET_SESSION: 'Your session has ended. Sign in again.',
  SESSION_EXPIRED: 'For your security, sign in again before making this change.',
  SESSION_NOT_FRESH: 'For your security, sign in again before making this change.',
};

export function authErrorCode(error: AuthErrorLike | null | undefined): string | undefined {
  return error?.code ?? error?.error?.code ?? undefined;
}

export function authErrorMessage(
  error: AuthErrorLike | null | undefined,
  fallback = 'Something went wrong. Try again.',
): string {
  if (!error) return fallback;
  const code = authErrorCode(error);
  if (code && friendlyMessages[code]) return friendlyMessages[code];
  const message = error.message ?? error.error?.message;
  if (message && message.trim() !== '') return ensureSentence(message);
  if (error.status === 429) return RATE_LIMIT_MESSAGE;
  if (error.status === 0 || error.status === undefined) return NETWORK_ERROR_MESSAGE;
  return fallback;
}

/** better-auth messages are sentence fragments ("Invalid password"); end them like sentences. */
function ensureSentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

export type AuthOutcome<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: string | undefined;
      status: number | undefined;
      message: string;
      /** What our /api/auth edge says about each field it refused (error.fields), if anything. */
      fields: Record<string, string>;
    };

/**
 * Runs one better-auth client call and folds its { data, error } answer, or a thrown network
 * failure, into one value a form can branch on.
 */
export async function callAuth<T>(
  call: Promise<{ data: T; error: null } | { data: null; error: AuthErrorLike }>,
): Promise<AuthOutcome<T>> {
  try {
    const result = await call;
    if (result.error) {
      return {
        ok: false,
        code: authErrorCode(result.error),
        status: result.error.status,
        message: authErrorMessage(result.error),
        fields: result.error.error?.fields ?? {},
      };
    }
    return { ok: true, data: result.data as T };
  } catch {
    return { ok: false, code: undefined, status: undefined, message: NETWORK_ERROR_MESSAGE, fields: {} };
  }
}

/** The codes with their own wording in the catalogs (common.authErrors): the ones above. */
const catalogedCodes = [
  'INVALID_EMAIL_OR_PASSWORD',
  'INVALID_PASSWORD',
  'INVALID_CODE',
  'INVALID_BACKUP_CODE',
  'INVALID_TWO_FACTOR_COOKIE',
  'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'EMAIL_NOT_VERIFIED',
  'FAILED_TO_GET_SESSION',
  'SESSION_EXPIRED',
  'SESSION_NOT_FRESH',
] as const;
type CatalogedCode = (typeof catalogedCodes)[number];
export type AuthErrorKey = CatalogedCode | 'network' | 'rateLimited';

function isCatalogedCode(code: string | undefined): code is CatalogedCode {
  return (catalogedCodes as readonly (string | undefined)[]).includes(code);
}

/**
 * A failed outcome's sentence in the reader's language: a code the catalogs word (common.authErrors),
 * a network failure or a rate limit; otherwise the server's own message (better-auth words those in
 * English only). `t` is useTranslations('common.authErrors').
 */
export function localizedAuthMessage(
  outcome: { code: string | undefined; status: number | undefined; message: string },
  t: (key: AuthErrorKey) => string,
): string {
  if (isCatalogedCode(outcome.code)) return t(outcome.code);
  if (outcome.message === NETWORK_ERROR_MESSAGE) return t('network');
  if (outcome.message === RATE_LIMIT_MESSAGE) return t('rateLimited');
  return outcome.message;
}
